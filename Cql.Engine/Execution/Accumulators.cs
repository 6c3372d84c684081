using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>The running state of one aggregate over all groups, updated a batch at a time.</summary>
public abstract class Accumulator
{
    /// <summary>Adds the rows of a batch; arg is null for count(*).</summary>
    public abstract void Update(int[] groupIds, int rows, ColumnVector? arg, int groupCount);

    /// <summary>Adds the rows of a batch with the value arg_max/arg_min compare (null for the other aggregates).</summary>
    public virtual void Update(int[] groupIds, int rows, ColumnVector? arg, ColumnVector? by, int groupCount) =>
        Update(groupIds, rows, arg, groupCount);

    public abstract ColumnVector Build(int groupCount);

    public static Accumulator For(AggregateExpr a) => a.Function switch
    {
        AggregateFunction.Count => new CountAccumulator(),
        AggregateFunction.Percentile => new PercentileAccumulator(a.Fraction),
        AggregateFunction.ArgMax or AggregateFunction.ArgMin => new ArgExtremeAccumulator(a.Function == AggregateFunction.ArgMax, a.Type),
        AggregateFunction.List or AggregateFunction.Set => new ValueListAccumulator(a.Function == AggregateFunction.Set),
        AggregateFunction.CountDistinct => new CountDistinctAccumulator(),
        AggregateFunction.Sum or AggregateFunction.Avg => new SumAccumulator(a.Function == AggregateFunction.Avg, a.Type),
        _ => a.Argument!.Type is ColumnType.String or ColumnType.Date
            ? new StringMinMaxAccumulator(a.Function == AggregateFunction.Max, a.Argument.Type)
            : new NumberMinMaxAccumulator(a.Function == AggregateFunction.Max, a.Type),
    };

    protected static void Grow<T>(ref T[] a, int n) { if (a.Length < n) Array.Resize(ref a, Math.Max(n, a.Length * 2)); }
}

/// <summary>count(*) or count(x): rows, or non-null values.</summary>
sealed class CountAccumulator : Accumulator
{
    long[] _counts = new long[16];
    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        Grow(ref _counts, groupCount);
        for (int r = 0; r < rows; r++) if (arg is null || !arg.IsNull(r)) _counts[g[r]]++;
    }
    public override ColumnVector Build(int groupCount) { Grow(ref _counts, groupCount); return new Int64Vector(_counts, null, groupCount); }
}

/// <summary>Distinct non-null values per group: each value is coded once (<see cref="ColumnCoder"/>) and each (group,
/// code) pair counted once, in one table for every group — no set and no string per group and value.</summary>
sealed class CountDistinctAccumulator : Accumulator
{
    readonly ColumnCoder _coder = new();
    readonly PairTable _seen = new();
    long[] _counts = new long[16];
    int[] _codes = [];
    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        Grow(ref _counts, groupCount);
        if (_codes.Length < rows) _codes = new int[rows];
        _coder.Code(arg!, rows, _codes);
        for (int r = 0; r < rows; r++)
        {
            int code = _codes[r];
            if (code == 0) continue;
            _seen.IdOf(((long)g[r] << 32) | (uint)code, out bool added);
            if (added) _counts[g[r]]++;
        }
    }
    public override ColumnVector Build(int groupCount) { Grow(ref _counts, groupCount); return new Int64Vector(_counts, null, groupCount); }
}

/// <summary>sum and avg; integer sums stay exact in a long.</summary>
sealed class SumAccumulator(bool average, ColumnType type) : Accumulator
{
    long[] _longs = new long[16];
    double[] _doubles = new double[16];
    long[] _counts = new long[16];
    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        Grow(ref _longs, groupCount); Grow(ref _doubles, groupCount); Grow(ref _counts, groupCount);
        for (int r = 0; r < rows; r++)
        {
            if (arg!.IsNull(r)) continue;
            int k = g[r];
            _counts[k]++;
            if (arg is Float64Vector f) _doubles[k] += f.Values[r];
            else _longs[k] += arg.GetInt64(r);
        }
    }
    public override ColumnVector Build(int groupCount)
    {
        Grow(ref _longs, groupCount); Grow(ref _doubles, groupCount); Grow(ref _counts, groupCount);
        bool[]? nulls = null;
        for (int i = 0; i < groupCount; i++) if (_counts[i] == 0) (nulls ??= new bool[groupCount])[i] = true;
        if (average)
        {
            var v = new double[groupCount];
            for (int i = 0; i < groupCount; i++) if (_counts[i] > 0) v[i] = (_doubles[i] + _longs[i]) / _counts[i];
            return new Float64Vector(v, nulls, groupCount);
        }
        if (type == ColumnType.Float64) return new Float64Vector(_doubles, nulls, groupCount);
        return new Int64Vector(_longs, nulls, groupCount);
    }
}

/// <summary>min/max of numbers and booleans.</summary>
sealed class NumberMinMaxAccumulator(bool max, ColumnType type) : Accumulator
{
    double[] _best = new double[16];
    bool[] _has = new bool[16];
    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        Grow(ref _best, groupCount); Grow(ref _has, groupCount);
        for (int r = 0; r < rows; r++)
        {
            if (arg!.IsNull(r)) continue;
            double x = arg is BoolVector b ? (b.Values[r] ? 1 : 0) : arg.GetFloat64(r);
            int k = g[r];
            if (!_has[k] || (max ? x > _best[k] : x < _best[k])) { _best[k] = x; _has[k] = true; }
        }
    }
    public override ColumnVector Build(int groupCount)
    {
        Grow(ref _best, groupCount); Grow(ref _has, groupCount);
        var b = new VectorBuilder(type, groupCount);
        for (int i = 0; i < groupCount; i++)
        {
            if (!_has[i]) b.AppendNull();
            else if (type == ColumnType.Float64) b.Append(_best[i]);
            else if (type == ColumnType.Bool) b.Append(_best[i] != 0);
            else b.Append((long)_best[i]);
        }
        return b.Build();
    }
}

/// <summary>min/max of text (ordinal).</summary>
sealed class StringMinMaxAccumulator(bool max, ColumnType type) : Accumulator
{
    ReadOnlyMemory<char>[] _best = new ReadOnlyMemory<char>[16];
    bool[] _has = new bool[16];
    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        Grow(ref _best, groupCount); Grow(ref _has, groupCount);
        var s = (StringVector)arg!;
        for (int r = 0; r < rows; r++)
        {
            if (s.IsNull(r)) continue;
            int k = g[r];
            int cmp = _has[k] ? TextOrder.Compare(s.Values[r].Span, _best[k].Span) : 0;
            if (!_has[k] || (max ? cmp > 0 : cmp < 0)) { _best[k] = s.Values[r]; _has[k] = true; }
        }
    }
    public override ColumnVector Build(int groupCount)
    {
        Grow(ref _best, groupCount); Grow(ref _has, groupCount);
        bool[]? nulls = null;
        for (int i = 0; i < groupCount; i++) if (!_has[i]) (nulls ??= new bool[groupCount])[i] = true;
        return new StringVector(_best, nulls, groupCount, type);
    }
}
