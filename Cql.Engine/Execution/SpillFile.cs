using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Batches written to a temporary file in frames of at most <see cref="FrameRows"/> rows, to be read back in the same order by <see cref="SpillReader"/>. A frame is
/// the row count, then per column a null-mask flag (and the mask), then the values as they lie in memory; text as
/// its total length, each value's length and the UTF-16 characters, so a column reads back into one buffer.
/// </summary>
sealed class SpillWriter(string path) : IDisposable
{
    readonly FileStream _file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    public string Path { get; } = path;

    /// <summary>Rows a frame holds at most, so reading back holds a few thousand rows of each file, however large
    /// the batch written was.</summary>
    internal const int FrameRows = 8192;

    public void Write(ColumnBatch batch)
    {
        for (int start = 0; start < batch.RowCount; start += FrameRows) WriteFrame(batch, start, Math.Min(FrameRows, batch.RowCount - start));
    }

    void WriteFrame(ColumnBatch batch, int start, int n)
    {
        WriteInt(n);
        foreach (var v in batch.Columns)
        {
            switch (v)
            {
                case Int32Vector x: WriteNulls(x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case Int64Vector x: WriteNulls(x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case Float64Vector x: WriteNulls(x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case BoolVector x: WriteNulls(x.Nulls, start, n); _file.Write(MemoryMarshal.AsBytes(x.Values.AsSpan(start, n))); break;
                case StringVector x:
                {
                    WriteNulls(x.Nulls, start, n);
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

    void WriteNulls(bool[]? nulls, int start, int n)
    {
        _file.WriteByte(nulls is null ? (byte)0 : (byte)1);
        if (nulls is not null) _file.Write(MemoryMarshal.AsBytes(nulls.AsSpan(start, n)));
    }

    void WriteInt(int value) => _file.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    public void Dispose() => _file.Dispose();
}

/// <summary>Reads back, batch by batch, what a <see cref="SpillWriter"/> wrote with columns of these types.</summary>
sealed class SpillReader(string path, IReadOnlyList<ColumnType> types) : IDisposable
{
    readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    public string Path { get; } = path;

    /// <summary>The next batch; null at the end of the file.</summary>
    public ColumnBatch? Next()
    {
        if (_file.Position == _file.Length) return null;
        int n = ReadInt();
        var cols = new ColumnVector[types.Count];
        for (int c = 0; c < cols.Length; c++)
        {
            var nulls = ReadNulls(n);
            cols[c] = types[c] switch
            {
                ColumnType.Int32 => new Int32Vector(Read<int>(n), nulls, n),
                ColumnType.Int64 => new Int64Vector(Read<long>(n), nulls, n),
                ColumnType.Float64 => new Float64Vector(Read<double>(n), nulls, n),
                ColumnType.Bool => new BoolVector(Read<bool>(n), nulls, n),
                var t => ReadText(n, nulls, t),
            };
        }
        return new ColumnBatch(cols, n);
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

    bool[]? ReadNulls(int n) => _file.ReadByte() == 1 ? Read<bool>(n) : null;

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
