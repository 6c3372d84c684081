namespace Cql.Engine.Storage.Indexing;

/// <summary>A set of non-negative row ids as a bitmap: what a term-index lookup yields, tested once per row.</summary>
public sealed class IdSet
{
    ulong[] _bits = new ulong[64];

    /// <summary>Distinct ids in the set.</summary>
    public long Count { get; private set; }

    public void Add(int id)
    {
        if (id < 0) return;
        int w = id >> 6;
        if (w >= _bits.Length) Array.Resize(ref _bits, Math.Max(w + 1, _bits.Length * 2));
        ulong bit = 1UL << (id & 63);
        if ((_bits[w] & bit) == 0) { _bits[w] |= bit; Count++; }
    }

    public bool Contains(int id)
    {
        int w = id >> 6;
        return id >= 0 && w < _bits.Length && (_bits[w] & (1UL << (id & 63))) != 0;
    }

    /// <summary>The ids in both sets.</summary>
    public static IdSet Intersect(IdSet a, IdSet b)
    {
        var r = new IdSet { _bits = new ulong[Math.Min(a._bits.Length, b._bits.Length)] };
        for (int w = 0; w < r._bits.Length; w++)
        {
            r._bits[w] = a._bits[w] & b._bits[w];
            r.Count += System.Numerics.BitOperations.PopCount(r._bits[w]);
        }
        return r;
    }

    /// <summary>Whether some id in [lo, hi] is in the set (row-group pruning by the id column's min/max).</summary>
    public bool AnyInRange(long lo, long hi)
    {
        lo = Math.Max(lo, 0);
        hi = Math.Min(hi, (long)_bits.Length * 64 - 1);
        if (lo > hi) return false;
        int wlo = (int)(lo >> 6), whi = (int)(hi >> 6);
        for (int w = wlo; w <= whi; w++)
        {
            ulong mask = ulong.MaxValue;
            if (w == wlo) mask &= ulong.MaxValue << (int)(lo & 63);
            if (w == whi) mask &= ulong.MaxValue >> (63 - (int)(hi & 63));
            if ((_bits[w] & mask) != 0) return true;
        }
        return false;
    }
}
