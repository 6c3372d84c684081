namespace Cql.Engine.Core;

/// <summary>Builds a vector value by value; used where rows are produced one at a time (aggregates, kwic, joins).</summary>
public sealed class VectorBuilder(ColumnType type, int capacity = 16)
{
    int[]? _i = type == ColumnType.Int32 ? new int[Math.Max(capacity, 1)] : null;
    long[]? _l = type == ColumnType.Int64 ? new long[Math.Max(capacity, 1)] : null;
    double[]? _d = type == ColumnType.Float64 ? new double[Math.Max(capacity, 1)] : null;
    bool[]? _b = type == ColumnType.Bool ? new bool[Math.Max(capacity, 1)] : null;
    ReadOnlyMemory<char>[]? _s = type is ColumnType.String or ColumnType.Date ? new ReadOnlyMemory<char>[Math.Max(capacity, 1)] : null;
    bool[] _nulls = new bool[Math.Max(capacity, 1)];
    bool _anyNull;

    public ColumnType Type { get; } = type;
    public int Count { get; private set; }

    void Grow()
    {
        if (Count < _nulls.Length) return;
        int n = _nulls.Length * 2;
        Array.Resize(ref _nulls, n);
        if (_i is not null) Array.Resize(ref _i, n);
        if (_l is not null) Array.Resize(ref _l, n);
        if (_d is not null) Array.Resize(ref _d, n);
        if (_b is not null) Array.Resize(ref _b, n);
        if (_s is not null) Array.Resize(ref _s, n);
    }

    public void AppendNull() { Grow(); _nulls[Count++] = true; _anyNull = true; }
    public void Append(int v) { Grow(); if (_l is not null) _l[Count] = v; else if (_d is not null) _d[Count] = v; else _i![Count] = v; Count++; }
    public void Append(long v) { Grow(); if (_d is not null) _d[Count] = v; else if (_i is not null) _i[Count] = checked((int)v); else _l![Count] = v; Count++; }
    public void Append(double v) { Grow(); _d![Count++] = v; }
    public void Append(bool v) { Grow(); _b![Count++] = v; }
    public void Append(ReadOnlyMemory<char> v) { Grow(); _s![Count++] = v; }

    /// <summary>Copies row <paramref name="row"/> of <paramref name="v"/> (of a compatible type).</summary>
    public void AppendFrom(ColumnVector v, int row)
    {
        if (v.IsNull(row)) { AppendNull(); return; }
        switch (v)
        {
            case Int32Vector x: Append(x.Values[row]); break;
            case Int64Vector x: Append(x.Values[row]); break;
            case Float64Vector x: Append(x.Values[row]); break;
            case BoolVector x: Append(x.Values[row]); break;
            case StringVector x: Append(x.Values[row]); break;
            default: throw new NotSupportedException(v.GetType().Name);
        }
    }

    public ColumnVector Build()
    {
        var nulls = _anyNull ? _nulls : null;
        return Type switch
        {
            ColumnType.Int32 => new Int32Vector(_i!, nulls, Count),
            ColumnType.Int64 => new Int64Vector(_l!, nulls, Count),
            ColumnType.Float64 => new Float64Vector(_d!, nulls, Count),
            ColumnType.Bool => new BoolVector(_b!, nulls, Count),
            _ => new StringVector(_s!, nulls, Count, Type),
        };
    }
}
