using System.Buffers;
using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Turns the rarer value encodings — DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
/// BYTE_STREAM_SPLIT — into PLAIN bytes, so one plain decoder serves them all. Our writer and DuckDB's default
/// (Parquet v1) never use them; DuckDB's PARQUET_VERSION V2 and other writers do, and a page converted this way
/// costs a copy, not a second decoder to keep right.
/// </summary>
public static class PlainConversion
{
    /// <summary>The page's <paramref name="count"/> values as PLAIN bytes, in <paramref name="buffer"/> (pooled,
    /// grown as needed).</summary>
    public static ReadOnlySpan<byte> ToPlain(ParquetEncoding encoding, PhysicalType type, ReadOnlySpan<byte> values, int count, ref byte[]? buffer)
    {
        switch (encoding)
        {
            case ParquetEncoding.DeltaBinaryPacked when type is PhysicalType.Int32 or PhysicalType.Int64:
            {
                var longs = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
                try
                {
                    DeltaBinaryPacked(values, longs.AsSpan(0, count));
                    int width = type == PhysicalType.Int32 ? 4 : 8;
                    var dst = Grow(ref buffer, count * width);
                    for (int i = 0; i < count; i++)
                        if (width == 4) BinaryPrimitives.WriteInt32LittleEndian(dst.AsSpan(i * 4), unchecked((int)longs[i]));
                        else BinaryPrimitives.WriteInt64LittleEndian(dst.AsSpan(i * 8), longs[i]);
                    return dst.AsSpan(0, count * width);
                }
                finally { ArrayPool<long>.Shared.Return(longs); }
            }
            case ParquetEncoding.DeltaLengthByteArray when type == PhysicalType.ByteArray:
            {
                var lengths = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
                try
                {
                    int pos = DeltaBinaryPacked(values, lengths.AsSpan(0, count));
                    return Concatenated(values[pos..], lengths.AsSpan(0, count), ref buffer);
                }
                finally { ArrayPool<long>.Shared.Return(lengths); }
            }
            case ParquetEncoding.DeltaByteArray when type == PhysicalType.ByteArray:
                return DeltaByteArray(values, count, ref buffer);
            case ParquetEncoding.ByteStreamSplit when type is PhysicalType.Float or PhysicalType.Double or PhysicalType.Int32 or PhysicalType.Int64:
            {
                int width = type is PhysicalType.Float or PhysicalType.Int32 ? 4 : 8;
                if (values.Length < (long)count * width) throw new ParquetDataException($"BYTE_STREAM_SPLIT page of {values.Length} bytes too short for {count} values");
                var dst = Grow(ref buffer, count * width);
                // Stream k holds byte k of every value.
                for (int k = 0; k < width; k++)
                {
                    var stream = values.Slice(k * count, count);
                    for (int i = 0; i < count; i++) dst[i * width + k] = stream[i];
                }
                return dst.AsSpan(0, count * width);
            }
            default:
                throw new ParquetDataException($"encoding {encoding} for {type} columns is not supported", unsupported: true);
        }
    }

    /// <summary>Decodes DELTA_BINARY_PACKED into output (its length is the values wanted; the header's total must
    /// cover them); returns the bytes the encoded values take.</summary>
    public static int DeltaBinaryPacked(ReadOnlySpan<byte> data, Span<long> output)
    {
        int pos = 0;
        long blockSize = (long)Uleb(data, ref pos), miniblocks = (long)Uleb(data, ref pos), total = (long)Uleb(data, ref pos);
        long value = ZigZag(Uleb(data, ref pos));
        // Writers use blocks of 128 to 1024 values; a bound keeps a damaged header from sizing the scratch buffer.
        if (blockSize <= 0 || blockSize > 1 << 16 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
            throw new ParquetDataException("bad DELTA_BINARY_PACKED header");
        if (total < output.Length) throw new ParquetDataException($"DELTA_BINARY_PACKED holds {total} values, {output.Length} wanted");
        int perMiniblock = (int)(blockSize / miniblocks);
        if (total == 0) return pos;
        if (output.Length > 0) output[0] = value;
        long done = 1;
        var unpacked = ArrayPool<ulong>.Shared.Rent(perMiniblock);
        try
        {
            while (done < total)
            {
                long minDelta = ZigZag(Uleb(data, ref pos));
                if (miniblocks > data.Length - pos) throw new ParquetDataException("DELTA_BINARY_PACKED block ends in its miniblock widths");
                var widths = data.Slice(pos, (int)miniblocks);
                pos += (int)miniblocks;
                for (int m = 0; m < miniblocks && done < total; m++)
                {
                    int width = widths[m];
                    if (width > 64) throw new ParquetDataException($"DELTA_BINARY_PACKED miniblock of bit width {width}");
                    int bytes = perMiniblock * width / 8;
                    if (bytes > data.Length - pos) throw new ParquetDataException("DELTA_BINARY_PACKED miniblock runs past the page");
                    RleHybrid.Unpack64(data.Slice(pos, bytes), width, unpacked.AsSpan(0, perMiniblock));
                    pos += bytes;
                    for (int i = 0; i < perMiniblock && done < total; i++, done++)
                    {
                        value = unchecked(value + minDelta + (long)unpacked[i]);
                        if (done < output.Length) output[(int)done] = value;
                    }
                }
            }
        }
        finally { ArrayPool<ulong>.Shared.Return(unpacked); }
        return pos;
    }

    static ReadOnlySpan<byte> Concatenated(ReadOnlySpan<byte> data, ReadOnlySpan<long> lengths, ref byte[]? buffer)
    {
        long size = 0;
        foreach (var l in lengths)
        {
            if (l < 0) throw new ParquetDataException("negative byte array length");
            // Checked one by one: a sum of damaged lengths near 2^63 would wrap and pass the total's check.
            if (l > int.MaxValue) throw new ParquetDataException($"byte array length {l} beyond any page");
            size += 4 + l;
        }
        if (size > int.MaxValue) throw new ParquetDataException("page too large");
        if (size - 4L * lengths.Length > data.Length) throw new ParquetDataException($"DELTA_LENGTH_BYTE_ARRAY lengths add up to more than the page's {data.Length} bytes");
        var dst = Grow(ref buffer, (int)size);
        int src = 0, at = 0;
        foreach (var l in lengths)
        {
            int len = (int)l;
            BinaryPrimitives.WriteInt32LittleEndian(dst.AsSpan(at), len);
            data.Slice(src, len).CopyTo(dst.AsSpan(at + 4));
            src += len;
            at += 4 + len;
        }
        return dst.AsSpan(0, at);
    }

    static ReadOnlySpan<byte> DeltaByteArray(ReadOnlySpan<byte> data, int count, ref byte[]? buffer)
    {
        var prefixes = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var suffixes = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int pos = DeltaBinaryPacked(data, prefixes.AsSpan(0, count));
            pos += DeltaBinaryPacked(data[pos..], suffixes.AsSpan(0, count));
            var bytes = data[pos..];
            long size = 0;
            for (int i = 0; i < count; i++)
            {
                if (prefixes[i] < 0 || suffixes[i] < 0) throw new ParquetDataException("negative DELTA_BYTE_ARRAY length");
                size += 4 + prefixes[i] + suffixes[i];
            }
            if (size > int.MaxValue) throw new ParquetDataException("page too large");
            long suffixBytes = 0;
            for (int i = 0; i < count; i++) suffixBytes += suffixes[i];
            if (suffixBytes > bytes.Length) throw new ParquetDataException($"DELTA_BYTE_ARRAY suffixes add up to more than the page's {bytes.Length} bytes");
            var dst = Grow(ref buffer, (int)size);
            int src = 0, at = 0, previous = -1, previousLength = 0;
            for (int i = 0; i < count; i++)
            {
                int prefix = (int)prefixes[i], suffix = (int)suffixes[i];
                if (prefix > previousLength) throw new ParquetDataException("DELTA_BYTE_ARRAY prefix longer than the value before");
                BinaryPrimitives.WriteInt32LittleEndian(dst.AsSpan(at), prefix + suffix);
                if (prefix > 0) dst.AsSpan(previous + 4, prefix).CopyTo(dst.AsSpan(at + 4));
                bytes.Slice(src, suffix).CopyTo(dst.AsSpan(at + 4 + prefix));
                src += suffix;
                previous = at;
                previousLength = prefix + suffix;
                at += 4 + prefix + suffix;
            }
            return dst.AsSpan(0, at);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
            ArrayPool<long>.Shared.Return(suffixes);
        }
    }

    static byte[] Grow(ref byte[]? buffer, int size)
    {
        if (buffer is null || buffer.Length < size)
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 16));
        }
        return buffer;
    }

    static ulong Uleb(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length) throw new ParquetDataException("DELTA_BINARY_PACKED header ends early");
            byte b = data[pos++];
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new ParquetDataException("varint too long");
    }

    static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
