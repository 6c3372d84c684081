using System.IO.Compression;

namespace Cql.Engine.Ingest;

/// <summary>A .gz file's content (every gzip member), or as much of it as could be read before the stream broke,
/// with a note saying so. A stream merely cut short ends without an error in .NET's GZipStream: the reader of what it
/// holds notices (a last line cut off). A .warc.gz is not read through here but streamed record by record
/// (<see cref="Warc.WarcRecordStream"/>).</summary>
public static class GzipInput
{
    /// <summary>More than this decompressed is not held in memory.</summary>
    public const int MaxBytes = 1 << 30;

    public static (byte[] Bytes, string? Problem) Decompress(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = gz.Read(buffer)) > 0)
            {
                if (output.Length + n > MaxBytes)
                    return (output.ToArray(), $"more than {MaxBytes >> 20} MB decompressed: only the first {MaxBytes >> 20} MB read");
                output.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            return (output.ToArray(), $"the gzip data is damaged or cut off after {output.Length:N0} bytes ({e.Message.TrimEnd('.')}): what came before was read");
        }
        return (output.ToArray(), null);
    }
}
