using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cql.Engine.Storage.Reading;

/// <summary>Parquet's RLE / bit-packed hybrid encoding (definition and repetition levels, dictionary indices,
/// booleans), and the bit-packing it shares with DELTA_BINARY_PACKED.</summary>
public static class RleHybrid
{
    /// <summary>Dictionary indices of a data page: a byte with their bit width, then the runs.</summary>
    public static void DecodeIndices(ReadOnlySpan<byte> body, Span<int> output)
    {
        if (body.IsEmpty) throw new ParquetDataException($"dictionary-encoded page without bytes for its {output.Length} indices");
        Decode(body[1..], body[0], output);
    }

    /// <summary>Decodes count values of the given bit width from data into output; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if ((uint)bitWidth > 32) throw new ParquetDataException($"bit width {bitWidth}");
        int pos = 0, n = 0, count = output.Length;
        int byteWidth = (bitWidth + 7) / 8;
        ref int o = ref MemoryMarshal.GetReference(output);
        while (n < count)
        {
            if (pos >= data.Length) throw new ParquetDataException("RLE data ends early");
            ulong header = data[pos++];
            if (header >= 0x80)
            {
                header &= 0x7F;
                for (int shift = 7; ; shift += 7)
                {
                    if (shift > 35) throw new ParquetDataException("RLE header too long");
                    if (pos >= data.Length) throw new ParquetDataException("RLE data ends early");
                    byte b = data[pos++];
                    header |= (ulong)(b & 0x7F) << shift;
                    if ((b & 0x80) == 0) break;
                }
            }
            if ((header & 1) == 0)
            {
                // Parquet.Net writes dictionary indices as RLE runs, most of them one value long (59,000 runs for
                // 61,000 speakers in a row group): this path is per value, so it stays free of calls and slices.
                if (byteWidth > data.Length - pos) throw new ParquetDataException("RLE run ends past the data");
                int value = 0;
                for (int i = 0; i < byteWidth; i++) value |= data[pos + i] << (8 * i);
                pos += byteWidth;
                int take = (int)Math.Min(header >> 1, (ulong)(count - n));
                if (take <= 8)
                    for (int i = 0; i < take; i++) Unsafe.Add(ref o, n + i) = value;
                else output.Slice(n, take).Fill(value);
                n += take;
            }
            else
            {
                long values = (long)(header >> 1) * 8;
                long bytes = values * bitWidth / 8;
                if (bytes > data.Length - pos) throw new ParquetDataException("bit-packed run ends past the data");
                var packed = data.Slice(pos, (int)bytes);
                pos += (int)bytes;
                int take = (int)Math.Min(values, count - n);
                Unpack(packed, bitWidth, output.Slice(n, take));
                n += take;
            }
        }
        return pos;
    }

    /// <summary>Unpacks output.Length values of bitWidth bits each, least significant bit first, as Parquet packs
    /// them; packed must hold at least that many bits.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int bitWidth, Span<int> output)
    {
        int count = output.Length;
        if (bitWidth == 0) { output.Clear(); return; }
        if ((long)count * bitWidth > (long)packed.Length * 8) throw new ParquetDataException("bit-packed values end past the data");
        ulong mask = (1UL << bitWidth) - 1;
        // Values whose 8-byte window lies inside the data are read with one unaligned load each; the last few
        // go through Tail.
        int safe = packed.Length < 8 ? 0 : (int)Math.Min(count, ((long)(packed.Length - 8) * 8 + 7) / bitWidth + 1);
        ref byte p = ref MemoryMarshal.GetReference(packed);
        ref int o = ref MemoryMarshal.GetReference(output);
        int i = 0;
        long bit = 0;
        for (; i < safe; i++, bit += bitWidth)
        {
            ulong w = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, (nint)(bit >> 3)));
            Unsafe.Add(ref o, i) = (int)((w >> (int)(bit & 7)) & mask);
        }
        for (; i < count; i++, bit += bitWidth)
        {
            int at = (int)(bit >> 3);
            output[i] = (int)((Tail(packed[at..]) >> (int)(bit & 7)) & mask);
        }
    }

    /// <summary>As <see cref="Unpack(ReadOnlySpan{byte}, int, Span{int})"/>, for widths up to 64 bits (delta
    /// encoding's miniblocks).</summary>
    public static void Unpack64(ReadOnlySpan<byte> packed, int bitWidth, Span<ulong> output)
    {
        int count = output.Length;
        if (bitWidth == 0) { output.Clear(); return; }
        if ((uint)bitWidth > 64) throw new ParquetDataException($"bit width {bitWidth}");
        if ((long)count * bitWidth > (long)packed.Length * 8) throw new ParquetDataException("bit-packed values end past the data");
        ulong mask = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        long bit = 0;
        for (int i = 0; i < count; i++, bit += bitWidth)
        {
            int at = (int)(bit >> 3), shift = (int)(bit & 7);
            ulong lo = Tail(packed[at..]) >> shift;
            // A value can straddle nine bytes: its top bits come from the ninth.
            if (shift + bitWidth > 64) lo |= (ulong)packed[at + 8] << (64 - shift);
            output[i] = lo & mask;
        }
    }

    static ulong Tail(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 8) return BinaryPrimitives.ReadUInt64LittleEndian(s);
        ulong w = 0;
        for (int i = 0; i < s.Length; i++) w |= (ulong)s[i] << (8 * i);
        return w;
    }
}
