using Cql.Engine.Planning;
using Cql.Engine.Storage;

namespace Cql.Engine.Optimizing;

/// <summary>Min, max and null count of one column in one row group (or a partition folder's constant value).
/// Min and Max are normalised: string, double or bool; null when unknown.</summary>
public sealed record ColumnStatistics(object? Min, object? Max, long? NullCount);

/// <summary>The statistics of one row group, by column name.</summary>
public interface IRowGroupStatistics
{
    long RowCount { get; }
    /// <summary>Statistics of the column, or null when unknown.</summary>
    ColumnStatistics? Get(string column);
}

/// <summary>
/// Decides from min/max/null-count statistics whether a row group can hold a row for which the predicate is true,
/// as DataFusion's pruning predicate does. Each sub-expression is judged by which of true, false and unknown it can
/// take in the row group; and/or/not combine those sets with Kleene logic, so `not`, `or` and nulls stay sound.
/// Anything not understood can take every value (never prunes wrongly).
/// </summary>
public static class RowGroupPruning
{
    /// <summary>The truth values an expression can take over the rows of a row group.</summary>
    readonly record struct Possible(bool True, bool False, bool Unknown)
    {
        public static readonly Possible Any = new(true, true, true);
    }

    /// <summary>False only when no row of the row group can satisfy the predicate.</summary>
    public static bool MayMatch(Expr predicate, IRowGroupStatistics stats) => Judge(predicate, stats).True;

    static Possible Judge(Expr e, IRowGroupStatistics s)
    {
        switch (e)
        {
            case And a:
            {
                var l = Judge(a.Left, s); var r = Judge(a.Right, s);
                return new(l.True && r.True, l.False || r.False,
                    (l.Unknown && (r.True || r.Unknown)) || (r.Unknown && (l.True || l.Unknown)));
            }
            case Or o:
            {
                var l = Judge(o.Left, s); var r = Judge(o.Right, s);
                return new(l.True || r.True, l.False && r.False,
                    (l.Unknown && (r.False || r.Unknown)) || (r.Unknown && (l.False || l.Unknown)));
            }
            case Not x:
            {
                var p = Judge(x.Operand, s);
                return new(p.False, p.True, p.Unknown);
            }
            case Literal { Value: bool b }: return new(b, !b, false);
            case Literal { Value: null }: return new(false, false, true);
            case IsNull { Operand: ColumnRef c } x:
            {
                var st = s.Get(c.Name);
                bool someNull = st?.NullCount is not { } nc || nc > 0;
                bool someValue = st?.NullCount is not { } nc2 || nc2 < s.RowCount;
                return x.Negated ? new(someValue, someNull, false) : new(someNull, someValue, false);
            }
            case Compare c when c.Left is ColumnRef && c.Right is Literal: return JudgeCompare(c.Op, (ColumnRef)c.Left, (Literal)c.Right, s);
            case Compare c when c.Right is ColumnRef && c.Left is Literal: return JudgeCompare(CompareOps.Flip(c.Op), (ColumnRef)c.Right, (Literal)c.Left, s);
            case InList { Operand: ColumnRef col } x:
            {
                var acc = new Possible(false, true, false);
                foreach (var v in x.Values)
                {
                    var p = JudgeCompare(CompareOp.Eq, col, v, s);
                    acc = new(acc.True || p.True, acc.False && p.False, acc.Unknown || p.Unknown);
                }
                return acc;
            }
            case TextMatch { Operand: ColumnRef col }:
            {
                // Case-insensitive matches and regexes: min/max (ordinal) say nothing but whether there are values at all.
                var (_, someValue, someNull) = Column(col, s);
                return new(someValue, someValue, someNull);
            }
            case IdSetMatch { Id: var col } m:
            {
                // Ids of a row group lie in [min, max]: none of them in the set, no row can match.
                var (st, someValue, someNull) = Column(col, s);
                bool mayTrue = someValue;
                if (someValue && st is { Min: double lo, Max: double hi }) mayTrue = m.Set.AnyInRange((long)Math.Floor(lo), (long)Math.Ceiling(hi));
                return new(mayTrue, someValue, someNull);
            }
            default: return Possible.Any;
        }
    }

    static (ColumnStatistics? Stats, bool SomeValue, bool SomeNull) Column(ColumnRef c, IRowGroupStatistics s)
    {
        var st = s.Get(c.Name);
        bool someNull = st?.NullCount is not { } nc || nc > 0;
        bool someValue = st?.NullCount is not { } nc2 || nc2 < s.RowCount;
        return (st, someValue, someNull);
    }

    static Possible JudgeCompare(CompareOp op, ColumnRef col, Literal lit, IRowGroupStatistics s)
    {
        var (st, someValue, someNull) = Column(col, s);
        if (lit.Value is null) return new(false, false, someValue || someNull);
        if (!someValue) return new(false, false, someNull);
        var value = Normalise(lit.Value);
        if (value is null) return Possible.Any;
        if (st is null || st.Min is null || st.Max is null || Cmp(st.Min, value) is not { } minCmp || Cmp(st.Max, value) is not { } maxCmp)
            return Possible.Any;
        // minCmp = sign(min - v), maxCmp = sign(max - v).
        bool mayTrue, mayFalse;
        switch (op)
        {
            case CompareOp.Eq: mayTrue = minCmp <= 0 && maxCmp >= 0; mayFalse = !(minCmp == 0 && maxCmp == 0); break;
            case CompareOp.NotEq: mayTrue = !(minCmp == 0 && maxCmp == 0); mayFalse = minCmp <= 0 && maxCmp >= 0; break;
            case CompareOp.Lt: mayTrue = minCmp < 0; mayFalse = maxCmp >= 0; break;
            case CompareOp.LtEq: mayTrue = minCmp <= 0; mayFalse = maxCmp > 0; break;
            case CompareOp.Gt: mayTrue = maxCmp > 0; mayFalse = minCmp <= 0; break;
            default: mayTrue = maxCmp >= 0; mayFalse = minCmp < 0; break;
        }
        // Writers leave NaN out of min/max (as the format asks), and the evaluator orders NaN below every number: any
        // Float64 row group may hold NaN rows, for which <, <= and != are true and =, >, >= false.
        if (col.Type == ColumnType.Float64)
        {
            if (op is CompareOp.Lt or CompareOp.LtEq or CompareOp.NotEq) mayTrue = true;
            else mayFalse = true;
        }
        return new(mayTrue, mayFalse, someNull);
    }

    static int? Cmp(object a, object b) => (a, b) switch
    {
        // Text only where UTF-16 order is code point order (below the surrogates): comparisons are in code point
        // order (TextOrder), but other writers (older cql files written by Parquet.Net among them) may have taken
        // their min/max in UTF-16 order, and the two differ above U+D7FF.
        (string x, string y) when Execution.TextOrder.BelowSurrogates(x) && Execution.TextOrder.BelowSurrogates(y) => Math.Sign(string.CompareOrdinal(x, y)),
        (string, string) => null,
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => null,
    };

    /// <summary>Statistics and literals compared on one footing: text as string, numbers as double.</summary>
    public static object? Normalise(object? v) => v switch
    {
        null => null,
        string s => s,
        ReadOnlyMemory<char> m => m.ToString(),
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        bool b => b,
        int i => (double)i,
        long l => (double)l,
        short h => (double)h,
        float f => (double)f,
        double d => d,
        _ => null,
    };
}
