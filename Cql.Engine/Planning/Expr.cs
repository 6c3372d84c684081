namespace Cql.Engine.Planning;

/// <summary>A typed scalar expression of the logical plan. Boolean expressions are predicates.</summary>
public abstract record Expr
{
    public abstract ColumnType Type { get; }
}

/// <summary>A column of the input, by name (navigated fields are named "doc.FIELD", "sent.FIELD" after a <see cref="ContextJoin"/>).</summary>
public sealed record ColumnRef(string Name, ColumnType Type) : Expr
{
    public override ColumnType Type { get; } = Type;
    public override string ToString() => Name;
}

/// <summary>A constant: string, int, long, double, bool, or null (Value is null).</summary>
public sealed record Literal(object? Value, ColumnType Type) : Expr
{
    public override ColumnType Type { get; } = Type;
    public static Literal Of(string s) => new(s, ColumnType.String);
    public static Literal Of(int i) => new(i, ColumnType.Int32);
    public static Literal Of(double d) => new(d, ColumnType.Float64);
    public static Literal Of(bool b) => new(b, ColumnType.Bool);
    public override string ToString() => Value switch
    {
        null => "null",
        string s when Type == ColumnType.Date => s,
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}

public enum CompareOp { Eq, NotEq, Lt, LtEq, Gt, GtEq }

/// <summary>Left OP Right with SQL null semantics: a comparison with null is unknown.</summary>
public sealed record Compare(CompareOp Op, Expr Left, Expr Right) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"{Left} {Symbol(Op)} {Right}";
    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Eq => "=", CompareOp.NotEq => "!=", CompareOp.Lt => "<", CompareOp.LtEq => "<=", CompareOp.Gt => ">", _ => ">=",
    };

    /// <summary>The operator with its sides swapped: a &lt; b is b &gt; a.</summary>
    public static CompareOp Flip(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt, CompareOp.LtEq => CompareOp.GtEq, CompareOp.Gt => CompareOp.Lt, CompareOp.GtEq => CompareOp.LtEq, _ => op,
    };
}

/// <summary>Operand in (v1, v2, ...).</summary>
public sealed record InList(Expr Operand, IReadOnlyList<Literal> Values) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"{Operand} in ({string.Join(", ", Values)})";
}

public enum TextOp
{
    /// <summary>Case-insensitive substring.</summary>
    Contains,
    /// <summary>Case-insensitive whole word (or phrase of whole words).</summary>
    Has,
    /// <summary>Case-insensitive prefix.</summary>
    StartsWith,
    /// <summary>.NET regular expression, unanchored.</summary>
    Matches,
}

/// <summary>A text predicate against a constant pattern.</summary>
public sealed record TextMatch(TextOp Op, Expr Operand, string Pattern) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"{Operand} {Op.ToString().ToLowerInvariant()} \"{Pattern}\"";
}

public sealed record And(Expr Left, Expr Right) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"({Left} and {Right})";
}

public sealed record Or(Expr Left, Expr Right) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"({Left} or {Right})";
}

public sealed record Not(Expr Operand) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"not {Operand}";
}

/// <summary>Operand is null (or, negated, is not null).</summary>
public sealed record IsNull(Expr Operand, bool Negated = false) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => Negated ? $"{Operand} is not null" : $"{Operand} is null";
}

/// <summary>The scalar functions; what each takes and returns is in grammar.md's functions table and
/// <c>Binder.Functions</c>, how each runs in <c>ScalarFunctions</c>.</summary>
public enum ScalarFunction
{
    Lower, Upper, Length, Year, Month, Bucket,
    Coalesce, Substring, Replace, Trim, Starts, Ends, WordCount, Round, Abs, Floor, Day, Weekday, If,
    Split, Extract, DateDiff, Now, Log, Case,
}

/// <summary>A scalar function over N arguments, typed by the binder. Date parts read the digits of an ISO date
/// string; every function but coalesce and if is null where an argument is null.</summary>
public sealed record FunctionCall(ScalarFunction Function, IReadOnlyList<Expr> Arguments, ColumnType ResultType) : Expr
{
    public override ColumnType Type => ResultType;

    /// <summary>The name as the user writes it: word_count, not wordcount.</summary>
    public static string NameOf(ScalarFunction f) => f switch
    {
        ScalarFunction.WordCount => "word_count",
        ScalarFunction.DateDiff => "date_diff",
        _ => f.ToString().ToLowerInvariant(),
    };

    public override string ToString() => $"{NameOf(Function)}({string.Join(", ", Arguments)})";

    // A record compares a list by reference; two calls are the same when their arguments are.
    public bool Equals(FunctionCall? other) =>
        other is not null && Function == other.Function && ResultType == other.ResultType && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Function);
        foreach (var a in Arguments) h.Add(a);
        return h.ToHashCode();
    }
}

/// <summary>bucket(date, unit): the period of an ISO date as text (2022-06, 2022-W23, 2022-Q2; <see cref="DatePeriods"/>),
/// null when the date is known only to a coarser precision than the unit.</summary>
public sealed record DateBucket(Expr Argument, PeriodUnit Unit) : Expr
{
    public override ColumnType Type => ColumnType.String;
    public override string ToString() => $"bucket({Argument}, {DatePeriods.Name(Unit)})";
}

/// <summary>Helpers over expression trees.</summary>
public static class Exprs
{
    /// <summary>The names of the columns an expression reads, added to <paramref name="into"/>.</summary>
    public static void CollectColumns(Expr e, ISet<string> into) => e.Visit(x => { if (x is ColumnRef c) into.Add(c.Name); });

    /// <summary>Every column reference in the expression, with its type.</summary>
    public static List<ColumnRef> ColumnRefs(Expr e)
    {
        var list = new List<ColumnRef>();
        e.Visit(x => { if (x is ColumnRef c) list.Add(c); });
        return list;
    }

    public static HashSet<string> Columns(Expr e)
    {
        var s = new HashSet<string>(StringComparer.Ordinal);
        CollectColumns(e, s);
        return s;
    }

    /// <summary>Splits a predicate into its top-level conjuncts.</summary>
    public static List<Expr> Conjuncts(Expr e)
    {
        var list = new List<Expr>();
        void Walk(Expr x) { if (x is And a) { Walk(a.Left); Walk(a.Right); } else list.Add(x); }
        Walk(e);
        return list;
    }

    /// <summary>Joins predicates with and; null for none.</summary>
    public static Expr? AndAll(IEnumerable<Expr> parts)
    {
        Expr? acc = null;
        foreach (var p in parts) acc = acc is null ? p : new And(acc, p);
        return acc;
    }
}
