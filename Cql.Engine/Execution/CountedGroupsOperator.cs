namespace Cql.Engine.Execution;

/// <summary>The groups of a `count by` from the value counts ingest keeps: one batch, keys then counts, without
/// reading the table.</summary>
public sealed class CountedGroupsOperator(IReadOnlyList<ResultColumn> columns, ColumnType keyType,
    IReadOnlyList<(string? Value, long Count)> counts) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done || counts.Count == 0) return null;
        _done = true;
        var keys = new VectorBuilder(keyType, counts.Count);
        var n = new long[counts.Count];
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i].Value is { } v) keys.Append(v.AsMemory()); else keys.AppendNull();
            n[i] = counts[i].Count;
        }
        var cols = new ColumnVector[Columns.Count];
        cols[0] = keys.Build();
        for (int c = 1; c < cols.Length; c++) cols[c] = new Int64Vector(n, null, n.Length);
        return new ColumnBatch(cols, n.Length);
    }

    public void Dispose() { }
}
