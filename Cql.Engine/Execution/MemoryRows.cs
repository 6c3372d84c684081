namespace Cql.Engine.Execution;

/// <summary>
/// A result stream over rows held in memory as objects (int, long, double, bool, string or null by column type):
/// show tables, describe, C# results, tests. Handed out in batches of <paramref name="batchSize"/> rows.
/// </summary>
public sealed class MemoryRows(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows, int batchSize = 4096) : IBatchStream
{
    int _next;
    public IReadOnlyList<ResultColumn> Columns { get; } = columns;
    public ColumnBatch Current { get; private set; } = new([], 0);

    public bool MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next >= rows.Count) return false;
        int n = Math.Min(Math.Max(1, batchSize), rows.Count - _next);
        var vectors = new List<ColumnVector>(Columns.Count);
        for (int c = 0; c < Columns.Count; c++) vectors.Add(new Vector(Columns[c].Type, rows, _next, c, n));
        _next += n;
        Current = new ColumnBatch(vectors, n);
        return true;
    }

    public void Dispose() { }

    sealed class Vector(ColumnType type, IReadOnlyList<object?[]> rows, int first, int column, int length) : ColumnVector
    {
        object? At(int row) => rows[first + row][column];
        public override ColumnType Type => type;
        public override int Length => length;
        public override bool IsNull(int row) => At(row) is null;
        public override int GetInt32(int row) => Convert.ToInt32(At(row), System.Globalization.CultureInfo.InvariantCulture);
        public override long GetInt64(int row) => Convert.ToInt64(At(row), System.Globalization.CultureInfo.InvariantCulture);
        public override double GetFloat64(int row) => Convert.ToDouble(At(row), System.Globalization.CultureInfo.InvariantCulture);
        public override bool GetBool(int row) => (bool)At(row)!;
        public override ReadOnlyMemory<char> GetString(int row) => ((string)At(row)!).AsMemory();
    }
}
