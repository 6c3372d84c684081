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
        var state = new AggregationState(keys, aggregates);
        while (input.Next(ct) is { } batch) state.Add(input.Columns, batch, batch.RowCount);
        return state.Build();
    }

    public void Dispose() => input.Dispose();
}
