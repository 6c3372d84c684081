using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Turns the key columns of a batch into dense group ids without a string per row: each key column maps its values
/// to codes (text through a span lookup, dictionary buffers once per run), and the codes of several keys fold
/// pairwise, two 32-bit codes packed into one 64-bit key, so two keys cost one hash lookup per row. New groups get
/// the next id, so ids follow first appearance.
/// </summary>
public sealed class GroupKeyEncoder
{
    readonly ColumnCoder[] _coders;
    // Per key after the first: (combination so far, this key's code) → combination id. The first key's codes are the
    // combinations of level 0, and one key needs no table at all.
    readonly PairTable?[] _fold;
    public int GroupCount { get; private set; }
    int[] _groupOfCode = new int[64]; // group + 1 by code, for a single key; 0 = no group yet
    int[] _codes = [];
    int[] _newGroupRows = new int[64];

    /// <summary>The rows of the last encoded batch that opened a new group, in group order: the first
    /// <see cref="NewGroupCount"/> entries.</summary>
    public ReadOnlySpan<int> NewGroupRows => _newGroupRows.AsSpan(0, NewGroupCount);
    public int NewGroupCount { get; private set; }

    public GroupKeyEncoder(int keyCount)
    {
        _coders = new ColumnCoder[keyCount];
        _fold = new PairTable[keyCount];
        for (int k = 0; k < keyCount; k++) { _coders[k] = new ColumnCoder(); if (k > 0) _fold[k] = new PairTable(); }
    }

    /// <summary>Forgets the groups, so the next ones are numbered from 0; the key columns' codes stay.</summary>
    public void Restart()
    {
        GroupCount = 0;
        NewGroupCount = 0;
        Array.Clear(_groupOfCode);
        foreach (var fold in _fold) fold?.Clear();
    }

    /// <summary>Fills groupIds for every row; <see cref="NewGroupRows"/> then tells the rows that opened new groups.</summary>
    public void Encode(IReadOnlyList<ColumnVector> keys, int rows, int[] groupIds)
    {
        NewGroupCount = 0;
        if (keys.Count == 0)
        {
            if (GroupCount == 0) { GroupCount = 1; NewGroup(0); }
            Array.Clear(groupIds, 0, rows);
            return;
        }
        if (_codes.Length < rows) _codes = new int[rows];
        var codes = _codes;
        if (keys.Count == 1)
        {
            // One key: its codes are dense, so an array maps them to groups without hashing each row.
            _coders[0].Code(keys[0], rows, codes);
            for (int r = 0; r < rows; r++)
            {
                int c = codes[r];
                if (c >= _groupOfCode.Length) Array.Resize(ref _groupOfCode, Math.Max(c + 1, _groupOfCode.Length * 2));
                int g = _groupOfCode[c] - 1;
                if (g < 0) { g = GroupCount++; _groupOfCode[c] = g + 1; NewGroup(r); }
                groupIds[r] = g;
            }
            return;
        }
        // The first key's codes are the first level's combinations as they are.
        _coders[0].Code(keys[0], rows, groupIds);
        for (int k = 1; k < keys.Count; k++)
        {
            _coders[k].Code(keys[k], rows, codes);
            var fold = _fold[k]!;
            bool last = k == keys.Count - 1;
            for (int r = 0; r < rows; r++)
            {
                long pair = ((long)groupIds[r] << 32) | (uint)codes[r];
                // Intermediate levels number combinations; the last level's combinations are the groups.
                int id = fold.IdOf(pair, out bool added);
                if (added && last) { GroupCount++; NewGroup(r); }
                groupIds[r] = id;
            }
        }
    }

    void NewGroup(int row)
    {
        if (NewGroupCount == _newGroupRows.Length) Array.Resize(ref _newGroupRows, NewGroupCount * 2);
        _newGroupRows[NewGroupCount++] = row;
    }

    /// <summary>Codes of one key column's values; 0 is null.</summary>
    sealed class ColumnCoder
    {
        readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        readonly Dictionary<long, int> _longs = [];
        readonly Dictionary<double, int> _doubles = [];
        const int DenseLimit = 1 << 24; // Int32 values below this map through _denseInts (at most 64 MB)
        int[] _denseInts = new int[256];
        int _intCodes; // codes of integers, from _denseInts and _longs alike

        /// <summary>Codes the first <paramref name="n"/> values.</summary>
        public void Code(ColumnVector v, int n, int[] codes)
        {
            switch (v)
            {
                case StringVector { Codes: { } dcodes, Dictionary: { } dict } s:
                {
                    // Look each dictionary entry up once; rows map through the entry's code.
                    var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
                    var map = new int[dict.Length];
                    for (int i = 0; i < n; i++)
                    {
                        if (s.IsNull(i)) { codes[i] = 0; continue; }
                        int dc = dcodes[i];
                        int code = map[dc];
                        if (code == 0)
                        {
                            if (!lookup.TryGetValue(dict[dc].Span, out code))
                            {
                                code = _strings.Count + 1;
                                _strings.Add(dict[dc].ToString(), code);
                            }
                            map[dc] = code;
                        }
                        codes[i] = code;
                    }
                    break;
                }
                case StringVector s:
                {
                    var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
                    object? lastArr = null;
                    int lastCode = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (s.IsNull(i)) { codes[i] = 0; continue; }
                        var m = s.Values[i];
                        object? arr = MemoryMarshal.TryGetArray(m, out var seg) && seg.Offset == 0 && seg.Count == seg.Array!.Length ? seg.Array : null;
                        if (arr is not null && ReferenceEquals(arr, lastArr)) { codes[i] = lastCode; continue; }
                        if (!lookup.TryGetValue(m.Span, out int code))
                        {
                            code = _strings.Count + 1;
                            _strings.Add(m.ToString(), code);
                        }
                        codes[i] = code; lastArr = arr; lastCode = code;
                    }
                    break;
                }
                case Int32Vector x:
                {
                    var values = x.Values;
                    var nulls = x.Nulls;
                    for (int i = 0; i < n; i++)
                    {
                        if (nulls is not null && nulls[i]) { codes[i] = 0; continue; }
                        int value = values[i];
                        if ((uint)value < DenseLimit)
                        {
                            // Ids are small and dense: an array finds their codes without hashing.
                            if (value >= _denseInts.Length) Array.Resize(ref _denseInts, Math.Min(Math.Max(value + 1, _denseInts.Length * 2), DenseLimit));
                            ref int code = ref _denseInts[value];
                            if (code == 0) code = ++_intCodes;
                            codes[i] = code;
                            continue;
                        }
                        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_longs, value, out bool exists);
                        if (!exists) slot = ++_intCodes;
                        codes[i] = slot;
                    }
                    break;
                }
                case Float64Vector d:
                    for (int i = 0; i < n; i++)
                    {
                        if (d.IsNull(i)) { codes[i] = 0; continue; }
                        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_doubles, d.Values[i], out bool exists);
                        if (!exists) slot = _doubles.Count;
                        codes[i] = slot;
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++)
                    {
                        if (v.IsNull(i)) { codes[i] = 0; continue; }
                        long x = v is BoolVector b ? (b.Values[i] ? 1 : 0) : v.GetInt64(i);
                        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_longs, x, out bool exists);
                        if (!exists) slot = ++_intCodes;
                        codes[i] = slot;
                    }
                    break;
            }
        }
    }
}
