using System.Buffers;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Decompresses page bodies into one pooled scratch buffer that is reused page after page. Snappy (what our writer
/// and DuckDB use by default), ZSTD, GZIP, Brotli and LZ4_RAW; the deprecated Hadoop LZ4 and LZO are refused.
/// </summary>
public sealed class PageDecompressor : IDisposable
{
    const int MaxPageSize = 1 << 30;
    byte[]? _scratch;

    /// <summary>The page body, decompressed (or as it is when uncompressed); valid until the next call.</summary>
    public ReadOnlySpan<byte> Decompress(ParquetCodec codec, byte[] source, int offset, int count, int uncompressedSize)
    {
        if (codec == ParquetCodec.Uncompressed)
        {
            if (count != uncompressedSize) throw new InvalidDataException($"uncompressed page of {count} bytes, header says {uncompressedSize}");
            return source.AsSpan(offset, count);
        }
        // Parquet pages stay far below this (DuckDB caps them at 1e9 bytes); a larger claim is damage, and must
        // not become an allocation.
        if (uncompressedSize > MaxPageSize) throw new InvalidDataException($"{codec} page claims {uncompressedSize} bytes uncompressed");
        var src = source.AsSpan(offset, count);
        var dst = Buffer(uncompressedSize).AsSpan(0, uncompressedSize);
        int n;
        switch (codec)
        {
            case ParquetCodec.Snappy:
                n = Snappier.Snappy.Decompress(src, dst);
                break;
            case ParquetCodec.Zstd:
            {
                using var z = new ZstdSharp.Decompressor();
                // ZstdSharp reports damage with its own exception type; the scan knows InvalidDataException.
                try { n = z.Unwrap(src, dst); }
                catch (ZstdSharp.ZstdException e) { throw new InvalidDataException($"damaged ZSTD page: {e.Message}", e); }
                break;
            }
            case ParquetCodec.Gzip:
            {
                using var gz = new System.IO.Compression.GZipStream(new MemoryStream(source, offset, count, writable: false), System.IO.Compression.CompressionMode.Decompress);
                n = 0;
                while (n < dst.Length)
                {
                    int r = gz.Read(dst[n..]);
                    if (r == 0) break;
                    n += r;
                }
                break;
            }
            case ParquetCodec.Brotli:
                if (!System.IO.Compression.BrotliDecoder.TryDecompress(src, dst, out n)) throw new InvalidDataException("bad Brotli page");
                break;
            case ParquetCodec.Lz4Raw:
                n = K4os.Compression.LZ4.LZ4Codec.Decode(src, dst);
                break;
            default:
                throw new NotSupportedException($"compression {codec} is not supported; rewrite the file with SNAPPY, ZSTD or GZIP");
        }
        if (n != uncompressedSize) throw new InvalidDataException($"page decompressed to {n} bytes, header says {uncompressedSize}");
        return dst;
    }

    byte[] Buffer(int size)
    {
        if (_scratch is null || _scratch.Length < size)
        {
            if (_scratch is not null) ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(size, 16));
        }
        return _scratch;
    }

    public void Dispose()
    {
        if (_scratch is not null) ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = null;
    }
}
