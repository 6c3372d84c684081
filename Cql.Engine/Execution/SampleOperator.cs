namespace Cql.Engine.Execution;

/// <summary>
/// Reservoir sampling (algorithm R) with a seeded generator: the same seed over the same input picks the same rows.
/// The chosen rows come out in input order.
/// </summary>
public sealed class SampleOperator(IPhysicalOperator input, int count, int seed) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var rng = new Random(seed);
        var batches = new List<ColumnBatch>();
        var reservoir = new List<(int Batch, int Row, long Seen)>(count);
        long seen = 0;
        while (input.Next(ct) is { } b)
        {
            batches.Add(b);
            for (int r = 0; r < b.RowCount; r++, seen++)
            {
                if (reservoir.Count < count) reservoir.Add((batches.Count - 1, r, seen));
                else
                {
                    long j = rng.NextInt64(seen + 1);
                    if (j < count) reservoir[(int)j] = (batches.Count - 1, r, seen);
                }
            }
        }
        if (reservoir.Count == 0) return null;
        reservoir.Sort((a, b) => a.Seen.CompareTo(b.Seen));
        var builders = new VectorBuilder[Columns.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = new VectorBuilder(Columns[c].Type, reservoir.Count);
        foreach (var (bi, r, _) in reservoir)
            for (int c = 0; c < builders.Length; c++) builders[c].AppendFrom(batches[bi].Columns[c], r);
        return new ColumnBatch(Array.ConvertAll(builders, x => x.Build()), reservoir.Count);
    }

    public void Dispose() => input.Dispose();
}
