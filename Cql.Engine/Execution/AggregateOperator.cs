using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Hash aggregation: consumes the whole input, then yields one batch with a row per group (in order of first
/// appearance). Without keys it yields exactly one row, also over an empty input. Distinct is this with every
/// column a key and no aggregates.
/// </summary>
public sealed class AggregateOperator(IPhysicalOperator input, IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates, IReadOnlyList<ResultColumn> columns) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var encoder = new GroupKeyEncoder(keys.Count);
        var keyBuilders = new VectorBuilder[keys.Count];
        for (int k = 0; k < keys.Count; k++) keyBuilders[k] = new VectorBuilder(keys[k].Expr.Type);
        var accs = new Accumulator[aggregates.Count];
        for (int a = 0; a < accs.Length; a++) accs[a] = Accumulator.For(aggregates[a]);
        int[] groupIds = [];

        while (input.Next(ct) is { } batch)
        {
            var source = new BatchColumns(input.Columns, batch);
            var keyVectors = new ColumnVector[keys.Count];
            for (int k = 0; k < keys.Count; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k].Expr, source);
            if (groupIds.Length < batch.RowCount) groupIds = new int[batch.RowCount];
            encoder.Encode(keyVectors, batch.RowCount, groupIds);
            for (int k = 0; k < keyVectors.Length; k++)
                foreach (int row in encoder.NewGroupRows) keyBuilders[k].AppendFrom(keyVectors[k], row);
            for (int a = 0; a < accs.Length; a++)
            {
                var arg = aggregates[a].Argument is { } e ? ExpressionEvaluator.Evaluate(e, source) : null;
                var by = aggregates[a].By is { } b ? ExpressionEvaluator.Evaluate(b, source) : null;
                accs[a].Update(groupIds, batch.RowCount, arg, by, encoder.GroupCount);
            }
        }
        if (keys.Count == 0 && encoder.GroupCount == 0) encoder.Encode([], 0, groupIds);
        int groups = encoder.GroupCount;
        if (groups == 0) return null;
        var cols = new ColumnVector[keys.Count + accs.Length];
        for (int k = 0; k < keys.Count; k++) cols[k] = keyBuilders[k].Build();
        for (int a = 0; a < accs.Length; a++) cols[keys.Count + a] = accs[a].Build(groups);
        return new ColumnBatch(cols, groups);
    }

    public void Dispose() => input.Dispose();
}
