using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary indices).</summary>
public static class RleHybrid
{
    /// <summary>Decodes count values of the given bit width from data into output; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        int pos = 0, n = 0, count = output.Length;
        int byteWidth = (bitWidth + 7) / 8;
        while (n < count)
        {
            if (pos >= data.Length) throw new InvalidDataException("RLE data ends early");
            ulong header = 0;
            int shift = 0;
            while (true)
            {
                byte b = data[pos++];
                header |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
                if (shift > 35) throw new InvalidDataException("RLE header too long");
            }
            if ((header & 1) == 0)
            {
                int run = checked((int)(header >> 1));
                int value = 0;
                for (int i = 0; i < byteWidth; i++) value |= data[pos + i] << (8 * i);
                pos += byteWidth;
                int take = Math.Min(run, count - n);
                output.Slice(n, take).Fill(value);
                n += take;
            }
            else
            {
                int values = checked((int)(header >> 1) * 8);
                int bytes = values * bitWidth / 8;
                var packed = data.Slice(pos, bytes);
                pos += bytes;
                int take = Math.Min(values, count - n);
                if (bitWidth == 0) { output.Slice(n, take).Clear(); n += take; continue; }
                ulong mask = (1UL << bitWidth) - 1;
                for (int i = 0; i < take; i++)
                {
                    int bit = i * bitWidth;
                    int at = bit >> 3;
                    // Read up to 8 bytes little-endian around the value; pad at the end of the run.
                    ulong word = at + 8 <= packed.Length ? BinaryPrimitives.ReadUInt64LittleEndian(packed[at..]) : Tail(packed[at..]);
                    output[n + i] = (int)((word >> (bit & 7)) & mask);
                }
                n += take;
            }
        }
        return pos;
    }

    static ulong Tail(ReadOnlySpan<byte> s)
    {
        ulong w = 0;
        for (int i = 0; i < s.Length && i < 8; i++) w |= (ulong)s[i] << (8 * i);
        return w;
    }
}
