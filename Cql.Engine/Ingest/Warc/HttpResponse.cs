using System.IO.Compression;
using System.Text;

namespace Cql.Engine.Ingest.Warc;

/// <summary>An HTTP response as a WARC response record stores it: status, headers, and the body with its transfer
/// coding (chunked) and content coding (gzip, deflate, br) undone.</summary>
public sealed record HttpResponse(int Status, string? ContentType, string? Charset, byte[] Body)
{
    /// <summary>Parses the block; null when it is not an HTTP response.</summary>
    public static HttpResponse? Parse(ReadOnlySpan<byte> block)
    {
        if (!block.StartsWith("HTTP/"u8)) return null;
        int end = WarcRecords.NextLine(block, 0, out int at);
        if (end < 0) return null;
        var statusLine = Encoding.ASCII.GetString(block[..end]).Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        int status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var s) ? s : 0;
        string? contentType = null, transfer = null, coding = null;
        while (true)
        {
            end = WarcRecords.NextLine(block, at, out int next);
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
        var body = block[at..].ToArray();
        if (transfer is not null && transfer.Contains("chunked") && Dechunk(body) is { } whole) body = whole;
        if (coding is "gzip" or "x-gzip" or "deflate" or "br") body = Decode(body, coding) ?? body;
        return new HttpResponse(status, contentType, CharsetOf(contentType), body);
    }

    /// <summary>True when the content type says HTML, or there is none and the body starts like a page.</summary>
    public bool IsHtml
    {
        get
        {
            if (ContentType is { } t) return t.Contains("html", StringComparison.OrdinalIgnoreCase);
            var head = Encoding.Latin1.GetString(Body, 0, Math.Min(Body.Length, 512)).TrimStart();
            return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The charset parameter of a Content-Type value.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        int at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = contentType[(at + 8)..].Trim().Trim('"', '\'');
        int stop = value.IndexOfAny([';', ' ', '"', '\'']);
        return stop < 0 ? value : value[..stop];
    }

    static byte[]? Dechunk(byte[] body)
    {
        var output = new MemoryStream(body.Length);
        int at = 0;
        while (at < body.Length)
        {
            int end = WarcRecords.NextLine(body, at, out int next);
            if (end < 0) return null;
            var sizeText = Encoding.ASCII.GetString(body, at, end - at).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0) return null;
            if (size == 0) return output.ToArray();
            if (next + size > body.Length) { output.Write(body, next, body.Length - next); return output.ToArray(); }
            output.Write(body, next, size);
            at = next + size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n') at++;
        }
        return output.ToArray();
    }

    static byte[]? Decode(byte[] body, string coding)
    {
        try
        {
            using var input = new MemoryStream(body, writable: false);
            using Stream decoder = coding switch
            {
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                _ => new GZipStream(input, CompressionMode.Decompress),
            };
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null; // stored already decoded, as many crawlers do while keeping the header
        }
    }
}
