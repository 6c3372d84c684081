using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Numbers the distinct values of one column as they come, 1, 2, 3, …; 0 is null. Text is looked up as a span (a
/// dictionary page's entries once per batch, not once per row) and kept once; small integers (ids) map through an
/// array without hashing. Group keys and count_distinct code their values with it.
/// </summary>
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
