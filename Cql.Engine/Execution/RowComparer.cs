using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Orders the rows of one batch by sort keys: nulls last either way (as DuckDB by default), then the row index, so
/// the order is total and a sort with it is stable. Each key reads its typed values array directly, because a sort
/// over millions of groups compares tens of millions of times and a virtual call per value dominated it.
/// </summary>
sealed class RowComparer : IComparer<int>
{
    readonly Func<int, int, int>[] _keys;

    public RowComparer(ColumnVector[] vectors, IReadOnlyList<SortKey> keys)
    {
        _keys = new Func<int, int, int>[vectors.Length];
        for (int k = 0; k < vectors.Length; k++) _keys[k] = KeyOrder(vectors[k], keys[k].Descending);
    }

    public int Compare(int a, int b)
    {
        foreach (var key in _keys)
        {
            int c = key(a, b);
            if (c != 0) return c;
        }
        return a.CompareTo(b);
    }

    static Func<int, int, int> KeyOrder(ColumnVector v, bool descending) => v switch
    {
        Int32Vector x => Typed(x.Values, x.Nulls, descending),
        Int64Vector x => Typed(x.Values, x.Nulls, descending),
        Float64Vector x => Typed(x.Values, x.Nulls, descending),
        BoolVector x => Typed(x.Values, x.Nulls, descending),
        StringVector x => Text(x.Values, x.Nulls, descending),
        _ => (a, b) => NullsLast(v.IsNull(a), v.IsNull(b)) ?? Directed(PredicateEvaluator.CompareAt(v, a, v, b) ?? 0, descending),
    };

    static Func<int, int, int> Typed<T>(T[] values, bool[]? nulls, bool descending) where T : IComparable<T> =>
        nulls is null
            ? descending ? (a, b) => values[b].CompareTo(values[a]) : (a, b) => values[a].CompareTo(values[b])
            : (a, b) => NullsLast(nulls[a], nulls[b]) ?? Directed(values[a].CompareTo(values[b]), descending);

    static Func<int, int, int> Text(ReadOnlyMemory<char>[] values, bool[]? nulls, bool descending) =>
        (a, b) => (nulls is null ? null : NullsLast(nulls[a], nulls[b]))
            ?? Directed(TextOrder.Compare(values[a].Span, values[b].Span), descending);

    /// <summary>The same order between row <paramref name="i"/> of one key vector and row <paramref name="j"/> of
    /// another (rows of two sorted runs being merged); 0 on a tie, which the caller breaks.</summary>
    public static int CompareAcross(ColumnVector a, int i, ColumnVector b, int j, bool descending) =>
        NullsLast(a.IsNull(i), b.IsNull(j)) ?? Directed(PredicateEvaluator.CompareAt(a, i, b, j) ?? 0, descending);

    static int? NullsLast(bool na, bool nb) => na || nb ? (na == nb ? 0 : na ? 1 : -1) : null;
    static int Directed(int c, bool descending) => descending ? -c : c;
}
