using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// The part of a sort that does not fit its budget: each stretch of input rows past the budget is sorted in memory and
/// written out as a run (<see cref="SpillWriter"/>), and at the end the runs are merged k ways, one frame of each in
/// memory. Runs hold consecutive stretches of the input and a tie goes to the earlier run, so the merged order is the
/// in-memory sort's, stable.
/// </summary>
sealed class SortedRuns(IReadOnlyList<SortKey> keys, IReadOnlyList<ResultColumn> columns, SpillArea area)
{
    readonly List<SpillWriter> _runs = [];

    /// <summary>Writes rows already in order as the next run.</summary>
    public void Add(ColumnBatch sorted)
    {
        if (sorted.RowCount == 0) return;
        var run = area.Create();
        run.Write(sorted);
        _runs.Add(run);
    }

    /// <summary>Every run's rows, in batches, in order; each file is deleted once it is read to its end.</summary>
    public IEnumerable<ColumnBatch> Merge(CancellationToken ct)
    {
        int k = _runs.Count;
        var readers = new SpillReader[k];
        var frames = new ColumnBatch?[k];
        var keyValues = new ColumnVector[k][];
        var at = new int[k];
        for (int r = 0; r < k; r++) readers[r] = area.Open(_runs[r], columns);

        // The run whose next row comes first on top; a run's head changes only while it is out of the queue.
        var heads = new PriorityQueue<int, int>(k, Comparer<int>.Create((a, b) =>
        {
            for (int key = 0; key < keys.Count; key++)
            {
                int c = RowComparer.CompareAcross(keyValues[a][key], at[a], keyValues[b][key], at[b], keys[key].Descending);
                if (c != 0) return c;
            }
            return a.CompareTo(b);
        }));
        for (int r = 0; r < k; r++) if (NextFrame(r)) heads.Enqueue(r, r);

        var merged = new RowBatchBuilder(columns);
        while (heads.TryDequeue(out int run, out _))
        {
            var frame = frames[run]!;
            merged.Append(frame, at[run]);
            if (++at[run] < frame.RowCount || NextFrame(run)) heads.Enqueue(run, run);
            if (merged.IsFull)
            {
                ct.ThrowIfCancellationRequested();
                yield return merged.Take();
            }
        }
        if (merged.Count > 0) yield return merged.Take();

        bool NextFrame(int r)
        {
            at[r] = 0;
            frames[r] = readers[r].Next();
            if (frames[r] is not { } f) { SpillArea.Delete(readers[r]); return false; }
            var source = new BatchColumns(columns, f);
            keyValues[r] = new ColumnVector[keys.Count];
            for (int key = 0; key < keys.Count; key++) keyValues[r][key] = ExpressionEvaluator.Evaluate(keys[key].Expr, source);
            return true;
        }
    }
}
