namespace Cql.Engine.Execution;

/// <summary>
/// Numbers distinct pairs of 32-bit codes (packed into a long) in order of first appearance: open addressing over
/// an array of ids, with each id's pair kept once in a second array, so a table of millions of groups costs about
/// 12 bytes per group where a Dictionary&lt;long, int&gt; took 28 and doubled its peak while growing.
/// </summary>
sealed class PairTable
{
    int[] _slots = new int[1024]; // id + 1; 0 = empty
    long[] _pairs = new long[256]; // the pair of each id
    public int Count { get; private set; }

    /// <summary>The id of the pair; a new pair gets the next id and <paramref name="added"/>.</summary>
    public int IdOf(long pair, out bool added)
    {
        int mask = _slots.Length - 1;
        for (int h = Hash(pair) & mask; ; h = (h + 1) & mask)
        {
            int s = _slots[h];
            if (s == 0)
            {
                added = true;
                int id = Count++;
                if (id == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
                _pairs[id] = pair;
                _slots[h] = id + 1;
                if (Count * 2 > _slots.Length) Grow();
                return id;
            }
            if (_pairs[s - 1] == pair) { added = false; return s - 1; }
        }
    }

    /// <summary>The id of the pair, or -1 when it has none (nothing is added).</summary>
    public int Find(long pair)
    {
        int mask = _slots.Length - 1;
        for (int h = Hash(pair) & mask; ; h = (h + 1) & mask)
        {
            int s = _slots[h];
            if (s == 0) return -1;
            if (_pairs[s - 1] == pair) return s - 1;
        }
    }

    /// <summary>Forgets every pair; the arrays stay at their size.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    void Grow()
    {
        var slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            int h = Hash(_pairs[id]) & mask;
            while (slots[h] != 0) h = (h + 1) & mask;
            slots[h] = id + 1;
        }
        _slots = slots;
    }

    // Mixes all 64 bits: long's own hash XORs the halves, and two small codes then collide by the million.
    static int Hash(long pair) => (int)(((ulong)pair * 0x9E3779B97F4A7C15UL) >> 32);
}
