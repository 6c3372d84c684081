namespace Cql.Engine.Execution;

/// <summary>A physical operator: pulls batches from its inputs and hands out its own.</summary>
public interface IPhysicalOperator : IDisposable
{
    IReadOnlyList<ResultColumn> Columns { get; }
    /// <summary>The next non-empty batch, or null at the end. Checks the token between batches.</summary>
    ColumnBatch? Next(CancellationToken ct);
}
