using System.Text;

namespace Cql.Engine.Ingest.Warc;

/// <summary>The status line and headers of an HTTP response, and where its body starts: enough to tell whether a
/// WARC response record holds a page before its block is read whole.</summary>
public sealed record HttpHead(int Status, string? ContentType, string? TransferEncoding, string? ContentEncoding, int BodyStart)
{
    /// <summary>Parses the start of a response block; null when it is not an HTTP response.</summary>
    public static HttpHead? Parse(ReadOnlySpan<byte> block)
    {
        if (!block.StartsWith("HTTP/"u8)) return null;
        int end = HttpResponse.NextLine(block, 0, out int at);
        if (end < 0) return null;
        var statusLine = Encoding.ASCII.GetString(block[..end]).Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        int status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var s) ? s : 0;
        string? contentType = null, transfer = null, coding = null;
        while (true)
        {
            end = HttpResponse.NextLine(block, at, out int next);
            if (end < 0) { at = block.Length; break; }
            if (end == at) { at = next; break; }
            var line = Encoding.Latin1.GetString(block[at..end]);
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                var value = line[(colon + 1)..].Trim();
                switch (line[..colon].Trim().ToLowerInvariant())
                {
                    case "content-type": contentType ??= value; break;
                    case "transfer-encoding": transfer = value.ToLowerInvariant(); break;
                    case "content-encoding": coding = value.ToLowerInvariant(); break;
                }
            }
            at = next;
        }
        return new HttpHead(status, contentType, transfer, coding, at);
    }

    /// <summary>True when the content type says HTML, or there is none and the body starts like a page.</summary>
    public static bool IsHtml(string? contentType, ReadOnlySpan<byte> bodyStart)
    {
        if (contentType is not null) return contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        var head = Encoding.Latin1.GetString(bodyStart[..Math.Min(bodyStart.Length, 512)]).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
