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
        if (uncompressedSize < 0) throw new ParquetDataException($"page claims {uncompressedSize} bytes uncompressed");
        // An empty page (no values, or a v2 page whose levels say everything) has no bytes to decompress: a codec
        // given none would call that damage (Snappy: "Incomplete Snappy block"), and the format says not to try.
        if (count == 0)
        {
            if (uncompressedSize != 0) throw new ParquetDataException($"empty {codec} page claims {uncompressedSize} bytes uncompressed");
            return [];
        }
        if (codec == ParquetCodec.Uncompressed)
        {
            if (count != uncompressedSize) throw new ParquetDataException($"uncompressed page of {count} bytes, header says {uncompressedSize}");
            return source.AsSpan(offset, count);
        }
        // Parquet pages stay far below this (DuckDB caps them at 1e9 bytes); a larger claim is damage, and must
        // not become an allocation.
        if (uncompressedSize > MaxPageSize) throw new ParquetDataException($"{codec} page claims {uncompressedSize} bytes uncompressed");
        var src = source.AsSpan(offset, count);
        var dst = Buffer(uncompressedSize).AsSpan(0, uncompressedSize);
        // Each codec in a method of its own: a method that names ZstdSharp or System.IO.Compression types loads
        // those assemblies when it is compiled, and a query over Snappy files should not pay for that.
        int n;
        try
        {
            n = codec switch
            {
                ParquetCodec.Snappy => Snappy(src, dst),
                ParquetCodec.Zstd => Zstd(src, dst),
                ParquetCodec.Gzip => Gzip(source, offset, count, dst),
                ParquetCodec.Brotli => Brotli(src, dst),
                ParquetCodec.Lz4Raw => Lz4Raw(src, dst),
                ParquetCodec.Lz4 => Lz4(src, dst),
                _ => throw new ParquetDataException($"compression {codec} is not supported; rewrite the file with SNAPPY, ZSTD or GZIP", unsupported: true),
            };
        }
        // The codecs report damaged input in their own words and types (Snappier and GZip: InvalidDataException;
        // ArgumentException when the output would overflow): said here as a damaged page of this codec.
        catch (Exception e) when (e is InvalidDataException or ArgumentException) { throw ParquetDataException.FromCodec(codec, e); }
        if (n != uncompressedSize) throw new ParquetDataException($"{codec} page decompressed to {n} bytes, header says {uncompressedSize}");
        return dst;
    }

    static int Snappy(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        // The block starts with its decompressed length: a disagreement with the header is named before decoding.
        int length = Snappier.Snappy.GetUncompressedLength(src);
        if (length != dst.Length) throw new ParquetDataException($"Snappy page holds {length} bytes, header says {dst.Length}");
        return Snappier.Snappy.Decompress(src, dst);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Zstd(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        using var z = new ZstdSharp.Decompressor();
        // ZstdSharp reports damage with its own exception type.
        try { return z.Unwrap(src, dst); }
        catch (ZstdSharp.ZstdException e) { throw ParquetDataException.FromCodec(ParquetCodec.Zstd, e); }
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
        System.IO.Compression.BrotliDecoder.TryDecompress(src, dst, out int n) ? n : throw new ParquetDataException("damaged Brotli page");

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Lz4Raw(ReadOnlySpan<byte> src, Span<byte> dst) => Lz4Block(src, dst);

    /// <summary>K4os answers a damaged block with a negative length.</summary>
    static int Lz4Block(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int n = K4os.Compression.LZ4.LZ4Codec.Decode(src, dst);
        return n >= 0 ? n : throw new ParquetDataException("damaged LZ4 block");
    }

    /// <summary>Codec LZ4 (5) means two things in the wild: Hadoop's framing (big-endian decompressed and
    /// compressed sizes before each block, parquet-mr) and a bare LZ4 block (Parquet.Net, old parquet-cpp). The
    /// framing is tried first and the bare block after, as Arrow does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Lz4(ReadOnlySpan<byte> src, Span<byte> dst) =>
        TryHadoopLz4(src, dst, out int n) ? n : Lz4Block(src, dst);

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
