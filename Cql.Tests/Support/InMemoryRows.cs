using Cql.Engine.Execution;
using Cql.Engine.Storage;

namespace Cql.Tests.Support;

/// <summary>A result stream over values held in memory, for testing the edges (output, export) apart from the executor.</summary>
public sealed class InMemoryRows(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows, int batchSize = 2) : IBatchStream
{
    int _next;
    public IReadOnlyList<ResultColumn> Columns { get; } = columns;
    public ColumnBatch Current { get; private set; } = new([], 0);

    public bool MoveNext(CancellationToken cancellationToken)
    {
        if (_next >= rows.Count) return false;
        int n = Math.Min(batchSize, rows.Count - _next);
        var vectors = new List<ColumnVector>();
        for (int c = 0; c < Columns.Count; c++)
        {
            var values = new object?[n];
            for (int r = 0; r < n; r++) values[r] = rows[_next + r][c];
            vectors.Add(new Vector(Columns[c].Type, values));
        }
        _next += n;
        Current = new ColumnBatch(vectors, n);
        return true;
    }

    public void Dispose() { }

    sealed class Vector(ColumnType type, object?[] values) : ColumnVector
    {
        public override ColumnType Type => type;
        public override int Length => values.Length;
        public override bool IsNull(int row) => values[row] is null;
        public override int GetInt32(int row) => (int)values[row]!;
        public override long GetInt64(int row) => (long)values[row]!;
        public override double GetFloat64(int row) => (double)values[row]!;
        public override bool GetBool(int row) => (bool)values[row]!;
        public override ReadOnlyMemory<char> GetString(int row) => ((string)values[row]!).AsMemory();
    }
}
