using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Hash aggregation whose table stays bounded: groups gather in memory until there are more than
/// <c>maxGroups</c>; after that a row of a known group still updates it, and a row of a new key goes — its key and
/// aggregate arguments, already evaluated, with its sequence number — to one of <see cref="Fanout"/> temporary
/// partition files chosen by a hash of its key. Each partition is then aggregated on its own (and partitioned again
/// by other bits of the hash when it is itself too large), so every aggregate sees all of its group's rows, in their
/// order, in one place. Groups still come in order of first appearance: every group held in memory appeared before
/// any spilled one, and the partitions' groups, each carrying its first row's number, are merged by it.
/// </summary>
/// <param name="nested">A partition's aggregation: its input has the spilled layout (<see cref="SpillSchema"/>) and
/// its groups carry their first row's number as a last column.</param>
sealed class PartitionedAggregation(IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates,
    IReadOnlyList<ResultColumn> columns, int maxGroups, SpillArea area, int level, bool nested)
{
    internal const int Fanout = 16;
    const int FanoutBits = 4;
    const int MaxLevel = 15; // 64 hash bits, 4 a level: deeper than any input needs, and the last level stays in memory
    const string SeqColumn = "seq";

    /// <summary>The groups, in batches, in order of first appearance.</summary>
    public IEnumerable<ColumnBatch> Run(IReadOnlyList<ResultColumn> schema, Func<ColumnBatch?> next, CancellationToken ct)
    {
        var state = new AggregationState(keys, nested ? [.. aggregates, FirstRow] : aggregates);
        SpillWriter[]? partitions = null;
        long seq = 0;
        while (next() is { } batch)
        {
            ct.ThrowIfCancellationRequested();
            if (partitions is null)
            {
                state.Add(schema, batch, batch.RowCount);
                if (state.GroupCount > maxGroups && keys.Count > 0 && level < MaxLevel)
                {
                    partitions = new SpillWriter[Fanout];
                    for (int p = 0; p < Fanout; p++) partitions[p] = area.Create();
                }
            }
            else Route(state, schema, batch, partitions, seq);
            seq += batch.RowCount;
        }
        var held = state.Build();
        state = null!; // the held groups are handed on; the partitions' own tables take their place
        if (held is not null) yield return held;
        held = null; // an iterator's locals live as long as it does
        if (partitions is null) yield break;

        var results = new SpillReader[Fanout];
        List<ResultColumn> spilled = SpillSchema, childColumns = ChildColumns;
        List<NamedExpr> childKeys = ChildKeys;
        List<AggregateExpr> childAggregates = ChildAggregates;
        for (int p = 0; p < Fanout; p++)
        {
            var input = area.Open(partitions[p], spilled);
            var child = new PartitionedAggregation(childKeys, childAggregates, childColumns, maxGroups, area, level + 1, nested: true);
            var output = area.Create();
            foreach (var groups in child.Run(spilled, input.Next, ct)) output.Write(groups);
            SpillArea.Delete(input);
            results[p] = area.Open(output, childColumns);
        }
        foreach (var merged in MergeByFirstRow(results, ct)) yield return merged;
        foreach (var r in results) SpillArea.Delete(r);
    }

    /// <summary>Adds the rows of known groups to them and writes the others to their partitions.</summary>
    void Route(AggregationState state, IReadOnlyList<ResultColumn> schema, ColumnBatch batch, SpillWriter[] partitions, long seq)
    {
        int n = batch.RowCount;
        var source = new BatchColumns(schema, batch);
        var keyVectors = new ColumnVector[keys.Count];
        for (int k = 0; k < keys.Count; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k].Expr, source);
        var groups = new int[n];
        state.Find(keyVectors, n, groups);
        var known = new List<int>(n);
        var fresh = new List<int>();
        for (int r = 0; r < n; r++) (groups[r] >= 0 ? known : fresh).Add(r);
        if (known.Count > 0)
        {
            // Their groups are found already: only the aggregates' arguments are gathered, the keys not coded again.
            var ids = new int[known.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = groups[known[i]];
            state.AddFound(schema, VectorOps.Gather(batch, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(known)), ids);
        }
        if (fresh.Count == 0) return;

        var spill = new List<ColumnVector>(keyVectors);
        foreach (var a in aggregates)
        {
            if (a.Argument is { } arg) spill.Add(ExpressionEvaluator.Evaluate(arg, source));
            if (a.By is { } by) spill.Add(ExpressionEvaluator.Evaluate(by, source));
        }
        spill.Add(nested ? source.Get(SeqColumn) : Sequence(seq, n));

        var hashes = new ulong[n];
        foreach (var v in keyVectors) KeyHash.Mix(v, n, hashes);
        int shift = 64 - FanoutBits * (level + 1);
        var byPartition = new List<int>[Fanout];
        for (int p = 0; p < Fanout; p++) byPartition[p] = [];
        foreach (int r in fresh) byPartition[(int)(KeyHash.Finish(hashes[r]) >> shift) & (Fanout - 1)].Add(r);
        var cols = new ColumnVector[spill.Count];
        for (int p = 0; p < Fanout; p++)
        {
            if (byPartition[p].Count == 0) continue;
            var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(byPartition[p]);
            for (int c = 0; c < cols.Length; c++) cols[c] = VectorOps.Gather(spill[c], rows);
            partitions[p].Write(new ColumnBatch(cols, rows.Length));
        }
    }

    static Int64Vector Sequence(long first, int n)
    {
        var values = new long[n];
        for (int i = 0; i < n; i++) values[i] = first + i;
        return new Int64Vector(values, null, n);
    }

    /// <summary>The partitions' groups in order of their first row (the last column of each), in batches of the
    /// columns this aggregation yields.</summary>
    IEnumerable<ColumnBatch> MergeByFirstRow(SpillReader[] results, CancellationToken ct)
    {
        var current = new ColumnBatch?[results.Length];
        var rowAt = new int[results.Length];
        for (int p = 0; p < results.Length; p++) current[p] = results[p].Next();
        int firstColumn = ChildColumns.Count - 1;
        var merged = new RowBatchBuilder(columns);
        while (true)
        {
            int best = -1;
            long bestFirst = long.MaxValue;
            for (int p = 0; p < current.Length; p++)
            {
                if (current[p] is not { } b) continue;
                long first = ((Int64Vector)b.Columns[firstColumn]).Values[rowAt[p]];
                if (first < bestFirst) { bestFirst = first; best = p; }
            }
            if (best < 0) break;
            var from = current[best]!;
            merged.Append(from, rowAt[best]);
            if (++rowAt[best] == from.RowCount) { current[best] = results[best].Next(); rowAt[best] = 0; }
            if (merged.IsFull)
            {
                ct.ThrowIfCancellationRequested();
                yield return merged.Take();
            }
        }
        if (merged.Count > 0) yield return merged.Take();
    }

    static readonly AggregateExpr FirstRow = new(AggregateFunction.Min, new ColumnRef(SeqColumn, ColumnType.Int64), "first");

    /// <summary>The columns a spilled row has: the keys, each aggregate's argument (and arg_max's value), its number.</summary>
    List<ResultColumn> SpillSchema
    {
        get
        {
            var schema = new List<ResultColumn>();
            for (int k = 0; k < keys.Count; k++) schema.Add(new ResultColumn($"k{k}", keys[k].Expr.Type));
            for (int a = 0; a < aggregates.Count; a++)
            {
                if (aggregates[a].Argument is { } arg) schema.Add(new ResultColumn($"a{a}", arg.Type));
                if (aggregates[a].By is { } by) schema.Add(new ResultColumn($"b{a}", by.Type));
            }
            schema.Add(new ResultColumn(SeqColumn, ColumnType.Int64));
            return schema;
        }
    }

    List<NamedExpr> ChildKeys
    {
        get
        {
            var child = new List<NamedExpr>(keys.Count);
            for (int k = 0; k < keys.Count; k++) child.Add(new NamedExpr(keys[k].Name, new ColumnRef($"k{k}", keys[k].Expr.Type)));
            return child;
        }
    }

    List<AggregateExpr> ChildAggregates
    {
        get
        {
            var child = new List<AggregateExpr>(aggregates.Count);
            for (int a = 0; a < aggregates.Count; a++)
            {
                var agg = aggregates[a];
                child.Add(agg with
                {
                    Argument = agg.Argument is { } arg ? new ColumnRef($"a{a}", arg.Type) : null,
                    By = agg.By is { } by ? new ColumnRef($"b{a}", by.Type) : null,
                });
            }
            return child;
        }
    }

    /// <summary>A partition's groups: this aggregation's columns and the number of the group's first row.</summary>
    List<ResultColumn> ChildColumns => nested ? [.. columns] : [.. columns, new ResultColumn("first", ColumnType.Int64)];
}
