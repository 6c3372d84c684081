namespace Cql.Engine.Storage.Tables;

/// <summary>
/// Streams a CSV table's rows in batches of typed vectors, only the columns asked for, file after file: numbers,
/// booleans and dates parsed from the field's characters, text copied into one character buffer a column a batch
/// (no string a value). A value that no longer fits the type its column was given when the query was bound (the file
/// changed since) is an error with the file and line.
/// </summary>
public sealed class CsvBatchReader(UserTable table, IReadOnlyList<ResultColumn> columns, int batchRows = 8192) : IDisposable
{
    int _file = -1;
    CsvRecords? _records;
    int[] _fieldOf = [];
    int _fieldCount;

    /// <summary>The next batch of up to batchRows rows; null at the end of the last file.</summary>
    /// <exception cref="UserTableException">A file that cannot be read, or that changed since the query was bound.</exception>
    public ColumnBatch? Next(CancellationToken ct)
    {
        var builders = new ColumnBuilder[columns.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = new ColumnBuilder(columns[c].Type, batchRows);
        int rows = 0;
        while (rows < batchRows)
        {
            if (_records is null && !OpenNext()) break;
            var records = _records!;
            if (!records.Read())
            {
                records.Dispose();
                _records = null;
                continue;
            }
            if ((rows & 1023) == 0) ct.ThrowIfCancellationRequested();
            if (records.FieldCount != _fieldCount) throw CsvSchema.Ragged(table.Files[_file], records, _fieldCount);
            for (int c = 0; c < builders.Length; c++)
                if (!builders[c].Append(records.Field(_fieldOf[c])))
                    throw new UserTableException(UserTableProblem.Mismatch, table.Files[_file],
                        $"'{records.Field(_fieldOf[c]).ToString()}' in column '{columns[c].Name}' is not {Describe(columns[c].Type)}, as every value was when the query was bound: the file changed since; run the statement again (a let: define it again)",
                        records.Line);
            rows++;
        }
        if (rows == 0) return null;
        var vectors = new ColumnVector[builders.Length];
        for (int c = 0; c < vectors.Length; c++) vectors[c] = builders[c].Build(rows);
        return new ColumnBatch(vectors, rows);
    }

    bool OpenNext()
    {
        if (++_file >= table.Files.Count) return false;
        var path = table.Files[_file];
        _records = CsvRecords.Open(path, table.Delimiter);
        var header = CsvSchema.Header(_records, path);
        _fieldCount = header.Length;
        _fieldOf = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            _fieldOf[c] = Array.FindIndex(header, h => h.Equals(columns[c].Name, StringComparison.OrdinalIgnoreCase));
            if (_fieldOf[c] < 0)
                throw new UserTableException(UserTableProblem.Mismatch, path,
                    $"the header no longer names column '{columns[c].Name}': the file changed since the query was bound; run the statement again", 1);
        }
        return true;
    }

    static string Describe(ColumnType t) => t switch
    {
        ColumnType.Int64 => "a whole number",
        ColumnType.Float64 => "a number",
        ColumnType.Bool => "true or false",
        ColumnType.Date => "a date YYYY-MM-DD",
        _ => "text",
    };

    public void Dispose() => _records?.Dispose();

    /// <summary>One column of a batch, value by value, in arrays sized for the batch.</summary>
    sealed class ColumnBuilder(ColumnType type, int capacity)
    {
        readonly long[]? _longs = type == ColumnType.Int64 ? new long[capacity] : null;
        readonly double[]? _doubles = type == ColumnType.Float64 ? new double[capacity] : null;
        readonly bool[]? _bools = type == ColumnType.Bool ? new bool[capacity] : null;
        readonly int[]? _starts = type is ColumnType.String or ColumnType.Date ? new int[capacity + 1] : null;
        char[] _chars = type is ColumnType.String or ColumnType.Date ? new char[capacity * 8] : [];
        readonly bool[] _nulls = new bool[capacity];
        int _count, _used;
        bool _anyNull;

        /// <summary>Adds a value; false when it does not fit the column's type.</summary>
        public bool Append(ReadOnlySpan<char> field)
        {
            int i = _count;
            if (field.IsEmpty)
            {
                _nulls[i] = _anyNull = true;
                if (_starts is not null) _starts[i + 1] = _used;
                _count++;
                return true;
            }
            switch (type)
            {
                case ColumnType.Int64:
                    if (!CsvValues.TryInteger(field, out _longs![i])) return false;
                    break;
                case ColumnType.Float64:
                    if (!CsvValues.TryNumber(field, out _doubles![i])) return false;
                    break;
                case ColumnType.Bool:
                    if (!CsvValues.TryBool(field, out _bools![i])) return false;
                    break;
                default:
                    if (type == ColumnType.Date)
                    {
                        if (!CsvValues.IsDate(field)) return false;
                        field = field.Trim(' ');
                    }
                    if (_used + field.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + field.Length));
                    field.CopyTo(_chars.AsSpan(_used));
                    _used += field.Length;
                    _starts![i + 1] = _used;
                    break;
            }
            _count++;
            return true;
        }

        public ColumnVector Build(int rows)
        {
            var nulls = _anyNull ? _nulls : null;
            switch (type)
            {
                case ColumnType.Int64: return new Int64Vector(_longs!, nulls, rows);
                case ColumnType.Float64: return new Float64Vector(_doubles!, nulls, rows);
                case ColumnType.Bool: return new BoolVector(_bools!, nulls, rows);
                default:
                {
                    var values = new ReadOnlyMemory<char>[rows];
                    for (int r = 0; r < rows; r++) values[r] = new ReadOnlyMemory<char>(_chars, _starts![r], _starts[r + 1] - _starts[r]);
                    return new StringVector(values, nulls, rows, type);
                }
            }
        }
    }
}
