using Cql.Engine.Core;
using Cql.Engine.Execution;

namespace Cql.Tests.Support;

/// <summary>
/// An operator's input that gives <paramref name="batches"/> batches of <paramref name="rows"/> new integers (column
/// n), then fails: it throws "broken input", or, given <paramref name="cancel"/>, cancels it — to check what an
/// operator that spilled leaves behind after an error and after Ctrl+C.
/// </summary>
sealed class BrokenInput(int batches, int rows, CancellationTokenSource? cancel = null) : IPhysicalOperator
{
    int _given;
    public IReadOnlyList<ResultColumn> Columns { get; } = [new ResultColumn("n", ColumnType.Int32)];

    public ColumnBatch? Next(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_given == batches)
        {
            if (cancel is null) throw new QueryRuntimeException("broken input");
            cancel.Cancel();
            ct.ThrowIfCancellationRequested();
        }
        var values = new int[rows];
        for (int i = 0; i < values.Length; i++) values[i] = _given * rows + i;
        _given++;
        return new ColumnBatch([new Int32Vector(values, null, values.Length)], values.Length);
    }

    public void Dispose() { }
}

/// <summary>A stream's batches from its current one on, for <see cref="Execution.TestCorpus.Rows"/> after a test has
/// looked at the first batch.</summary>
sealed class FromCurrent(IBatchStream stream) : IBatchStream
{
    bool _started;
    public IReadOnlyList<ResultColumn> Columns => stream.Columns;
    public ColumnBatch Current => stream.Current;
    public bool MoveNext(CancellationToken cancellationToken) => !_started ? _started = true : stream.MoveNext(cancellationToken);
    public void Dispose() { }
}
