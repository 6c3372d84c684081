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
        if (HttpHead.Parse(block) is not { } head) return null;
        var body = block[head.BodyStart..].ToArray();
        if (head.TransferEncoding is { } transfer && transfer.Contains("chunked") && Dechunk(body) is { } whole) body = whole;
        if (head.ContentEncoding is "gzip" or "x-gzip" or "deflate" or "br") body = Decode(body, head.ContentEncoding) ?? body;
        return new HttpResponse(head.Status, head.ContentType, CharsetOf(head.ContentType), body);
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
            int end = NextLine(body, at, out int next);
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
