namespace Cql.Engine.Execution;

/// <summary>Gathers rows picked one at a time from other batches (a merge of runs or of partitions) into output
/// batches of up to <see cref="Capacity"/> rows.</summary>
sealed class RowBatchBuilder(IReadOnlyList<ResultColumn> columns)
{
    public const int Capacity = 8192;
    VectorBuilder[] _builders = New(columns);

    public int Count { get; private set; }
    public bool IsFull => Count == Capacity;

    public void Append(ColumnBatch from, int row)
    {
        for (int c = 0; c < _builders.Length; c++) _builders[c].AppendFrom(from.Columns[c], row);
        Count++;
    }

    /// <summary>The rows gathered so far, as a batch; the builder starts over empty.</summary>
    public ColumnBatch Take()
    {
        var cols = new ColumnVector[_builders.Length];
        for (int c = 0; c < cols.Length; c++) cols[c] = _builders[c].Build();
        var batch = new ColumnBatch(cols, Count);
        _builders = New(columns);
        Count = 0;
        return batch;
    }

    static VectorBuilder[] New(IReadOnlyList<ResultColumn> columns)
    {
        var builders = new VectorBuilder[columns.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = new VectorBuilder(columns[c].Type, Capacity);
        return builders;
    }
}
