using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// limit N by keys over rows that are not sorted just below (a sorted input is planned as a per-group top-N in
/// <see cref="SortOperator"/>): passes the first N rows of each group as they stream by. Memory is one counter a
/// group.
/// </summary>
public sealed class LimitByOperator(IPhysicalOperator input, long count, IReadOnlyList<Expr> keys) : IPhysicalOperator
{
    readonly GroupKeyEncoder _encoder = new(keys.Count);
    long[] _taken = new long[64];
    int[] _groups = [];
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        while (input.Next(ct) is { } batch)
        {
            var source = new BatchColumns(input.Columns, batch);
            var keyVectors = new ColumnVector[keys.Count];
            for (int k = 0; k < keyVectors.Length; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k], source);
            if (_groups.Length < batch.RowCount) _groups = new int[batch.RowCount];
            _encoder.Encode(keyVectors, batch.RowCount, _groups);
            if (_taken.Length < _encoder.GroupCount) Array.Resize(ref _taken, Math.Max(_encoder.GroupCount, _taken.Length * 2));
            var keep = new int[batch.RowCount];
            int kept = 0;
            for (int r = 0; r < batch.RowCount; r++) if (_taken[_groups[r]]++ < count) keep[kept++] = r;
            if (kept == batch.RowCount) return batch;
            if (kept > 0) return VectorOps.Gather(batch, keep.AsSpan(0, kept));
        }
        return null;
    }

    public void Dispose() => input.Dispose();
}
