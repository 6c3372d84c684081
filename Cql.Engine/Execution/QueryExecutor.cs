namespace Cql.Engine.Execution;

/// <summary>
/// Runs a tree of physical operators (built by <see cref="PhysicalPlanning.PhysicalPlanner"/>) as a stream of
/// batches: each pull asks the root for its next batch.
/// </summary>
public static class QueryExecutor
{
    /// <summary>The stream over <paramref name="root"/>; disposing it disposes the operators, then
    /// <paramref name="resources"/> (the open files the operators read).</summary>
    public static IBatchStream Run(IPhysicalOperator root, IDisposable resources) => new OperatorStream(root, resources);

    /// <summary>The public stream over the root operator; closes the files when disposed.</summary>
    sealed class OperatorStream(IPhysicalOperator root, IDisposable resources) : IBatchStream
    {
        ColumnBatch? _current;
        public IReadOnlyList<ResultColumn> Columns => root.Columns;
        public ColumnBatch Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true");

        public bool MoveNext(CancellationToken cancellationToken)
        {
            _current = root.Next(cancellationToken);
            return _current is not null;
        }

        public void Dispose()
        {
            root.Dispose();
            resources.Dispose();
        }
    }
}
