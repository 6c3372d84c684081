using Cql.Engine.Execution;
using Cql.Engine.Storage;

namespace Cql.Repl.Scripting;

/// <summary>Rows held as objects (C# results), offered as one batch so the table and export writers can print them.</summary>
internal sealed class ObjectRows(IReadOnlyList<ResultColumn> columns, List<object?[]> rows) : IBatchStream
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => columns;
    public ColumnBatch Current { get; private set; } = new([], 0);

    public bool MoveNext(CancellationToken cancellationToken)
    {
        if (_done || rows.Count == 0) return false;
        _done = true;
        var vectors = new List<ColumnVector>(columns.Count);
        for (int c = 0; c < columns.Count; c++) vectors.Add(new Vector(columns[c].Type, rows, c));
        Current = new ColumnBatch(vectors, rows.Count);
        return true;
    }

    public void Dispose() { }

    sealed class Vector(ColumnType type, List<object?[]> rows, int column) : ColumnVector
    {
        public override ColumnType Type => type;
        public override int Length => rows.Count;
        public override bool IsNull(int row) => rows[row][column] is null;
        public override int GetInt32(int row) => (int)rows[row][column]!;
        public override long GetInt64(int row) => (long)rows[row][column]!;
        public override double GetFloat64(int row) => (double)rows[row][column]!;
        public override bool GetBool(int row) => (bool)rows[row][column]!;
        public override ReadOnlyMemory<char> GetString(int row) => ((string)rows[row][column]!).AsMemory();
    }
}
