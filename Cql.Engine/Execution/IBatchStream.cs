namespace Cql.Engine.Execution;

/// <summary>A pull-based stream of result batches; the consumer disposes it.</summary>
public interface IBatchStream : IDisposable
{
    IReadOnlyList<ResultColumn> Columns { get; }
    /// <summary>Advances to the next non-empty batch; false at the end.</summary>
    bool MoveNext(CancellationToken cancellationToken);
    ColumnBatch Current { get; }
}
