using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>Keeps the rows of each batch for which the predicate is true.</summary>
public sealed class FilterOperator(IPhysicalOperator input, Expr predicate) : IPhysicalOperator
{
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        while (input.Next(ct) is { } batch)
        {
            var mask = new byte[batch.RowCount];
            PredicateEvaluator.Evaluate(predicate, new BatchColumns(input.Columns, batch), mask);
            var sel = VectorOps.Selection(mask);
            if (sel.Length == batch.RowCount) return batch;
            if (sel.Length > 0) return VectorOps.Gather(batch, sel);
        }
        return null;
    }

    public void Dispose() => input.Dispose();
}
