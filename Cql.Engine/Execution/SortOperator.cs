using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// A stable sort of the whole input; nulls last (as DuckDB by default). With a limit it is a top-N: a short one cuts
/// each batch to its best N rows as it comes, a longer one cuts the buffer back to the best N rows whenever it grows
/// large, so memory stays bounded, and the best N are picked with a bounded heap instead of sorting every row. With <paramref name="perGroup"/> keys the limit is per group (top-N
/// per group, <c>order by … | limit N by …</c>): the buffer is cut back to the best N rows of each group, so memory
/// is bounded by N rows a group, not by the input. Without a limit, rows past the budget's
/// <see cref="ExecutionBudget.SortBytes"/> are sorted in stretches written to temporary files and merged at the end
/// (<see cref="SortedRuns"/>), so the result comes out in batches instead of as one.
/// </summary>
public sealed class SortOperator(IPhysicalOperator input, IReadOnlyList<SortKey> keys, long? limit, IReadOnlyList<Expr>? perGroup = null,
    ExecutionBudget? budget = null) : IPhysicalOperator
{
    readonly ExecutionBudget _budget = budget ?? ExecutionBudget.Default;
    SpillArea? _spill;
    IEnumerator<ColumnBatch>? _merged;

    /// <summary>Limits up to this are kept batch by batch; longer ones gather batches first, so that rows are not sorted
    /// again for every batch.</summary>
    const long StreamedTopN = 4096;
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_merged is not null) return _merged.MoveNext() ? _merged.Current : null;
        if (_done) return null;
        _done = true;
        var pending = new List<ColumnBatch>();
        int pendingRows = 0;
        long pendingBytes = 0;
        bool whole = limit is null && perGroup is null;
        SortedRuns? runs = null;
        ColumnBatch? best = null;
        while (input.Next(ct) is { } b)
        {
            if (whole)
            {
                pending.Add(b);
                pendingBytes += BatchBytes.Of(b);
                if (pendingBytes > _budget.SortBytes)
                {
                    runs ??= new SortedRuns(keys, input.Columns, _spill = new SpillArea(_budget.SpillFolder));
                    runs.Add(SortAll(pending, null));
                    pending.Clear();
                    pendingBytes = 0;
                }
                continue;
            }
            if (limit is { } few && few <= StreamedTopN && perGroup is null)
            {
                // A short top-N cuts each batch to its best rows as it comes, so no batch (of long texts, say) waits
                // in memory, and no batch is copied into a larger one first. Earlier rows stay first: ties keep order.
                var top = b.RowCount > few ? SortAll([b], few) : b;
                best = best is null ? top : SortAll([best, top], few);
                continue;
            }
            pending.Add(b);
            pendingRows += b.RowCount;
            if (limit is { } n && pendingRows > Math.Max(perGroup is null ? 4 * n : best?.RowCount ?? 0, 65_536))
            {
                if (best is not null) pending.Insert(0, best);
                best = SortAll(pending, n);
                pending.Clear();
                pendingRows = 0;
            }
        }
        if (runs is not null)
        {
            if (pending.Count > 0) runs.Add(SortAll(pending, null));
            pending.Clear();
            _merged = runs.Merge(ct).GetEnumerator();
            return _merged.MoveNext() ? _merged.Current : null;
        }
        if (best is not null) pending.Insert(0, best);
        if (pending.Count == 0) return null;
        var result = SortAll(pending, limit);
        return result.RowCount == 0 ? null : result;
    }

    ColumnBatch SortAll(List<ColumnBatch> batches, long? limit)
    {
        // One batch (an aggregate's output) is sorted where it is: copying millions of groups first doubled the peak.
        var all = batches.Count == 1 ? batches[0] : VectorOps.Concat(input.Columns, batches);
        int n = all.RowCount;
        var source = new BatchColumns(input.Columns, all);
        var keyVectors = new ColumnVector[keys.Count];
        for (int k = 0; k < keys.Count; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k].Expr, source);
        var comparer = new RowComparer(keyVectors, keys);
        if (perGroup is not null) return VectorOps.Gather(all, FirstOfEachGroup(SortedRows(n, comparer), source, limit ?? long.MaxValue));
        var order = limit is { } l && l < n ? TopN(n, (int)Math.Max(l, 0), comparer) : AllRows(n);
        Array.Sort(order, comparer);
        return VectorOps.Gather(all, order);
    }

    static int[] SortedRows(int n, RowComparer comparer)
    {
        var order = AllRows(n);
        Array.Sort(order, comparer);
        return order;
    }

    /// <summary>The first <paramref name="count"/> rows of each group, walking <paramref name="order"/>.</summary>
    int[] FirstOfEachGroup(int[] order, BatchColumns source, long count)
    {
        var groupKeys = new ColumnVector[perGroup!.Count];
        for (int k = 0; k < groupKeys.Length; k++) groupKeys[k] = ExpressionEvaluator.Evaluate(perGroup[k], source);
        var groups = new int[source.RowCount];
        var encoder = new GroupKeyEncoder(groupKeys.Length);
        encoder.Encode(groupKeys, source.RowCount, groups);
        var taken = new long[encoder.GroupCount];
        var keep = new List<int>();
        foreach (var r in order) if (taken[groups[r]]++ < count) keep.Add(r);
        return [.. keep];
    }

    static int[] AllRows(int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /// <summary>The best <paramref name="count"/> rows, unordered: a heap with the worst kept row on top, so each
    /// further row costs one comparison unless it beats that row.</summary>
    static int[] TopN(int n, int count, RowComparer comparer)
    {
        if (count == 0) return [];
        var worstFirst = new PriorityQueue<int, int>(count, Comparer<int>.Create((a, b) => comparer.Compare(b, a)));
        for (int i = 0; i < n; i++)
        {
            if (worstFirst.Count < count) worstFirst.Enqueue(i, i);
            else if (comparer.Compare(i, worstFirst.Peek()) < 0) worstFirst.DequeueEnqueue(i, i);
        }
        var rows = new int[worstFirst.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = worstFirst.Dequeue();
        return rows;
    }

    public void Dispose()
    {
        _merged?.Dispose();
        _spill?.Dispose();
        input.Dispose();
    }
}
