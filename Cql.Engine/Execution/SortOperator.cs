using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// A stable sort of the whole input; nulls last (as DuckDB by default). With a limit it is a top-N: the buffer is
/// cut back to the best N rows whenever it grows large, so memory stays bounded.
/// </summary>
public sealed class SortOperator(IPhysicalOperator input, IReadOnlyList<SortKey> keys, long? limit) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var pending = new List<ColumnBatch>();
        int pendingRows = 0;
        ColumnBatch? best = null;
        while (input.Next(ct) is { } b)
        {
            pending.Add(b);
            pendingRows += b.RowCount;
            if (limit is { } n && pendingRows > Math.Max(4 * n, 65_536))
            {
                if (best is not null) pending.Insert(0, best);
                best = SortAll(pending, n);
                pending.Clear();
                pendingRows = 0;
            }
        }
        if (best is not null) pending.Insert(0, best);
        var result = SortAll(pending, limit);
        return result.RowCount == 0 ? null : result;
    }

    ColumnBatch SortAll(List<ColumnBatch> batches, long? limit)
    {
        var all = VectorOps.Concat(input.Columns, batches);
        int n = all.RowCount;
        var source = new BatchColumns(input.Columns, all);
        var keyVectors = new ColumnVector[keys.Count];
        for (int k = 0; k < keys.Count; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k].Expr, source);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            for (int k = 0; k < keyVectors.Length; k++)
            {
                var v = keyVectors[k];
                bool na = v.IsNull(a), nb = v.IsNull(b);
                int c;
                if (na || nb) c = na == nb ? 0 : na ? 1 : -1; // nulls last either way
                else
                {
                    c = PredicateEvaluator.CompareAt(v, a, v, b) ?? 0;
                    if (keys[k].Descending) c = -c;
                }
                if (c != 0) return c;
            }
            return a.CompareTo(b); // stable
        });
        if (limit is { } l && l < n) order = order[..(int)l];
        return VectorOps.Gather(all, order);
    }

    public void Dispose() => input.Dispose();
}
