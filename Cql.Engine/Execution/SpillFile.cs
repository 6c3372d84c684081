using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Batches written to a temporary file in frames of at most <see cref="FrameRows"/> rows, to be read back in the
/// same order by <see cref="SpillReader"/>. A frame is the row count, then per column the kind of vector it was, a
/// null-mask flag (and the mask), then the values as they lie in memory; text as its total length, each value's
/// length and the UTF-16 characters, so a column reads back into one buffer. The kind travels with the values, so a
/// column reads back as the vector it was written from, whatever type the plan gave its expression.
/// </summary>
sealed class SpillWriter(string path, string folder) : IDisposable
{
    readonly FileStream _file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    public string Path { get; } = path;

    /// <summary>Rows a frame holds at most, so reading back holds a few thousand rows of each file, however large
    /// the batch written was.</summary>
    internal const int FrameRows = 8192;

    public void Write(ColumnBatch batch)
    {
        try
        {
            for (int start = 0; start < batch.RowCount; start += FrameRows) WriteFrame(batch, start, Math.Min(FrameRows, batch.RowCount - start));
        }
        catch (IOException e) { throw new SpillException(folder, e); }
    }

    void WriteFrame(ColumnBatch batch, int start, int n)
    {
        WriteInt(n);
        foreach (var v in batch.Columns)
        {
            switch (v)
            {
                case Int32Vector x: Head(SpillKind.Int32, x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case Int64Vector x: Head(SpillKind.Int64, x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case Float64Vector x: Head(SpillKind.Float64, x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case BoolVector x: Head(SpillKind.Bool, x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case StringVector x:
                {
                    Head(SpillKind.Text, x.Nulls, start, n);
                    var values = x.Values.AsSpan(start, n);
                    int total = 0;
                    foreach (var value in values) total += value.Length;
                    WriteInt(total);
                    foreach (var value in values) WriteInt(value.Length);
                    foreach (var value in values) _file.Write(MemoryMarshal.AsBytes(value.Span));
                    break;
                }
                default: throw new NotSupportedException(v.GetType().Name);
            }
        }
    }

    void Head(SpillKind kind, bool[]? nulls, int start, int n)
    {
        _file.WriteByte((byte)kind);
        _file.WriteByte(nulls is null ? (byte)0 : (byte)1);
        if (nulls is not null) _file.Write(MemoryMarshal.AsBytes(nulls.AsSpan(start, n)));
    }

    void WriteInt(int value) => _file.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    public void Dispose() => _file.Dispose();
}

/// <summary>The vector a spilled column was written from.</summary>
enum SpillKind : byte { Int32, Int64, Float64, Bool, Text }

/// <summary>Reads back, batch by batch, what a <see cref="SpillWriter"/> wrote; a text column gets its type (String
/// or Date) from <paramref name="columns"/>.</summary>
sealed class SpillReader(string path, IReadOnlyList<ResultColumn> columns, string folder) : IDisposable
{
    readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    public string Path { get; } = path;

    /// <summary>The next batch; null at the end of the file.</summary>
    public ColumnBatch? Next()
    {
        try
        {
            if (_file.Position == _file.Length) return null;
            int n = ReadInt();
            var cols = new ColumnVector[columns.Count];
            for (int c = 0; c < cols.Length; c++)
            {
                var kind = (SpillKind)_file.ReadByte();
                var nulls = _file.ReadByte() == 1 ? Read<bool>(n) : null;
                cols[c] = kind switch
                {
                    SpillKind.Int32 => new Int32Vector(Read<int>(n), nulls, n),
                    SpillKind.Int64 => new Int64Vector(Read<long>(n), nulls, n),
                    SpillKind.Float64 => new Float64Vector(Read<double>(n), nulls, n),
                    SpillKind.Bool => new BoolVector(Read<bool>(n), nulls, n),
                    SpillKind.Text => ReadText(n, nulls, columns[c].Type),
                    _ => throw new InvalidDataException($"{Path}: unknown column kind {(int)kind}"),
                };
            }
            return new ColumnBatch(cols, n);
        }
        catch (IOException e) { throw new SpillException(folder, e); }
    }

    StringVector ReadText(int n, bool[]? nulls, ColumnType type)
    {
        int total = ReadInt();
        var lengths = Read<int>(n);
        var chars = Read<char>(total);
        var values = new ReadOnlyMemory<char>[n];
        for (int i = 0, at = 0; i < n; at += lengths[i], i++) values[i] = chars.AsMemory(at, lengths[i]);
        return new StringVector(values, nulls, n, type);
    }

    T[] Read<T>(int n) where T : struct
    {
        var values = new T[n];
        _file.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    int ReadInt()
    {
        int value = 0;
        _file.ReadExactly(MemoryMarshal.AsBytes(new Span<int>(ref value)));
        return value;
    }

    public void Dispose() => _file.Dispose();
}
