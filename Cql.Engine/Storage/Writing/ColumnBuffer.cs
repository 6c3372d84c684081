namespace Cql.Engine.Storage.Writing;

/// <summary>
/// The values of one column for the row group being built. Typed arrays, grown by doubling, so adding a row
/// allocates nothing but the strings the caller already has. A list column (<see cref="Repeated"/>: a term index's
/// ids) holds its rows' lists back to back, each value with its Parquet repetition level.
/// </summary>
internal sealed class ColumnBuffer(ColumnSchema column, bool repeated = false)
{
    public ColumnSchema Column { get; } = column;
    /// <summary>Whether each row holds a list of values (Parquet's REPEATED field) rather than one.</summary>
    public bool Repeated { get; } = !repeated || column is { Type: ColumnType.Int32, Nullable: false } ? repeated
        : throw new ArgumentException($"list column {column.Name}: only lists of non-null Int32 are written");
    int[] _ints = column.Type == ColumnType.Int32 ? new int[1024] : [];
    long[] _longs = column.Type == ColumnType.Int64 ? new long[1024] : [];
    double[] _doubles = column.Type == ColumnType.Float64 ? new double[1024] : [];
    bool[] _bools = column.Type == ColumnType.Bool ? new bool[1024] : [];
    string?[] _strings = column.Type is ColumnType.String or ColumnType.Date ? new string?[1024] : [];
    // Which rows of a nullable number or bool column are null (strings hold their nulls themselves).
    bool[] _nulls = column.Nullable && column.Type is not (ColumnType.String or ColumnType.Date) ? new bool[1024] : [];
    // A list column's repetition level per value: 0 starts a row's list, 1 continues it.
    int[] _repetitions = repeated ? new int[1024] : [];
    int _lists;
    bool _anyNull;
    /// <summary>Values buffered: the rows, except in a list column, where it counts the lists' values.</summary>
    public int Count { get; private set; }
    /// <summary>Rows buffered.</summary>
    public int Rows => Repeated ? _lists : Count;

    /// <summary>A row of a list column (which takes its values only this way): its values, at least one (an empty
    /// list is never written).</summary>
    public void AddInt32List(ReadOnlySpan<int> values)
    {
        if (!Repeated) throw new InvalidOperationException($"column {Column.Name} is not a list");
        if (values.IsEmpty) throw new ArgumentException($"column {Column.Name}: an empty list");
        Reserve(ref _ints, values.Length);
        if (_repetitions.Length < Count + values.Length) Array.Resize(ref _repetitions, Math.Max(_repetitions.Length * 2, Count + values.Length));
        values.CopyTo(_ints.AsSpan(Count));
        var levels = _repetitions.AsSpan(Count, values.Length);
        levels.Fill(1);
        levels[0] = 0;
        Count += values.Length;
        _lists++;
    }

    /// <summary>A list column's repetition levels, one per value.</summary>
    public ReadOnlySpan<int> Repetitions => _repetitions.AsSpan(0, Count);

    public void AddInt32(int v) { Grow(ref _ints); MarkValue(); _ints[Count++] = v; }
    public void AddInt64(long v) { Grow(ref _longs); MarkValue(); _longs[Count++] = v; }
    public void AddFloat64(double v) { Grow(ref _doubles); MarkValue(); _doubles[Count++] = v; }
    public void AddBool(bool v) { Grow(ref _bools); MarkValue(); _bools[Count++] = v; }

    /// <summary>A missing value: only in nullable columns.</summary>
    public void AddNull()
    {
        if (!Column.Nullable) throw new InvalidOperationException($"column {Column.Name} is not nullable");
        switch (Column.Type)
        {
            case ColumnType.String or ColumnType.Date: AddString(null); return;
            case ColumnType.Int32: Grow(ref _ints); _ints[Count] = 0; break;
            case ColumnType.Int64: Grow(ref _longs); _longs[Count] = 0; break;
            case ColumnType.Float64: Grow(ref _doubles); _doubles[Count] = 0; break;
            default: Grow(ref _bools); _bools[Count] = false; break;
        }
        if (_nulls.Length <= Count) Array.Resize(ref _nulls, Math.Max(1024, _nulls.Length * 2));
        _nulls[Count++] = true;
        _anyNull = true;
    }

    void MarkValue()
    {
        if (_nulls.Length == 0) return;
        if (_nulls.Length <= Count) Array.Resize(ref _nulls, Math.Max(1024, _nulls.Length * 2));
        _nulls[Count] = false;
    }

    /// <summary>Which rows of a number or bool column are null; empty when none is.</summary>
    public ReadOnlySpan<bool> NullRows => _anyNull ? _nulls.AsSpan(0, Count) : default;

    public void AddString(string? v)
    {
        if (v is null && !Column.Nullable)
            throw new InvalidOperationException($"column {Column.Name} is not nullable");
        Grow(ref _strings);
        if (_sliced) Slice(Count, 0, v?.Length ?? 0);
        _strings[Count++] = v;
        if (v is not null) Chars += v.Length;
    }

    // Texts added as a range of a longer string (AddText): the string is kept, with where the text starts in it and
    // its length. Used by a column only once a range is added to it (until Clear), so other columns pay nothing.
    int[] _sliceStarts = [], _sliceLengths = [];
    bool _sliced;

    /// <summary>A text that is <paramref name="length"/> characters of <paramref name="source"/> from
    /// <paramref name="start"/>: the same value as AddString of the substring, without allocating it. The paragraphs'
    /// and sentences' text, a copy of the whole corpus each, stayed buffered until their row group was written, so
    /// the collector promoted every one of them before it died. Not for dictionary-encoded columns (<see cref="Strings"/>).</summary>
    public void AddText(string source, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start + (ulong)(uint)length, (ulong)source.Length, nameof(length));
        Grow(ref _strings);
        if (!_sliced)
        {
            _sliced = true;
            for (int i = 0; i < Count; i++) Slice(i, 0, _strings[i]?.Length ?? 0);
        }
        Slice(Count, start, length);
        _strings[Count++] = source;
        Chars += length;
    }

    void Slice(int row, int start, int length)
    {
        if (_sliceStarts.Length <= row)
        {
            Array.Resize(ref _sliceStarts, Math.Max(_strings.Length, row + 1));
            Array.Resize(ref _sliceLengths, _sliceStarts.Length);
        }
        _sliceStarts[row] = start;
        _sliceLengths[row] = length;
    }

    /// <summary>The text of row <paramref name="row"/> of a string column (empty for a null; <see cref="IsNull"/> tells).</summary>
    public ReadOnlySpan<char> TextAt(int row) =>
        _sliced ? _strings[row].AsSpan(_sliceStarts[row], _sliceLengths[row]) : _strings[row].AsSpan();

    /// <summary>Whether row <paramref name="row"/> of a string column is null.</summary>
    public bool IsNull(int row) => _strings[row] is null;

    /// <summary>Appends <paramref name="count"/> values of a non-nullable Int32 column for the caller to fill: bulk
    /// writers (the tokens table) fill whole columns of a sentence without a call per value.</summary>
    public Span<int> AppendInt32s(int count)
    {
        if (_nulls.Length != 0) throw new InvalidOperationException($"column {Column.Name} is nullable");
        Reserve(ref _ints, count);
        var span = _ints.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Appends non-null strings (a bulk writer's column).</summary>
    public void AddStrings(ReadOnlySpan<string> values)
    {
        Reserve(ref _strings, values.Length);
        for (int i = 0; _sliced && i < values.Length; i++) Slice(Count + i, 0, values[i]?.Length ?? 0);
        long chars = 0;
        var into = _strings.AsSpan(Count, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            var v = values[i] ?? throw new InvalidOperationException($"column {Column.Name}: null in a bulk append");
            into[i] = v;
            chars += v.Length;
        }
        Count += values.Length;
        Chars += chars;
    }

    void Reserve<T>(ref T[] a, int count)
    {
        if (a.Length == 0) throw new InvalidOperationException($"column {Column.Name} is {Column.Type}");
        if (Count + count > a.Length) Array.Resize(ref a, Math.Max(a.Length * 2, Count + count));
    }

    /// <summary>Characters of the strings buffered since the last <see cref="Clear"/>.</summary>
    public long Chars { get; private set; }

    void Grow<T>(ref T[] a)
    {
        if (a.Length == 0) throw new InvalidOperationException($"column {Column.Name} is {Column.Type}");
        if (Count == a.Length) Array.Resize(ref a, a.Length * 2);
    }

    public ReadOnlyMemory<int> Ints => _ints.AsMemory(0, Count);
    public ReadOnlyMemory<long> Longs => _longs.AsMemory(0, Count);
    public ReadOnlyMemory<double> Doubles => _doubles.AsMemory(0, Count);
    public ReadOnlyMemory<bool> Bools => _bools.AsMemory(0, Count);
    /// <summary>The strings of a string column whose values were added whole (never by <see cref="AddText"/>): a
    /// dictionary, a date or a timestamp column.</summary>
    public ArraySegment<string?> Strings => !_sliced ? new(_strings, 0, Count)
        : throw new InvalidOperationException($"column {Column.Name} holds text ranges: read it with TextAt");

    public void Clear()
    {
        if (_strings.Length > 0) Array.Clear(_strings, 0, Count); // let the strings go
        Count = 0;
        _sliced = false;
        _lists = 0;
        Chars = 0;
        _anyNull = false;
    }
}
