using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>Computes the projected expressions over each batch.</summary>
public sealed class ProjectOperator(IPhysicalOperator input, Project project) : IPhysicalOperator
{
    readonly IReadOnlyList<ResultColumn> _columns = project.Schema;
    public IReadOnlyList<ResultColumn> Columns => _columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (input.Next(ct) is not { } batch) return null;
        var source = new BatchColumns(input.Columns, batch);
        var cols = new ColumnVector[project.Columns.Count];
        for (int i = 0; i < cols.Length; i++) cols[i] = ExpressionEvaluator.Evaluate(project.Columns[i].Expr, source);
        return new ColumnBatch(cols, batch.RowCount);
    }

    public void Dispose() => input.Dispose();
}
