using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Turns the key columns of a batch into dense group ids without a string per row: each key column maps its values
/// to codes (text through a span lookup, dictionary buffers once per run), and codes of several keys fold
/// pairwise into the group id. New groups get the next id, so ids follow first appearance.
/// </summary>
public sealed class GroupKeyEncoder
{
    readonly ColumnCoder[] _coders;
    readonly Dictionary<(int, int), int>[] _fold;
    public int GroupCount { get; private set; }
    int[] _groupOfCode = new int[64]; // group + 1 by code, for a single key; 0 = no group yet

    public GroupKeyEncoder(int keyCount)
    {
        _coders = new ColumnCoder[keyCount];
        _fold = new Dictionary<(int, int), int>[keyCount];
        for (int k = 0; k < keyCount; k++) { _coders[k] = new ColumnCoder(); _fold[k] = []; }
    }

    /// <summary>Fills groupIds for every row; <paramref name="onNewGroup"/> is told the row that opened each new group.</summary>
    public void Encode(IReadOnlyList<ColumnVector> keys, int rows, int[] groupIds, Action<int> onNewGroup)
    {
        if (keys.Count == 0)
        {
            if (GroupCount == 0) { GroupCount = 1; onNewGroup(0); }
            Array.Clear(groupIds, 0, rows);
            return;
        }
        var codes = new int[rows];
        if (keys.Count == 1)
        {
            // One key: its codes are dense, so an array maps them to groups without hashing each row.
            _coders[0].Code(keys[0], codes);
            for (int r = 0; r < rows; r++)
            {
                int c = codes[r];
                if (c >= _groupOfCode.Length) Array.Resize(ref _groupOfCode, Math.Max(c + 1, _groupOfCode.Length * 2));
                int g = _groupOfCode[c] - 1;
                if (g < 0) { g = GroupCount++; _groupOfCode[c] = g + 1; onNewGroup(r); }
                groupIds[r] = g;
            }
            return;
        }
        for (int k = 0; k < keys.Count; k++)
        {
            _coders[k].Code(keys[k], codes);
            var fold = _fold[k];
            bool last = k == keys.Count - 1;
            for (int r = 0; r < rows; r++)
            {
                int prev = k == 0 ? 0 : groupIds[r];
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(fold, (prev, codes[r]), out bool exists);
                if (!exists)
                {
                    // Intermediate levels number combinations; the last level numbers groups.
                    slot = last ? GroupCount++ : fold.Count - 1;
                    if (last) onNewGroup(r);
                }
                groupIds[r] = slot;
            }
        }
    }

    /// <summary>Codes of one key column's values; 0 is null.</summary>
    sealed class ColumnCoder
    {
        readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        readonly Dictionary<long, int> _longs = [];
        readonly Dictionary<double, int> _doubles = [];

        public void Code(ColumnVector v, int[] codes)
        {
            int n = v.Length;
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
                        if (!exists) slot = _longs.Count;
                        codes[i] = slot;
                    }
                    break;
            }
        }
    }
}
