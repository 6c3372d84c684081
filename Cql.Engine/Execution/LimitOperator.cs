namespace Cql.Engine.Execution;

/// <summary>Passes the first Count rows, then stops pulling from its input.</summary>
public sealed class LimitOperator(IPhysicalOperator input, long count) : IPhysicalOperator
{
    long _left = count;
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_left <= 0 || input.Next(ct) is not { } batch) return null;
        if (batch.RowCount > _left) batch = VectorOps.Gather(batch, Prefix((int)_left));
        _left -= batch.RowCount;
        return batch;
    }

    internal static int[] Prefix(int n)
    {
        var rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    public void Dispose() => input.Dispose();
}
