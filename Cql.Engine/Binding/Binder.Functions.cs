using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>What each function word of <see cref="SyntaxFacts"/> means (a test keeps the two in step).</summary>
    internal static readonly Dictionary<string, ScalarFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lower"] = ScalarFunction.Lower,
        ["upper"] = ScalarFunction.Upper,
        ["length"] = ScalarFunction.Length,
        ["year"] = ScalarFunction.Year,
        ["month"] = ScalarFunction.Month,
        ["bucket"] = ScalarFunction.Bucket,
        ["coalesce"] = ScalarFunction.Coalesce,
        ["substring"] = ScalarFunction.Substring,
        ["replace"] = ScalarFunction.Replace,
        ["trim"] = ScalarFunction.Trim,
        ["starts"] = ScalarFunction.Starts,
        ["ends"] = ScalarFunction.Ends,
        ["word_count"] = ScalarFunction.WordCount,
        ["round"] = ScalarFunction.Round,
        ["abs"] = ScalarFunction.Abs,
        ["floor"] = ScalarFunction.Floor,
        ["day"] = ScalarFunction.Day,
        ["weekday"] = ScalarFunction.Weekday,
        ["if"] = ScalarFunction.If,
        ["split"] = ScalarFunction.Split,
        ["extract"] = ScalarFunction.Extract,
        ["date_diff"] = ScalarFunction.DateDiff,
        ["now"] = ScalarFunction.Now,
        ["log"] = ScalarFunction.Log,
        ["case"] = ScalarFunction.Case,
    };

    /// <summary>How many arguments each function takes (bucket is bound apart: its unit is a word, not a value).</summary>
    static (int Min, int Max) Arity(ScalarFunction f) => f switch
    {
        ScalarFunction.Coalesce => (2, int.MaxValue),
        ScalarFunction.Substring or ScalarFunction.Replace or ScalarFunction.If => (3, 3),
        ScalarFunction.Starts or ScalarFunction.Ends => (2, 2),
        ScalarFunction.Round or ScalarFunction.Log => (1, 2),
        ScalarFunction.Split => (3, 3),
        ScalarFunction.Extract => (2, 3),
        ScalarFunction.Now => (0, 0),
        ScalarFunction.Case => (3, int.MaxValue),
        _ => (1, 1),
    };

    Expr BindCall(CallExpr c, QueryState s)
    {
        if (!Functions.TryGetValue(c.Function.Text, out var fn))
        {
            if (Aggregates.ContainsKey(c.Function.Text))
                throw new BindError(DiagnosticFacts.UnknownFunction(c.Function.Span, c.Function.Text, [.. Functions.Keys]) with
                {
                    Suggestion = $"{c.Function.Text.ToLowerInvariant()} is an aggregate: use it in group by … aggregate {c.Function.Text.ToLowerInvariant()}(…), or | count",
                });
            throw new BindError(DiagnosticFacts.UnknownFunction(c.Function.Span, c.Function.Text, [.. Functions.Keys]));
        }
        if (fn == ScalarFunction.Bucket) return BindBucket(c, s);
        if (fn == ScalarFunction.DateDiff) return BindDateDiff(c, s);
        var (min, max) = Arity(fn);
        int got = c.Arguments.Count;
        if (got < min || got > max)
        {
            var expected = max == int.MaxValue ? $"at least {min}" : min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} or {max}";
            throw new BindError(DiagnosticFacts.WrongArgumentCount(c.Function.Span, FunctionCall.NameOf(fn), expected, got));
        }
        var args = new Expr[got];
        for (int i = 0; i < got; i++) args[i] = BindExpr(c.Arguments[i], s);
        var call = new FunctionArguments(c, fn, args);
        return fn switch
        {
            ScalarFunction.Lower or ScalarFunction.Upper or ScalarFunction.Trim => new FunctionCall(fn, [call.Text(0)], ColumnType.String),
            ScalarFunction.Length or ScalarFunction.WordCount => new FunctionCall(fn, [call.Text(0)], ColumnType.Int32),
            ScalarFunction.Year or ScalarFunction.Month or ScalarFunction.Day or ScalarFunction.Weekday =>
                new FunctionCall(fn, [call.Date(0)], ColumnType.Int32),
            ScalarFunction.Substring => new FunctionCall(fn, [call.Text(0), call.WholeNumber(1), call.WholeNumber(2)], ColumnType.String),
            ScalarFunction.Replace => new FunctionCall(fn, [call.Text(0), call.Text(1), call.Text(2)], ColumnType.String),
            ScalarFunction.Starts or ScalarFunction.Ends => new FunctionCall(fn, [call.Text(0), call.Text(1)], ColumnType.Bool),
            ScalarFunction.Abs or ScalarFunction.Floor => NumberCall(fn, [call.Number(0)]),
            ScalarFunction.Round => NumberCall(fn, got == 1 ? [call.Number(0)] : [call.Number(0), call.Digits(1)]),
            ScalarFunction.Coalesce => call.Common(0),
            ScalarFunction.Split => new FunctionCall(fn, [call.Text(0), call.Text(1), call.WholeNumber(2)], ColumnType.String),
            ScalarFunction.Extract => call.Extract(),
            ScalarFunction.Log => new FunctionCall(fn, got == 1 ? [call.Number(0)] : [call.Number(0), call.Number(1)], ColumnType.Float64),
            // now() is the day the query runs (UTC), fixed for the whole query as a literal: the language's dates are days.
            ScalarFunction.Now => new Literal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ColumnType.Date),
            ScalarFunction.Case => call.Case(),
            _ => call.If(),
        };
    }

    // abs, floor and round keep the type of their number, as in DuckDB (round(2, 1) is 2, not 2.0).
    static FunctionCall NumberCall(ScalarFunction fn, Expr[] args) => new(fn, args, args[0].Type);

    /// <summary>The bound arguments of one call, checked against what the function needs; a null literal fits any type.</summary>
    readonly struct FunctionArguments(CallExpr call, ScalarFunction fn, Expr[] args)
    {
        static bool IsNullLiteral(Expr e) => e is Literal { Value: null };

        Expr Check(int i, bool fits, string expected, ColumnType nullAs)
        {
            var a = args[i];
            if (IsNullLiteral(a)) return new Literal(null, nullAs);
            if (!fits) throw new BindError(DiagnosticFacts.WrongArgumentType(call.Arguments[i].Span, FunctionCall.NameOf(fn), expected, "a " + TypeName(a.Type) + " value"));
            return a;
        }

        public Expr Text(int i) => Check(i, args[i].Type is ColumnType.String or ColumnType.Date, "text", ColumnType.String);
        public Expr Date(int i) => Check(i, args[i].Type is ColumnType.String or ColumnType.Date, "a date", ColumnType.Date);
        public Expr Number(int i) => Check(i, IsNumeric(args[i].Type), "a number", ColumnType.Float64);
        public Expr WholeNumber(int i) => Check(i, args[i].Type is ColumnType.Int32 or ColumnType.Int64, "a whole number", ColumnType.Int32);

        /// <summary>round's digits: a whole number written in the query (negative rounds to tens, hundreds, …).</summary>
        public Expr Digits(int i) => args[i] is Literal { Value: int }
            ? args[i]
            : throw new BindError(DiagnosticFacts.WrongArgumentType(call.Arguments[i].Span, "round", "a whole number of digits written in the query", Describe(call.Arguments[i])));

        /// <summary>if(condition, then, else): the two branches share a type.</summary>
        public FunctionCall If()
        {
            var cond = Check(0, args[0].Type == ColumnType.Bool, "a condition (true/false)", ColumnType.Bool);
            var branches = Common(1);
            return new FunctionCall(fn, [cond, .. branches.Arguments], branches.Type);
        }

        /// <summary>case(c1, v1, c2, v2, …, else): conditions at the even places before the last, values of one type.</summary>
        public FunctionCall Case()
        {
            if (args.Length % 2 == 0)
                throw new BindError(DiagnosticFacts.WrongArgumentCount(call.Function.Span, "case", "an odd number of", args.Length) with
                {
                    Suggestion = "case(cond1, value1, cond2, value2, …, else value)",
                });
            var values = new List<int>();
            for (int i = 0; i < args.Length; i++)
                if (i % 2 == 0 && i < args.Length - 1) args[i] = Check(i, args[i].Type == ColumnType.Bool, "a condition (true/false)", ColumnType.Bool);
                else values.Add(i);
            var common = Common(values);
            var list = new Expr[args.Length];
            for (int i = 0, v = 0; i < args.Length; i++) list[i] = values.Contains(i) ? common.Arguments[v++] : args[i];
            return new FunctionCall(fn, list, common.Type);
        }

        /// <summary>extract(text, "regex"[, group]): the pattern and the group are written in the query, so the
        /// pattern is checked and compiled once.</summary>
        public FunctionCall Extract()
        {
            var pattern = args[1] is Literal { Value: string p } ? p
                : throw new BindError(DiagnosticFacts.WrongArgumentType(call.Arguments[1].Span, "extract", "a regular expression written in quotes", Describe(call.Arguments[1])));
            System.Text.RegularExpressions.Regex regex;
            try { regex = RegexPatterns.Get(pattern); }
            catch (ArgumentException e) { throw new BindError(DiagnosticFacts.BadRegex(call.Arguments[1].Span, e.Message)); }
            int group = 0;
            if (args.Length == 3)
            {
                if (args[2] is not Literal { Value: int g } || g < 0 || g > regex.GetGroupNumbers().Max())
                    throw new BindError(DiagnosticFacts.WrongArgumentType(call.Arguments[2].Span, "extract",
                        $"a group number of the pattern written in the query (0 to {regex.GetGroupNumbers().Max()})", Describe(call.Arguments[2])));
                group = g;
            }
            return new FunctionCall(fn, [Text(0), args[1], new Literal(group, ColumnType.Int32)], ColumnType.String);
        }

        /// <summary>The arguments from <paramref name="from"/> on, which must be comparable with each other; the
        /// result has the widest of their types (int, then long, then double; date only when all are dates).</summary>
        public FunctionCall Common(int from) => Common([.. Enumerable.Range(from, args.Length - from)]);

        /// <summary>The arguments at these places, as <see cref="Common(int)"/> has them.</summary>
        public FunctionCall Common(IReadOnlyList<int> places)
        {
            ColumnType? type = null;
            int first = -1;
            foreach (int i in places)
            {
                var t = args[i].Type;
                if (IsNullLiteral(args[i])) continue;
                if (type is not { } so) { type = t; first = i; continue; }
                if (!Comparable(so, t))
                    throw new BindError(DiagnosticFacts.WrongArgumentType(call.Arguments[i].Span, FunctionCall.NameOf(fn),
                        $"a {TypeName(so)} value like {Describe(call.Arguments[first])}", "a " + TypeName(t) + " value"));
                type = Wider(so, t);
            }
            var result = type ?? ColumnType.String;
            var list = new Expr[places.Count];
            for (int k = 0; k < places.Count; k++) list[k] = IsNullLiteral(args[places[k]]) ? new Literal(null, result) : args[places[k]];
            return new FunctionCall(fn, list, result);
        }

        static ColumnType Wider(ColumnType a, ColumnType b) =>
            a == b ? a
            : a is ColumnType.String or ColumnType.Date ? ColumnType.String
            : a == ColumnType.Float64 || b == ColumnType.Float64 ? ColumnType.Float64
            : ColumnType.Int64;
    }

    /// <summary>date_diff(UNIT, START, END): the unit as bucket's; the dates of any precision (the kernel needs the
    /// unit's).</summary>
    Expr BindDateDiff(CallExpr c, QueryState s)
    {
        if (c.Arguments.Count != 3) throw new BindError(DiagnosticFacts.WrongArgumentCount(c.Function.Span, "date_diff", "3", c.Arguments.Count));
        var unit = PeriodUnitOf(c.Arguments[0]);
        var dates = new Expr[2];
        for (int i = 0; i < 2; i++)
        {
            var d = BindExpr(c.Arguments[i + 1], s);
            if (d is Literal { Value: null }) d = new Literal(null, ColumnType.Date);
            // A date literal as date comparisons read it: a year may be written as a number (date_diff(year, date, 2030)).
            else if (d is Literal lit && AsDate(lit) is { } iso) d = new Literal(iso, ColumnType.Date);
            else if (d.Type is not (ColumnType.String or ColumnType.Date))
                throw new BindError(DiagnosticFacts.WrongArgumentType(c.Arguments[i + 1].Span, "date_diff", "a date", "a " + TypeName(d.Type) + " value"));
            dates[i] = d;
        }
        return new FunctionCall(ScalarFunction.DateDiff, [new Literal((int)unit, ColumnType.Int32), dates[0], dates[1]], ColumnType.Int64);
    }

    /// <summary>A unit of time as bucket and date_diff take it: a bare word or a string (day, week, month, quarter, year).</summary>
    PeriodUnit PeriodUnitOf(SyntaxExpr e)
    {
        var text = e switch
        {
            NameExpr { Qualifier: null } n => n.Name.Text,
            StringLiteral str => str.Value,
            _ => null,
        };
        return text is not null && DatePeriods.TryParseUnit(text, out var unit) ? unit
            : throw new BindError(DiagnosticFacts.UnknownPeriodUnit(e.Span, text ?? TextOf(e.Span)));
    }

    /// <summary>bucket(DATE, UNIT): the unit as <see cref="PeriodUnitOf"/> reads it.</summary>
    Expr BindBucket(CallExpr c, QueryState s)
    {
        if (c.Arguments.Count != 2) throw new BindError(DiagnosticFacts.WrongArgumentCount(c.Function.Span, c.Function.Text, "2", c.Arguments.Count));
        var date = BindExpr(c.Arguments[0], s);
        if (date.Type is not (ColumnType.String or ColumnType.Date))
            throw new BindError(DiagnosticFacts.WrongArgumentType(c.Arguments[0].Span, "bucket", "a date", "a " + TypeName(date.Type) + " value"));
        var unit = PeriodUnitOf(c.Arguments[1]);
        return new DateBucket(date, unit);
    }
}
