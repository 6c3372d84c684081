using System.Text;

namespace Cql.Engine.Ingest.Warc;

/// <summary>One WARC record: its type (response, request, metadata …), its headers, and its content block.</summary>
public sealed record WarcRecord(int Index, long Offset, string Type, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Block)
{
    public string? TargetUri => Headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
    public string? ContentType => Headers.GetValueOrDefault("content-type");
}

/// <summary>
/// Reads the records of an (uncompressed) WARC file (ISO 28500, versions 0.17 to 1.1): a version line, header lines
/// up to a blank line, a block of Content-Length bytes, two line breaks. <see cref="Truncated"/> tells when the data
/// ends inside a record (a download or a copy cut short): the records before it are whole.
/// </summary>
public sealed class WarcRecords(ReadOnlyMemory<byte> data)
{
    /// <summary>Why reading stopped before the end of the data, or null when every record was whole.</summary>
    public string? Truncated { get; private set; }

    public IEnumerable<WarcRecord> Read()
    {
        int at = 0, index = 0;
        while (true)
        {
            var span = data.Span;
            // Records are separated by CRLF CRLF; tolerate any run of line breaks.
            while (at < span.Length && span[at] is (byte)'\r' or (byte)'\n') at++;
            if (at >= span.Length) yield break;
            int start = at;
            if (!span[at..].StartsWith("WARC/"u8))
            {
                Truncated = $"no WARC record starts at byte {at:N0} (after {index} records): the rest was not read";
                yield break;
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int line = NextLine(span, at, out int next);
            if (line < 0) { Truncated = $"record {index + 1} (at byte {start:N0}) is cut off in its headers"; yield break; }
            at = next;
            bool ended = false;
            while (true)
            {
                int end = NextLine(span, at, out next);
                if (end < 0) break;
                if (end == at) { at = next; ended = true; break; }
                var text = Encoding.UTF8.GetString(span[at..end]);
                int colon = text.IndexOf(':');
                if (colon > 0) headers.TryAdd(text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim());
                at = next;
            }
            if (!ended) { Truncated = $"record {index + 1} (at byte {start:N0}) is cut off in its headers"; yield break; }
            if (!long.TryParse(headers.GetValueOrDefault("content-length"), out long length) || length < 0)
            {
                Truncated = $"record {index + 1} (at byte {start:N0}) has no valid Content-Length: the rest was not read";
                yield break;
            }
            if (at + length > span.Length)
            {
                Truncated = $"record {index + 1} (at byte {start:N0}) is cut off: {span.Length - at:N0} of its {length:N0} bytes are there";
                yield break;
            }
            index++;
            var block = data.Slice(at, (int)length);
            at += (int)length;
            yield return new WarcRecord(index, start, headers.GetValueOrDefault("warc-type") ?? "", headers, block);
        }
    }

    /// <summary>The end of the line at <paramref name="at"/> (excluding CR LF or LF), and where the next one starts;
    /// -1 when the data ends first.</summary>
    internal static int NextLine(ReadOnlySpan<byte> span, int at, out int next)
    {
        int lf = span[at..].IndexOf((byte)'\n');
        if (lf < 0) { next = span.Length; return -1; }
        lf += at;
        next = lf + 1;
        return lf > at && span[lf - 1] == '\r' ? lf - 1 : lf;
    }
}
