using System.Globalization;
using System.Text;

namespace Cql.Engine.Execution;

/// <summary>
/// percentile and median: every non-null value of a group kept, then interpolated between the two nearest ranks
/// (DuckDB's quantile_cont: position (n - 1) × fraction).
/// </summary>
sealed class PercentileAccumulator(double fraction) : Accumulator
{
    readonly List<List<double>> _values = [];

    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        while (_values.Count < groupCount) _values.Add([]);
        for (int r = 0; r < rows; r++) if (!arg!.IsNull(r)) _values[g[r]].Add(arg.GetFloat64(r));
    }

    public override ColumnVector Build(int groupCount)
    {
        var result = new double[groupCount];
        bool[]? nulls = null;
        for (int i = 0; i < groupCount; i++)
        {
            if (i >= _values.Count || _values[i].Count == 0) { (nulls ??= new bool[groupCount])[i] = true; continue; }
            var v = _values[i];
            v.Sort();
            double position = (v.Count - 1) * fraction;
            int below = (int)Math.Floor(position);
            int above = Math.Min(below + 1, v.Count - 1);
            result[i] = v[below] + (v[above] - v[below]) * (position - below);
        }
        return new Float64Vector(result, nulls, groupCount);
    }
}

/// <summary>
/// arg_max(x, by) and arg_min(x, by): x of the row whose by is largest (smallest); of equal rows the first read.
/// Rows where x or by is null are skipped, as DuckDB's arg_max skips them.
/// </summary>
sealed class ArgExtremeAccumulator(bool max, ColumnType type) : Accumulator
{
    // The best row so far of each group: its by (a number, or text for text and dates) and its x, kept by type
    // (text as the slice the batch read, as min and max of text keep it).
    bool[] _has = new bool[16];
    double[] _byNumber = new double[16];
    ReadOnlyMemory<char>[] _byText = new ReadOnlyMemory<char>[16];
    double[] _number = new double[16];
    long[] _whole = new long[16];
    ReadOnlyMemory<char>[] _text = new ReadOnlyMemory<char>[16];

    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount) =>
        throw new InvalidOperationException("arg_max and arg_min need the value they compare");

    public override void Update(int[] g, int rows, ColumnVector? arg, ColumnVector? by, int groupCount)
    {
        Grow(ref _has, groupCount); Grow(ref _byNumber, groupCount); Grow(ref _byText, groupCount);
        Grow(ref _number, groupCount); Grow(ref _whole, groupCount); Grow(ref _text, groupCount);
        bool textBy = by!.Type is ColumnType.String or ColumnType.Date;
        for (int r = 0; r < rows; r++)
        {
            if (arg!.IsNull(r) || by.IsNull(r)) continue;
            int k = g[r];
            if (textBy)
            {
                var t = by.GetString(r);
                int cmp = _has[k] ? TextOrder.Compare(t.Span, _byText[k].Span) : 0;
                if (_has[k] && (max ? cmp <= 0 : cmp >= 0)) continue;
                _byText[k] = t;
            }
            else
            {
                double x = by.GetFloat64(r);
                if (_has[k] && (max ? x <= _byNumber[k] : x >= _byNumber[k])) continue;
                _byNumber[k] = x;
            }
            _has[k] = true;
            switch (type)
            {
                case ColumnType.String or ColumnType.Date: _text[k] = arg.GetString(r); break;
                case ColumnType.Float64: _number[k] = arg.GetFloat64(r); break;
                case ColumnType.Bool: _whole[k] = arg.GetBool(r) ? 1 : 0; break;
                default: _whole[k] = arg.GetInt64(r); break;
            }
        }
    }

    public override ColumnVector Build(int groupCount)
    {
        Grow(ref _has, groupCount); Grow(ref _number, groupCount); Grow(ref _whole, groupCount); Grow(ref _text, groupCount);
        var b = new VectorBuilder(type, groupCount);
        for (int i = 0; i < groupCount; i++)
        {
            if (!_has[i]) { b.AppendNull(); continue; }
            switch (type)
            {
                case ColumnType.String or ColumnType.Date: b.Append(_text[i]); break;
                case ColumnType.Float64: b.Append(_number[i]); break;
                case ColumnType.Bool: b.Append(_whole[i] != 0); break;
                default: b.Append(_whole[i]); break;
            }
        }
        return b.Build();
    }
}

/// <summary>
/// list(x): a group's non-null values as text joined by "; ", in the order read; set(x): its distinct values, in
/// the order of the values (numbers by size, text as order by sorts it). Text because a column holds one value a
/// row here; "; " as the docs' authors and the statements' langs are joined.
/// </summary>
sealed class ValueListAccumulator(bool distinct) : Accumulator
{
    public const string Separator = "; ";
    readonly List<List<string>> _strings = [];
    readonly List<List<double>> _numbers = [];
    readonly List<List<long>> _wholes = [];

    public override void Update(int[] g, int rows, ColumnVector? arg, int groupCount)
    {
        while (_strings.Count < groupCount) { _strings.Add([]); _numbers.Add([]); _wholes.Add([]); }
        for (int r = 0; r < rows; r++)
        {
            if (arg!.IsNull(r)) continue;
            switch (arg.Type)
            {
                case ColumnType.String or ColumnType.Date: _strings[g[r]].Add(arg.GetString(r).ToString()); break;
                case ColumnType.Bool: _strings[g[r]].Add(arg.GetBool(r) ? "true" : "false"); break;
                case ColumnType.Float64: _numbers[g[r]].Add(arg.GetFloat64(r)); break;
                default: _wholes[g[r]].Add(arg.GetInt64(r)); break;
            }
        }
    }

    public override ColumnVector Build(int groupCount)
    {
        var values = new ReadOnlyMemory<char>[groupCount];
        bool[]? nulls = null;
        var text = new StringBuilder();
        for (int i = 0; i < groupCount; i++)
        {
            var strings = i < _strings.Count ? _strings[i] : [];
            var numbers = i < _numbers.Count ? _numbers[i] : [];
            var wholes = i < _wholes.Count ? _wholes[i] : [];
            if (strings.Count + numbers.Count + wholes.Count == 0) { (nulls ??= new bool[groupCount])[i] = true; continue; }
            text.Clear();
            if (distinct)
            {
                strings = [.. new SortedSet<string>(strings, Comparer<string>.Create((a, b) => TextOrder.Compare(a, b)))];
                numbers = [.. new SortedSet<double>(numbers)];
                wholes = [.. new SortedSet<long>(wholes)];
            }
            foreach (var s in strings) Append(text, s);
            foreach (var n in numbers) Append(text, n.ToString("R", CultureInfo.InvariantCulture));
            foreach (var n in wholes) Append(text, n.ToString(CultureInfo.InvariantCulture));
            values[i] = text.ToString().AsMemory();
        }
        return new StringVector(values, nulls, groupCount);
    }

    static void Append(StringBuilder text, string value)
    {
        if (text.Length > 0) text.Append(Separator);
        text.Append(value);
    }
}
