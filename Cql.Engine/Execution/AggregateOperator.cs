using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Hash aggregation: consumes the whole input, then yields a row per group (in order of first appearance), spilling
/// the rows of new keys to temporary partitions once the groups pass the budget (<see cref="PartitionedAggregation"/>).
/// Without keys it yields exactly one row, also over an empty input. Distinct is this with every column a key and no
/// aggregates.
/// </summary>
public sealed class AggregateOperator(IPhysicalOperator input, IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates,
    IReadOnlyList<ResultColumn> columns, ExecutionBudget budget) : IPhysicalOperator
{
    readonly SpillArea _spill = new(budget.SpillFolder);
    IEnumerator<ColumnBatch>? _groups;
    CancellationToken _ct;

    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        _ct = ct;
        _groups ??= new PartitionedAggregation(keys, aggregates, columns, budget.GroupsBeforeSpill, _spill, level: 0, nested: false)
            .Run(input.Columns, () => input.Next(_ct), ct).GetEnumerator();
        return _groups.MoveNext() ? _groups.Current : null;
    }

    public void Dispose()
    {
        _groups?.Dispose();
        _spill.Dispose();
        input.Dispose();
    }
}
