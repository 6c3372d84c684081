namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// Parquet's RLE / bit-packed hybrid encoding, for definition levels and dictionary indices: a run of eight or more
/// equal values becomes one RLE run, everything else goes into bit-packed groups of eight (so a column of mostly
/// distinct words decodes by the group, not value by value). <see cref="Reading.RleHybrid"/> decodes it.
/// </summary>
internal static class RleHybridEncoder
{
    /// <summary>Values repeated at least this often are written as an RLE run; a bit-packed group holds this many.</summary>
    const int Group = 8;

    /// <summary>The bit width that holds every value up to <paramref name="maxValue"/> (at least 1).</summary>
    public static int BitWidth(int maxValue) => Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue));

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteSink output)
    {
        int byteWidth = (bitWidth + 7) / 8;
        int i = 0, n = values.Length;
        while (i < n)
        {
            int run = RunLength(values, i, int.MaxValue);
            if (run >= Group)
            {
                output.Varint((uint)run << 1);
                var v = output.Reserve(byteWidth);
                for (int b = 0; b < byteWidth; b++) v[b] = (byte)(values[i] >> (8 * b));
                output.Advance(byteWidth);
                i += run;
                continue;
            }
            // Bit-packed groups until a long run starts at a group boundary (or the values end; the last group is
            // padded with zeros, which the reader ignores because it knows the value count).
            int from = i, groups = 0;
            do
            {
                i += Group;
                groups++;
            }
            while (i < n && RunLength(values, i, Group) < Group);
            output.Varint((uint)groups << 1 | 1);
            Pack(values[from..Math.Min(i, n)], groups * Group, bitWidth, output);
            i = Math.Min(i, n);
        }
    }

    /// <summary>Equal values from <paramref name="start"/>, counted up to <paramref name="limit"/>.</summary>
    static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        int v = values[start], end = start + 1;
        while (end < values.Length && values[end] == v && end - start < limit) end++;
        return end - start;
    }

    /// <summary>Packs the values least significant bit first into <paramref name="slots"/> × width bits, zeros after
    /// the last value.</summary>
    static void Pack(ReadOnlySpan<int> values, int slots, int bitWidth, ByteSink output)
    {
        int bytes = slots * bitWidth / 8;
        var into = output.Reserve(bytes);
        ulong acc = 0;
        int bits = 0, pos = 0;
        for (int k = 0; k < slots; k++)
        {
            acc |= (ulong)(uint)(k < values.Length ? values[k] : 0) << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                into[pos++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }
        output.Advance(bytes);
    }
}
