namespace Cql.Engine.Execution;

/// <summary>A 64-bit hash of a row's key values, folded column by column, for choosing a spilled row's partition.
/// Equal keys hash equally within the process (text hashes are seeded per process, which is all a spill needs).</summary>
static class KeyHash
{
    const ulong Golden = 0x9E3779B97F4A7C15UL;
    const ulong NullHash = 0x5851F42D4C957F2DUL;

    /// <summary>Folds the first <paramref name="n"/> values of <paramref name="v"/> into <paramref name="hashes"/>.</summary>
    public static void Mix(ColumnVector v, int n, ulong[] hashes)
    {
        switch (v)
        {
            case Int32Vector x: for (int i = 0; i < n; i++) hashes[i] = Fold(hashes[i], x.IsNull(i) ? NullHash : (ulong)x.Values[i]); break;
            case Int64Vector x: for (int i = 0; i < n; i++) hashes[i] = Fold(hashes[i], x.IsNull(i) ? NullHash : (ulong)x.Values[i]); break;
            // double's own hash makes 0.0 and -0.0 (which group together) equal
            case Float64Vector x: for (int i = 0; i < n; i++) hashes[i] = Fold(hashes[i], x.IsNull(i) ? NullHash : (uint)x.Values[i].GetHashCode()); break;
            case BoolVector x: for (int i = 0; i < n; i++) hashes[i] = Fold(hashes[i], x.IsNull(i) ? NullHash : x.Values[i] ? 1UL : 2UL); break;
            case StringVector x:
            {
                var values = x.Values;
                for (int i = 0; i < n; i++) hashes[i] = Fold(hashes[i], x.IsNull(i) ? NullHash : (uint)string.GetHashCode(values[i].Span));
                break;
            }
            default: throw new NotSupportedException(v.GetType().Name);
        }
    }

    static ulong Fold(ulong h, ulong value) => (h ^ value) * Golden + 0x632BE59BD9B4E019UL;

    /// <summary>Spreads every bit over the high ones (SplitMix64's finaliser), which pick the partition.</summary>
    public static ulong Finish(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
