using System.Text;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// Text min/max as a bounded prefix, as parquet-mr and Arrow write them for their page indexes: a whole article as
/// a chunk's max cost every reader kilobytes of footer. The min becomes a prefix (no longer than, so never above,
/// every value); the max a prefix whose last code point is raised by one (so above every value that starts with
/// it), skipping the surrogate range so that it stays valid UTF-8. UTF-8 byte order is code point order, so both
/// still bound the chunk in Parquet's order and our pruning (which compares below U+D800 only) stays sound.
/// </summary>
internal static class StatisticsTruncation
{
    /// <summary>Longest min/max kept whole, in UTF-8 bytes (parquet-mr's column index default).</summary>
    public const int MaxBytes = 64;

    /// <summary>The min as a prefix of at most <see cref="MaxBytes"/> bytes, cut at a code point; whether it was cut.</summary>
    public static byte[] Min(ReadOnlySpan<byte> value, out bool exact)
    {
        exact = value.Length <= MaxBytes;
        return exact ? value.ToArray() : value[..Boundary(value, MaxBytes)].ToArray();
    }

    /// <summary>The max as a prefix with its last code point raised; null when no such bound exists (every code
    /// point of the prefix is U+10FFFF): then the chunk has no max, which a reader reads as "unknown".</summary>
    public static byte[]? Max(ReadOnlySpan<byte> value, out bool exact)
    {
        exact = value.Length <= MaxBytes;
        if (exact) return value.ToArray();
        var prefix = value[..Boundary(value, MaxBytes)];
        // Code points of the prefix, raised from the last one that can be raised; what follows it is dropped.
        var runes = new List<Rune>();
        foreach (var r in Encoding.UTF8.GetString(prefix).EnumerateRunes()) runes.Add(r);
        for (int i = runes.Count - 1; i >= 0; i--)
        {
            int next = runes[i].Value + 1;
            if (next == 0xD800) next = 0xE000;
            if (next > 0x10FFFF) continue;
            var sb = new StringBuilder();
            for (int k = 0; k < i; k++) sb.Append(runes[k].ToString());
            sb.Append(new Rune(next).ToString());
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
        return null;
    }

    /// <summary>The largest cut at or below <paramref name="limit"/> bytes that does not split a code point.</summary>
    static int Boundary(ReadOnlySpan<byte> value, int limit)
    {
        int cut = limit;
        while (cut > 0 && (value[cut] & 0xC0) == 0x80) cut--; // value[cut] continues a code point started before it
        return cut;
    }
}
