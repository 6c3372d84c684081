using Cql.Engine.Planning;
using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// The kernels of the scalar functions (<see cref="FunctionCall"/>): each reads its arguments' vectors for a whole
/// batch and writes one result vector. Null semantics as in SQL: a null argument gives a null result, except in
/// coalesce and if; text results slice their input where they can and allocate only the strings they change.
/// </summary>
static partial class ScalarFunctions
{
    public static ColumnVector Evaluate(FunctionCall f, IColumnSource input)
    {
        var args = new ColumnVector[f.Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = ExpressionEvaluator.Evaluate(f.Arguments[i], input);
        int n = input.RowCount;
        return f.Function switch
        {
            ScalarFunction.Lower => ChangeCase(Text(args[0]), lower: true),
            ScalarFunction.Upper => ChangeCase(Text(args[0]), lower: false),
            ScalarFunction.Length => Length(Text(args[0])),
            ScalarFunction.Year => DatePart(Text(args[0]), 0, 4),
            ScalarFunction.Month => DatePart(Text(args[0]), 5, 2),
            ScalarFunction.Day => DatePart(Text(args[0]), 8, 2),
            ScalarFunction.Weekday => Weekday(Text(args[0])),
            ScalarFunction.Substring => Substring(Text(args[0]), args[1], args[2]),
            ScalarFunction.Replace => Replace(Text(args[0]), Text(args[1]), Text(args[2])),
            ScalarFunction.Trim => Trim(Text(args[0])),
            ScalarFunction.Starts => Affix(Text(args[0]), Text(args[1]), prefix: true),
            ScalarFunction.Ends => Affix(Text(args[0]), Text(args[1]), prefix: false),
            ScalarFunction.WordCount => WordCount(Text(args[0])),
            ScalarFunction.Abs => Numeric(args[0], Math.Abs, static x => x < 0 ? -x : x),
            ScalarFunction.Floor => Numeric(args[0], Math.Floor, static x => x),
            ScalarFunction.Round => Round(args[0], f.Arguments.Count > 1 ? (int)((Literal)f.Arguments[1]).Value! : 0),
            ScalarFunction.Coalesce => Coalesce(f.Type, args, n),
            ScalarFunction.If => If(f.Type, args, n),
            ScalarFunction.Case => Case(f.Type, args, n),
            ScalarFunction.Split => Split(Text(args[0]), Text(args[1]), args[2]),
            ScalarFunction.Extract => Extract(Text(args[0]), RegexPatterns.Get((string)((Literal)f.Arguments[1]).Value!), (int)((Literal)f.Arguments[2]).Value!),
            ScalarFunction.DateDiff => DateDiff((PeriodUnit)(int)((Literal)f.Arguments[0]).Value!, Text(args[1]), Text(args[2])),
            ScalarFunction.Log => Log(args[0], args.Length > 1 ? args[1] : null),
            _ => throw new NotSupportedException($"function {f}"),
        };
    }

    static StringVector Text(ColumnVector v) => v as StringVector ?? throw new NotSupportedException($"text function of {v.Type}");

    /// <summary>Rows where any of the vectors is null; null when there are none.</summary>
    static bool[]? NullsOf(int n, params ReadOnlySpan<ColumnVector> vectors)
    {
        bool[]? nulls = null;
        foreach (var v in vectors)
            for (int i = 0; i < n; i++)
                if (v.IsNull(i)) (nulls ??= new bool[n])[i] = true;
        return nulls;
    }

    // ---------------------------------------------------------------- text

    static StringVector ChangeCase(StringVector s, bool lower)
    {
        int n = s.Length;
        var outv = new ReadOnlyMemory<char>[n];
        // Dictionary rows share a buffer: convert each distinct buffer once and share the result too.
        object? lastArr = null;
        ReadOnlyMemory<char> lastOut = default;
        for (int i = 0; i < n; i++)
        {
            if (s.IsNull(i)) continue;
            var m = s.Values[i];
            object? arr = MemoryMarshal.TryGetArray(m, out var seg) && seg.Offset == 0 && seg.Count == seg.Array!.Length ? seg.Array : null;
            if (arr is not null && ReferenceEquals(arr, lastArr)) { outv[i] = lastOut; continue; }
            var buf = new char[m.Length];
            if (lower) m.Span.ToLowerInvariant(buf); else m.Span.ToUpperInvariant(buf);
            outv[i] = buf;
            lastArr = arr; lastOut = buf;
        }
        return new StringVector(outv, s.Nulls, n);
    }

    static Int32Vector Length(StringVector s)
    {
        int n = s.Length;
        var v = new int[n];
        for (int i = 0; i < n; i++) v[i] = s.Values[i].Length;
        return new Int32Vector(v, s.Nulls, n);
    }

    /// <summary>substring(text, start, length): 1-based as in SQL and DuckDB; a start of 0 or below counts the
    /// missing positions against the length (DuckDB's rule), a negative start counts from the end; past the end is
    /// empty text. Positions are UTF-16 units, as <c>length</c> counts them. A slice of the input: no copy.</summary>
    static StringVector Substring(StringVector s, ColumnVector start, ColumnVector length)
    {
        int n = s.Length;
        var nulls = NullsOf(n, s, start, length);
        var outv = new ReadOnlyMemory<char>[n];
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            var m = s.Values[i];
            long from = start.GetInt64(i), count = Math.Max(0, length.GetInt64(i));
            long begin = from > 0 ? from - 1 : from < 0 ? m.Length + from : -1;
            long end = Math.Clamp(begin + count, 0, m.Length);
            begin = Math.Clamp(begin, 0, m.Length);
            outv[i] = end > begin ? m.Slice((int)begin, (int)(end - begin)) : ReadOnlyMemory<char>.Empty;
        }
        return new StringVector(outv, nulls, n);
    }

    /// <summary>replace(text, from, to): every occurrence, case-sensitive as in DuckDB; an empty <c>from</c>
    /// changes nothing. Rows without an occurrence keep their input; a run of the same inputs shares one result.</summary>
    static StringVector Replace(StringVector s, StringVector from, StringVector to)
    {
        int n = s.Length;
        var nulls = NullsOf(n, s, from, to);
        var outv = new ReadOnlyMemory<char>[n];
        ReadOnlyMemory<char> lastIn = default, lastFrom = default, lastTo = default, lastOut = default;
        bool haveLast = false;
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            ReadOnlyMemory<char> m = s.Values[i], f = from.Values[i], t = to.Values[i];
            if (haveLast && m.Equals(lastIn) && f.Equals(lastFrom) && t.Equals(lastTo)) { outv[i] = lastOut; continue; }
            outv[i] = ReplaceAll(m, f.Span, t.Span);
            (lastIn, lastFrom, lastTo, lastOut, haveLast) = (m, f, t, outv[i], true);
        }
        return new StringVector(outv, nulls, n);
    }

    static ReadOnlyMemory<char> ReplaceAll(ReadOnlyMemory<char> text, ReadOnlySpan<char> from, ReadOnlySpan<char> to)
    {
        var span = text.Span;
        if (from.IsEmpty) return text;
        int count = 0;
        for (int at = 0, k; (k = span[at..].IndexOf(from, StringComparison.Ordinal)) >= 0; at += k + from.Length) count++;
        if (count == 0) return text;
        var result = new char[span.Length + count * (to.Length - from.Length)];
        int w = 0;
        for (int at = 0; ;)
        {
            int k = span[at..].IndexOf(from, StringComparison.Ordinal);
            if (k < 0) { span[at..].CopyTo(result.AsSpan(w)); break; }
            span.Slice(at, k).CopyTo(result.AsSpan(w)); w += k;
            to.CopyTo(result.AsSpan(w)); w += to.Length;
            at += k + from.Length;
        }
        return result;
    }

    /// <summary>trim(text): white space (as <see cref="char.IsWhiteSpace(char)"/> knows it: spaces, tabs, line ends,
    /// no-break spaces) off both ends; a slice of the input.</summary>
    static StringVector Trim(StringVector s)
    {
        int n = s.Length;
        var outv = new ReadOnlyMemory<char>[n];
        for (int i = 0; i < n; i++)
        {
            if (s.IsNull(i)) continue;
            var m = s.Values[i];
            var span = m.Span;
            int a = 0, b = span.Length;
            while (a < b && char.IsWhiteSpace(span[a])) a++;
            while (b > a && char.IsWhiteSpace(span[b - 1])) b--;
            outv[i] = m[a..b];
        }
        return new StringVector(outv, s.Nulls, n);
    }

    /// <summary>starts/ends(text, affix): case-insensitive like the <c>startswith</c> operator (both sides lowercased
    /// as <see cref="WordRules.Lower(ReadOnlySpan{char}, Span{char})"/> does).</summary>
    static BoolVector Affix(StringVector s, StringVector affix, bool prefix)
    {
        int n = s.Length;
        var nulls = NullsOf(n, s, affix);
        var v = new bool[n];
        char[] textBuffer = [], affixBuffer = [];
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            var t = s.Values[i].Span;
            var a = affix.Values[i].Span;
            if (a.Length > t.Length) continue;
            var lowerAffix = WordRules.LowerInto(a, ref affixBuffer);
            var part = prefix ? t[..a.Length] : t[^a.Length..];
            v[i] = WordRules.LowerInto(part, ref textBuffer).SequenceEqual(lowerAffix);
        }
        return new BoolVector(v, nulls, n);
    }

    /// <summary>word_count(text): the runs of letters and digits, the words <c>has</c> matches.</summary>
    static Int32Vector WordCount(StringVector s)
    {
        int n = s.Length;
        var v = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (s.IsNull(i)) continue;
            var span = s.Values[i].Span;
            int pos = 0, count = 0;
            while (WordRules.NextWord(span, ref pos, out _, out _)) count++;
            v[i] = count;
        }
        return new Int32Vector(v, s.Nulls, n);
    }

    // ---------------------------------------------------------------- dates

    /// <summary>A part of ISO dates of partial precision ("2022", "2022-06", "2022-06-15"); a missing part is null.</summary>
    static Int32Vector DatePart(StringVector s, int start, int length)
    {
        int n = s.Length;
        var v = new int[n];
        bool[]? nulls = null;
        for (int i = 0; i < n; i++)
            if (s.IsNull(i) || !TryPart(s.Values[i].Span, start, length, out v[i])) (nulls ??= new bool[n])[i] = true;
        return new Int32Vector(v, nulls, n);
    }

    /// <summary>weekday(date): ISO day of the week, 1 = Monday … 7 = Sunday; null unless the day is known.</summary>
    static Int32Vector Weekday(StringVector s)
    {
        int n = s.Length;
        var v = new int[n];
        bool[]? nulls = null;
        for (int i = 0; i < n; i++)
        {
            var t = s.IsNull(i) ? default : s.Values[i].Span;
            if (TryPart(t, 0, 4, out int y) && TryPart(t, 5, 2, out int m) && TryPart(t, 8, 2, out int d)
                && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
                v[i] = ((int)new DateOnly(y, m, d).DayOfWeek + 6) % 7 + 1;
            else (nulls ??= new bool[n])[i] = true;
        }
        return new Int32Vector(v, nulls, n);
    }

    static bool TryPart(ReadOnlySpan<char> t, int start, int length, out int value)
    {
        value = 0;
        if (t.Length < start + length) return false;
        for (int i = start; i < start + length; i++)
        {
            char c = t[i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>date_diff(unit, start, end): end − start in the unit as DuckDB's date_diff counts it: years, quarters
    /// and months by the boundaries between them (2024-03-31 to 2024-04-01 is one month), weeks as whole 7 days
    /// (truncated toward zero), days by the day; null unless both dates are known to the unit's precision.</summary>
    static Int64Vector DateDiff(PeriodUnit unit, StringVector start, StringVector end)
    {
        int n = start.Length;
        var v = new long[n];
        bool[]? nulls = null;
        for (int i = 0; i < n; i++)
        {
            if (start.IsNull(i) || end.IsNull(i) || !TryOrdinal(unit, start.Values[i].Span, out long a) || !TryOrdinal(unit, end.Values[i].Span, out long b))
                (nulls ??= new bool[n])[i] = true;
            else v[i] = unit == PeriodUnit.Week ? (b - a) / 7 : b - a;
        }
        return new Int64Vector(v, nulls, n);
    }

    /// <summary>A date's number in the unit: years, months or quarters since year 0, else days since 0001-01-01.</summary>
    static bool TryOrdinal(PeriodUnit unit, ReadOnlySpan<char> t, out long value)
    {
        value = 0;
        if (!TryPart(t, 0, 4, out int y)) return false;
        if (unit == PeriodUnit.Year) { value = y; return true; }
        if (!TryPart(t, 5, 2, out int m) || m is < 1 or > 12) return false;
        if (unit == PeriodUnit.Month) { value = y * 12L + m - 1; return true; }
        if (unit == PeriodUnit.Quarter) { value = y * 4L + (m - 1) / 3; return true; }
        if (!TryPart(t, 8, 2, out int d) || y < 1 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        value = new DateOnly(y, m, d).DayNumber;
        return true;
    }

    // ---------------------------------------------------------------- numbers

    /// <summary>One function over each number, keeping the vector's type.</summary>
    static ColumnVector Numeric(ColumnVector x, Func<double, double> onDouble, Func<long, long> onWhole)
    {
        int n = x.Length;
        switch (x)
        {
            case Float64Vector d: { var v = new double[n]; for (int i = 0; i < n; i++) v[i] = onDouble(d.Values[i]); return new Float64Vector(v, d.Nulls, n); }
            case Int64Vector l: { var v = new long[n]; for (int i = 0; i < n; i++) v[i] = onWhole(l.Values[i]); return new Int64Vector(v, l.Nulls, n); }
            case Int32Vector w: { var v = new int[n]; for (int i = 0; i < n; i++) v[i] = (int)onWhole(w.Values[i]); return new Int32Vector(v, w.Nulls, n); }
            default: throw new NotSupportedException($"number function of {x.Type}");
        }
    }

    /// <summary>round(x, digits) as DuckDB computes it: half away from zero on x scaled by 10^digits; negative
    /// digits round to tens, hundreds, …; a whole number with digits ≥ 0 is itself.</summary>
    static ColumnVector Round(ColumnVector x, int digits)
    {
        double scale = Math.Pow(10, Math.Abs(digits));
        if (x is not Float64Vector)
        {
            if (digits >= 0) return x;
            long step = (long)scale;
            return Numeric(x, Math.Round, w => (long)Math.Round((double)w / step, MidpointRounding.AwayFromZero) * step);
        }
        return Numeric(x, v =>
        {
            double r = digits >= 0 ? Math.Round(v * scale, MidpointRounding.AwayFromZero) / scale
                : Math.Round(v / scale, MidpointRounding.AwayFromZero) * scale;
            return double.IsFinite(r) ? r : v;
        }, static w => w);
    }

    /// <summary>log(x) is the natural logarithm, log(x, base) in that base; null where x ≤ 0 or the base is ≤ 0 or 1
    /// (no logarithm there), where SQL engines stop the query or give -infinity.</summary>
    static Float64Vector Log(ColumnVector x, ColumnVector? logBase)
    {
        int n = x.Length;
        var v = new double[n];
        bool[]? nulls = null;
        for (int i = 0; i < n; i++)
        {
            double b = logBase is null ? Math.E : logBase.IsNull(i) ? double.NaN : logBase.GetFloat64(i);
            double a = x.IsNull(i) ? double.NaN : x.GetFloat64(i);
            if (!(a > 0) || !(b > 0) || b == 1) { (nulls ??= new bool[n])[i] = true; continue; }
            v[i] = logBase is null ? Math.Log(a) : Math.Log(a) / Math.Log(b);
        }
        return new Float64Vector(v, nulls, n);
    }

    // ---------------------------------------------------------------- nulls and branches

    /// <summary>coalesce(a, b, …): the first argument that is not null, else null.</summary>
    static ColumnVector Coalesce(ColumnType type, ColumnVector[] args, int n)
    {
        var pick = new int[n];
        for (int i = 0; i < n; i++)
        {
            int j = 0;
            while (j < args.Length && args[j].IsNull(i)) j++;
            pick[i] = j < args.Length ? j : -1;
        }
        return Gather(type, args, pick, n);
    }

    /// <summary>if(condition, then, else): an unknown (null) condition takes the else branch, as SQL's CASE does.</summary>
    static ColumnVector If(ColumnType type, ColumnVector[] args, int n)
    {
        var cond = args[0];
        var pick = new int[n];
        for (int i = 0; i < n; i++)
        {
            int j = !cond.IsNull(i) && cond.GetBool(i) ? 1 : 2;
            pick[i] = args[j].IsNull(i) ? -1 : j;
        }
        return Gather(type, args, pick, n);
    }

    /// <summary>case(c1, v1, c2, v2, …, else): the value after the first true condition, else the last; an unknown
    /// (null) condition is not true, as in SQL's CASE.</summary>
    static ColumnVector Case(ColumnType type, ColumnVector[] args, int n)
    {
        var pick = new int[n];
        for (int i = 0; i < n; i++)
        {
            int j = 0;
            while (j < args.Length - 1 && (args[j].IsNull(i) || !args[j].GetBool(i))) j += 2;
            int chosen = j < args.Length - 1 ? j + 1 : args.Length - 1;
            pick[i] = args[chosen].IsNull(i) ? -1 : chosen;
        }
        return Gather(type, args, pick, n);
    }

    /// <summary>Row i from <c>from[pick[i]]</c> (null where pick is -1), read as <paramref name="type"/> (a narrower
    /// number widens).</summary>
    static ColumnVector Gather(ColumnType type, ColumnVector[] from, int[] pick, int n)
    {
        bool[]? nulls = null;
        for (int i = 0; i < n; i++) if (pick[i] < 0) (nulls ??= new bool[n])[i] = true;
        switch (type)
        {
            case ColumnType.Int32: { var v = new int[n]; for (int i = 0; i < n; i++) if (pick[i] >= 0) v[i] = from[pick[i]].GetInt32(i); return new Int32Vector(v, nulls, n); }
            case ColumnType.Int64: { var v = new long[n]; for (int i = 0; i < n; i++) if (pick[i] >= 0) v[i] = from[pick[i]].GetInt64(i); return new Int64Vector(v, nulls, n); }
            case ColumnType.Float64: { var v = new double[n]; for (int i = 0; i < n; i++) if (pick[i] >= 0) v[i] = from[pick[i]].GetFloat64(i); return new Float64Vector(v, nulls, n); }
            case ColumnType.Bool: { var v = new bool[n]; for (int i = 0; i < n; i++) if (pick[i] >= 0) v[i] = from[pick[i]].GetBool(i); return new BoolVector(v, nulls, n); }
            default: { var v = new ReadOnlyMemory<char>[n]; for (int i = 0; i < n; i++) if (pick[i] >= 0) v[i] = from[pick[i]].GetString(i); return new StringVector(v, nulls, n, type); }
        }
    }
}
