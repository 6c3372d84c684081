using System.Text;

namespace Cql.Engine.Ingest.Warc;

/// <summary>A WARC record's header: its place in the file, its type (response, request, metadata …), its named
/// fields and the length of the content block that follows.</summary>
public sealed record WarcRecordHead(int Index, long Offset, string Type, IReadOnlyDictionary<string, string> Headers, long Length)
{
    public string? TargetUri => Headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
    public string? ContentType => Headers.GetValueOrDefault("content-type");
}

/// <summary>
/// Reads a WARC file's records (ISO 28500, versions 0.17 to 1.1: a version line, header lines up to a blank line, a
/// block of Content-Length bytes, two line breaks) one at a time from a forward-only stream — a file, or a gzip
/// stream over one, whole or member by member — through one fixed buffer, so reading a file of any size holds no
/// more than the block the caller asks for. <see cref="Truncated"/> says where and why reading stopped before the
/// end (a download or a copy cut short, damaged gzip data): the records before it are whole.
/// </summary>
public sealed class WarcRecordStream(Stream input)
{
    /// <summary>The fixed read buffer; a header section longer than this is not a WARC record's.</summary>
    public const int BufferBytes = 1 << 16;

    readonly byte[] _buffer = new byte[BufferBytes];
    int _pos, _len;
    long _consumedBefore; // stream bytes before _buffer[0]
    bool _ended;
    int _index;
    // The record whose block is being read: what of it is left, and what to say if the stream ends inside it.
    WarcRecordHead? _current;
    long _left;

    /// <summary>Why reading stopped before the end of the stream, or null while every record was whole.</summary>
    public string? Truncated { get; private set; }

    /// <summary>Bytes of the (decompressed) stream read so far.</summary>
    public long Position => _consumedBefore + _pos;

    /// <summary>The next record's header (the rest of the block before it is skipped), or null at the end of the
    /// stream or where it stops being whole (<see cref="Truncated"/> says which).</summary>
    public WarcRecordHead? Next()
    {
        if (_current is not null) SkipBlock();
        if (Truncated is not null) return null;
        // Records are separated by CRLF CRLF; tolerate any run of line breaks.
        while (true)
        {
            if (_pos == _len && !Fill()) return null;
            if (_buffer[_pos] is not ((byte)'\r' or (byte)'\n')) break;
            _pos++;
        }
        long start = Position;
        while (_len - _pos < 5 && Fill()) { }
        if (!_buffer.AsSpan(_pos, _len - _pos).StartsWith("WARC/"u8))
        {
            Truncated = _len - _pos < 5 && "WARC/"u8.StartsWith(_buffer.AsSpan(_pos, _len - _pos))
                ? $"record {_index + 1} (at byte {start:N0}) is cut off in its headers"
                : $"no WARC record starts at byte {start:N0} (after {_index} records): the rest was not read";
            return null;
        }
        if (!HeaderSectionInBuffer(out int end))
        {
            Truncated = _ended
                ? $"record {_index + 1} (at byte {start:N0}) is cut off in its headers"
                : $"record {_index + 1} (at byte {start:N0}) has more than {BufferBytes / 1024} KB of headers: the rest was not read";
            return null;
        }
        var section = _buffer.AsSpan(_pos, end - _pos);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int at = HttpResponse.NextLine(section, 0, out int next);
        at = next;
        while (at < section.Length)
        {
            int lineEnd = HttpResponse.NextLine(section, at, out next);
            if (lineEnd <= at) break;
            var text = Encoding.UTF8.GetString(section[at..lineEnd]);
            int colon = text.IndexOf(':');
            if (colon > 0) headers.TryAdd(text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim());
            at = next;
        }
        _pos = end;
        if (!long.TryParse(headers.GetValueOrDefault("content-length"), out long length) || length < 0)
        {
            Truncated = $"record {_index + 1} (at byte {start:N0}) has no valid Content-Length: the rest was not read";
            return null;
        }
        _index++;
        _current = new WarcRecordHead(_index, start, headers.GetValueOrDefault("warc-type") ?? "", headers, length);
        _left = length;
        return _current;
    }

    /// <summary>Reads the current record's block into <paramref name="destination"/>, up to its end; the count read.
    /// Fewer than asked (and the block not at its end) means the stream ended inside it: <see cref="Truncated"/>.</summary>
    public int ReadBlock(Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length && _left > 0)
        {
            if (_pos == _len && !Fill()) { CutOff(); break; }
            int n = (int)Math.Min(Math.Min(destination.Length - total, _len - _pos), _left);
            _buffer.AsSpan(_pos, n).CopyTo(destination[total..]);
            _pos += n;
            _left -= n;
            total += n;
        }
        return total;
    }

    /// <summary>Passes over the rest of the current record's block without keeping it.</summary>
    void SkipBlock()
    {
        while (_left > 0)
        {
            if (_pos == _len && !Fill()) { CutOff(); break; }
            int n = (int)Math.Min(_len - _pos, _left);
            _pos += n;
            _left -= n;
        }
        _current = null;
    }

    void CutOff()
    {
        var r = _current!;
        Truncated ??= $"record {r.Index} (at byte {r.Offset:N0}) is cut off: {r.Length - _left:N0} of its {r.Length:N0} bytes are there";
        _left = 0;
    }

    /// <summary>Finds the blank line that ends the header section at _pos, reading more when it is not in the
    /// buffer yet; <paramref name="end"/> is where the block starts.</summary>
    bool HeaderSectionInBuffer(out int end)
    {
        int searched = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int lf = span[searched..].IndexOf((byte)'\n');
            while (lf >= 0)
            {
                int i = searched + lf;
                // A blank line: LF LF or LF CR LF (the line after may not be read yet).
                if (i + 1 >= span.Length) break;
                if (span[i + 1] == '\n') { end = _pos + i + 2; return true; }
                if (span[i + 1] == '\r')
                {
                    if (i + 2 >= span.Length) break;
                    if (span[i + 2] == '\n') { end = _pos + i + 3; return true; }
                }
                searched = i + 1;
                lf = span[searched..].IndexOf((byte)'\n');
            }
            searched = Math.Max(0, span.Length - 2);
            if (_pos == 0 && _len == _buffer.Length) { end = 0; return false; } // the headers fill the buffer
            if (!Fill()) { end = 0; return false; }
        }
    }

    /// <summary>Moves what is unread to the buffer's start and reads more; false when nothing more came (the end of
    /// the stream, or data that could not be read — then <see cref="Truncated"/> says so).</summary>
    bool Fill()
    {
        if (_ended) return false;
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _len - _pos).CopyTo(_buffer);
            _consumedBefore += _pos;
            _len -= _pos;
            _pos = 0;
        }
        int n;
        try
        {
            n = input.Read(_buffer, _len, _buffer.Length - _len);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Truncated = $"the data cannot be read past byte {Position + _len - _pos:N0} ({e.Message.TrimEnd('.')}): the records before it were read";
            _ended = true;
            return false;
        }
        if (n == 0) { _ended = true; return false; }
        _len += n;
        return true;
    }
}
