using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// The groups of an aggregation so far: their keys (in order of first appearance), their ids, and each aggregate's
/// running state. The plain aggregate keeps one for the whole input; the clustered one restarts it each time it hands
/// its finished groups on.
/// </summary>
sealed class AggregationState(IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates)
{
    readonly GroupKeyEncoder _encoder = new(keys.Count);
    VectorBuilder[] _keyBuilders = KeyBuilders(keys);
    Accumulator[] _accs = Accumulators(aggregates);
    int[] _groupIds = [];

    public int GroupCount => _encoder.GroupCount;

    /// <summary>Adds the first <paramref name="rows"/> rows of the batch to their groups.</summary>
    public void Add(IReadOnlyList<ResultColumn> schema, ColumnBatch batch, int rows)
    {
        if (rows == 0) return;
        var source = new BatchColumns(schema, batch);
        var keyVectors = new ColumnVector[keys.Count];
        for (int k = 0; k < keys.Count; k++) keyVectors[k] = ExpressionEvaluator.Evaluate(keys[k].Expr, source);
        if (_groupIds.Length < rows) _groupIds = new int[batch.RowCount];
        _encoder.Encode(keyVectors, rows, _groupIds);
        for (int k = 0; k < keyVectors.Length; k++)
            foreach (int row in _encoder.NewGroupRows) _keyBuilders[k].AppendFrom(keyVectors[k], row);
        UpdateAccumulators(source, _groupIds, rows);
    }

    void UpdateAccumulators(BatchColumns source, int[] groupIds, int rows)
    {
        for (int a = 0; a < _accs.Length; a++)
        {
            var arg = aggregates[a].Argument is { } e ? ExpressionEvaluator.Evaluate(e, source) : null;
            var by = aggregates[a].By is { } b ? ExpressionEvaluator.Evaluate(b, source) : null;
            _accs[a].Update(groupIds, rows, arg, by, _encoder.GroupCount);
        }
    }

    /// <summary>Adds the rows of a batch whose groups <see cref="Find"/> gave (<paramref name="groupIds"/>, one a row),
    /// without coding their keys again.</summary>
    public void AddFound(IReadOnlyList<ResultColumn> schema, ColumnBatch batch, int[] groupIds)
    {
        var source = new BatchColumns(schema, batch);
        UpdateAccumulators(source, groupIds, batch.RowCount);
    }

    /// <summary>Fills groupIds with the group of each of the first <paramref name="rows"/> rows of the evaluated keys,
    /// -1 for a key that has none; adds no group.</summary>
    public void Find(ColumnVector[] keyVectors, int rows, int[] groupIds) => _encoder.Find(keyVectors, rows, groupIds);

    /// <summary>A row per group, keys then aggregates; null when there is none. Without keys there is always the one
    /// group, also over an empty input.</summary>
    public ColumnBatch? Build()
    {
        if (keys.Count == 0 && _encoder.GroupCount == 0) _encoder.Encode([], 0, _groupIds);
        int groups = _encoder.GroupCount;
        if (groups == 0) return null;
        var cols = new ColumnVector[keys.Count + _accs.Length];
        for (int k = 0; k < keys.Count; k++) cols[k] = _keyBuilders[k].Build();
        for (int a = 0; a < _accs.Length; a++) cols[keys.Count + a] = _accs[a].Build(groups);
        return new ColumnBatch(cols, groups);
    }

    /// <summary>Forgets every group (after <see cref="Build"/> handed them on) but keeps the key columns' codes, so the
    /// next groups are numbered from 0 without coding every text value again.</summary>
    public void Restart()
    {
        _encoder.Restart();
        _keyBuilders = KeyBuilders(keys);
        _accs = Accumulators(aggregates);
    }

    static VectorBuilder[] KeyBuilders(IReadOnlyList<NamedExpr> keys)
    {
        var b = new VectorBuilder[keys.Count];
        for (int k = 0; k < keys.Count; k++) b[k] = new VectorBuilder(keys[k].Expr.Type);
        return b;
    }

    static Accumulator[] Accumulators(IReadOnlyList<AggregateExpr> aggregates)
    {
        var accs = new Accumulator[aggregates.Count];
        for (int a = 0; a < accs.Length; a++) accs[a] = Accumulator.For(aggregates[a]);
        return accs;
    }
}
