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
    };

    /// <summary>How many arguments each function takes (bucket is bound apart: its unit is a word, not a value).</summary>
    static (int Min, int Max) Arity(ScalarFunction f) => f switch
    {
        ScalarFunction.Coalesce => (2, int.MaxValue),
        ScalarFunction.Substring or ScalarFunction.Replace or ScalarFunction.If => (3, 3),
        ScalarFunction.Starts or ScalarFunction.Ends => (2, 2),
        ScalarFunction.Round => (1, 2),
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

        /// <summary>The arguments from <paramref name="from"/> on, which must be comparable with each other; the
        /// result has the widest of their types (int, then long, then double; date only when all are dates).</summary>
        public FunctionCall Common(int from)
        {
            ColumnType? type = null;
            int first = -1;
            for (int i = from; i < args.Length; i++)
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
            var list = new Expr[args.Length - from];
            for (int i = from; i < args.Length; i++) list[i - from] = IsNullLiteral(args[i]) ? new Literal(null, result) : args[i];
            return new FunctionCall(fn, list, result);
        }

        static ColumnType Wider(ColumnType a, ColumnType b) =>
            a == b ? a
            : a is ColumnType.String or ColumnType.Date ? ColumnType.String
            : a == ColumnType.Float64 || b == ColumnType.Float64 ? ColumnType.Float64
            : ColumnType.Int64;
    }

    /// <summary>bucket(DATE, UNIT): the unit is a bare word or a string (day, week, month, quarter, year).</summary>
    Expr BindBucket(CallExpr c, QueryState s)
    {
        if (c.Arguments.Count != 2) throw new BindError(DiagnosticFacts.WrongArgumentCount(c.Function.Span, c.Function.Text, "2", c.Arguments.Count));
        var date = BindExpr(c.Arguments[0], s);
        if (date.Type is not (ColumnType.String or ColumnType.Date))
            throw new BindError(DiagnosticFacts.WrongArgumentType(c.Arguments[0].Span, "bucket", "a date", "a " + TypeName(date.Type) + " value"));
        var unitText = c.Arguments[1] switch
        {
            NameExpr { Qualifier: null } n => n.Name.Text,
            StringLiteral str => str.Value,
            _ => null,
        };
        if (unitText is null || !DatePeriods.TryParseUnit(unitText, out var unit))
            throw new BindError(DiagnosticFacts.UnknownPeriodUnit(c.Arguments[1].Span, unitText ?? TextOf(c.Arguments[1].Span)));
        return new DateBucket(date, unit);
    }
}
