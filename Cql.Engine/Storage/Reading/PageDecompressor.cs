using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Decompresses page bodies into one pooled scratch buffer that is reused page after page. Snappy (what our writer
/// and DuckDB use by default), ZSTD, GZIP, Brotli, LZ4_RAW and LZ4 (framed or bare); LZO is refused.
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
        // Each codec in a method of its own: a method that names ZstdSharp or System.IO.Compression types loads
        // those assemblies when it is compiled, and a query over Snappy files should not pay for that.
        int n = codec switch
        {
            ParquetCodec.Snappy => Snappier.Snappy.Decompress(src, dst),
            ParquetCodec.Zstd => Zstd(src, dst),
            ParquetCodec.Gzip => Gzip(source, offset, count, dst),
            ParquetCodec.Brotli => Brotli(src, dst),
            ParquetCodec.Lz4Raw => Lz4Raw(src, dst),
            ParquetCodec.Lz4 => Lz4(src, dst),
            _ => throw new NotSupportedException($"compression {codec} is not supported; rewrite the file with SNAPPY, ZSTD or GZIP"),
        };
        if (n != uncompressedSize) throw new InvalidDataException($"{codec} page decompressed to {n} bytes, header says {uncompressedSize}");
        return dst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Zstd(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        using var z = new ZstdSharp.Decompressor();
        // ZstdSharp reports damage with its own exception type; the scan knows InvalidDataException.
        try { return z.Unwrap(src, dst); }
        catch (ZstdSharp.ZstdException e) { throw new InvalidDataException($"damaged ZSTD page: {e.Message}", e); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Gzip(byte[] source, int offset, int count, Span<byte> dst)
    {
        using var gz = new System.IO.Compression.GZipStream(new MemoryStream(source, offset, count, writable: false), System.IO.Compression.CompressionMode.Decompress);
        int n = 0;
        while (n < dst.Length)
        {
            int r = gz.Read(dst[n..]);
            if (r == 0) break;
            n += r;
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Brotli(ReadOnlySpan<byte> src, Span<byte> dst) =>
        System.IO.Compression.BrotliDecoder.TryDecompress(src, dst, out int n) ? n : throw new InvalidDataException("bad Brotli page");

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Lz4Raw(ReadOnlySpan<byte> src, Span<byte> dst) => K4os.Compression.LZ4.LZ4Codec.Decode(src, dst);

    /// <summary>Codec LZ4 (5) means two things in the wild: Hadoop's framing (big-endian decompressed and
    /// compressed sizes before each block, parquet-mr) and a bare LZ4 block (Parquet.Net, old parquet-cpp). The
    /// framing is tried first and the bare block after, as Arrow does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Lz4(ReadOnlySpan<byte> src, Span<byte> dst) =>
        TryHadoopLz4(src, dst, out int n) ? n : K4os.Compression.LZ4.LZ4Codec.Decode(src, dst);

    static bool TryHadoopLz4(ReadOnlySpan<byte> src, Span<byte> dst, out int written)
    {
        written = 0;
        while (src.Length > 0)
        {
            if (src.Length < 8) return false;
            uint size = BinaryPrimitives.ReadUInt32BigEndian(src), packed = BinaryPrimitives.ReadUInt32BigEndian(src[4..]);
            if (packed > (uint)(src.Length - 8) || size > (uint)(dst.Length - written)) return false;
            int n = K4os.Compression.LZ4.LZ4Codec.Decode(src.Slice(8, (int)packed), dst.Slice(written, (int)size));
            if (n != size) return false;
            written += n;
            src = src[(8 + (int)packed)..];
        }
        return written == dst.Length;
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
