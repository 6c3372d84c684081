using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Evaluates a predicate over a whole batch into a three-valued mask (<see cref="Tri"/>), with SQL semantics:
/// a comparison with null is unknown; and/or/not follow Kleene logic; a filter keeps only true rows.
/// </summary>
public static class PredicateEvaluator
{
    /// <summary>The predicate's value on each row of the input into <paramref name="result"/>; text tests listed in
    /// <paramref name="hits"/> (reached through and/or/not) are answered from their row ids.</summary>
    public static void Evaluate(Expr e, IColumnSource input, Span<byte> result, IndexHits? hits = null)
    {
        int n = input.RowCount;
        switch (e)
        {
            case And a:
            {
                Evaluate(a.Left, input, result, hits);
                var right = new byte[n];
                Evaluate(a.Right, input, right, hits);
                AndInto(result, right, n);
                return;
            }
            case Or o:
            {
                Evaluate(o.Left, input, result, hits);
                var right = new byte[n];
                Evaluate(o.Right, input, right, hits);
                for (int i = 0; i < n; i++)
                {
                    byte l = result[i], r = right[i];
                    result[i] = l == Tri.True || r == Tri.True ? Tri.True : l == Tri.False && r == Tri.False ? Tri.False : Tri.Unknown;
                }
                return;
            }
            case Not x:
                Evaluate(x.Operand, input, result, hits);
                for (int i = 0; i < n; i++) result[i] = result[i] == Tri.Unknown ? Tri.Unknown : (byte)(1 - result[i]);
                return;
            case TextMatch t when hits?.Find(t) is { } hit:
            {
                EvaluateIds(hit, input, result);
                if (hit.Exact) return;
                var text = new byte[n];
                Evaluate(t, input, text);
                AndInto(result, text, n);
                return;
            }
            case IsNull x:
            {
                var v = ExpressionEvaluator.Evaluate(x.Operand, input);
                for (int i = 0; i < n; i++) result[i] = v.IsNull(i) != x.Negated ? Tri.True : Tri.False;
                return;
            }
            case TextMatch t:
            {
                var v = ExpressionEvaluator.Evaluate(t.Operand, input) as StringVector
                    ?? throw new NotSupportedException($"{t.Op} needs a text operand: {t}");
                StringMatcher m = t.Op switch
                {
                    TextOp.Contains => new ContainsMatcher(t.Pattern),
                    TextOp.Has => new HasWordMatcher(t.Pattern),
                    TextOp.StartsWith => new StartsWithMatcher(t.Pattern),
                    _ => new RegexMatcher(t.Pattern),
                };
                StringPredicateCache.Evaluate(v, m, result);
                return;
            }
            case InList x: EvaluateIn(x, input, result); return;
            case InValueSet x: EvaluateInSet(x, input, result); return;
            case Compare c: EvaluateCompare(c, input, result); return;
            case Literal { Value: null }: result[..n].Fill(Tri.Unknown); return;
            case Literal { Value: bool b }: result[..n].Fill(b ? Tri.True : Tri.False); return;
            default:
            {
                var v = ExpressionEvaluator.Evaluate(e, input) as BoolVector ?? throw new NotSupportedException($"not a predicate: {e}");
                for (int i = 0; i < n; i++) result[i] = v.IsNull(i) ? Tri.Unknown : v.Values[i] ? Tri.True : Tri.False;
                return;
            }
        }
    }

    // Kleene and: false wins, then unknown.
    static void AndInto(Span<byte> result, ReadOnlySpan<byte> right, int n)
    {
        for (int i = 0; i < n; i++)
        {
            byte l = result[i], r = right[i];
            result[i] = l == Tri.False || r == Tri.False ? Tri.False : l == Tri.True && r == Tri.True ? Tri.True : Tri.Unknown;
        }
    }

    // Never unknown for a non-null id.
    static void EvaluateIds(IndexHit hit, IColumnSource input, Span<byte> result)
    {
        var v = (Int32Vector)ExpressionEvaluator.Evaluate(hit.Id, input);
        var vals = v.Values;
        var nulls = v.Nulls;
        var set = hit.Ids;
        for (int i = 0; i < input.RowCount; i++) result[i] = nulls is not null && nulls[i] ? Tri.Unknown : set.Contains(vals[i]) ? Tri.True : Tri.False;
    }

    static void EvaluateIn(InList x, IColumnSource input, Span<byte> result)
    {
        var v = ExpressionEvaluator.Evaluate(x.Operand, input);
        int n = input.RowCount;
        if (v is StringVector s)
        {
            var set = new List<string>();
            foreach (var l in x.Values) if (l.Value is not null) set.Add(Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture)!);
            StringPredicateCache.Evaluate(s, new InSetMatcher(set), result);
        }
        else
        {
            var set = new HashSet<double>();
            foreach (var l in x.Values) if (l.Value is not null && ToDouble(l.Value) is { } d) set.Add(d);
            for (int i = 0; i < n; i++) result[i] = v.IsNull(i) ? Tri.Unknown : set.Contains(NumberAt(v, i)) ? Tri.True : Tri.False;
        }
        // x in (a, null) is unknown, not false, when x is not a or b (SQL semantics).
        bool listHasNull = false;
        foreach (var l in x.Values) listHasNull |= l.Value is null;
        if (listHasNull) for (int i = 0; i < n; i++) if (result[i] == Tri.False) result[i] = Tri.Unknown;
    }

    static void EvaluateInSet(InValueSet x, IColumnSource input, Span<byte> result)
    {
        var set = x.Values.Get();
        var v = ExpressionEvaluator.Evaluate(x.Operand, input);
        int n = input.RowCount;
        if (v is StringVector s) StringPredicateCache.Evaluate(s, new InSetMatcher(set.Texts), result);
        else
            for (int i = 0; i < n; i++) result[i] = v.IsNull(i) ? Tri.Unknown : set.Numbers.Contains(NumberAt(v, i)) ? Tri.True : Tri.False;
        if (set.HasNull) for (int i = 0; i < n; i++) if (result[i] == Tri.False) result[i] = Tri.Unknown;
    }

    static void EvaluateCompare(Compare c, IColumnSource input, Span<byte> result)
    {
        int n = input.RowCount;
        // Column OP constant is the common case: fast loops; constant OP column is flipped into it.
        var (op, left, right) = c.Left is Literal && c.Right is not Literal ? (Compare.Flip(c.Op), c.Right, c.Left) : (c.Op, c.Left, c.Right);
        var lv = ExpressionEvaluator.Evaluate(left, input);
        if (right is Literal lit)
        {
            if (lit.Value is null) { result[..n].Fill(Tri.Unknown); return; }
            if (lv is StringVector s && lit.Value is string str)
            {
                if (op == CompareOp.Eq || op == CompareOp.NotEq)
                {
                    StringPredicateCache.Evaluate(s, new EqualsMatcher(str), result);
                    if (op == CompareOp.NotEq) for (int i = 0; i < n; i++) if (result[i] != Tri.Unknown) result[i] ^= 1;
                    return;
                }
                for (int i = 0; i < n; i++)
                    result[i] = s.IsNull(i) ? Tri.Unknown : Holds(op, TextOrder.Compare(s.Values[i].Span, str)) ? Tri.True : Tri.False;
                return;
            }
            if (lv is Int32Vector iv && ToDouble(lit.Value) is { } d)
            {
                var vals = iv.Values;
                var nulls = iv.Nulls;
                for (int i = 0; i < n; i++)
                    result[i] = nulls is not null && nulls[i] ? Tri.Unknown : Holds(op, ((double)vals[i]).CompareTo(d)) ? Tri.True : Tri.False;
                return;
            }
        }
        var rv = ExpressionEvaluator.Evaluate(right, input);
        for (int i = 0; i < n; i++)
        {
            if (lv.IsNull(i) || rv.IsNull(i)) { result[i] = Tri.Unknown; continue; }
            int? cmp = CompareAt(lv, i, rv, i);
            result[i] = cmp is { } k ? (Holds(op, k) ? Tri.True : Tri.False) : Tri.Unknown;
        }
    }

    static bool Holds(CompareOp op, int cmp) => op switch
    {
        CompareOp.Eq => cmp == 0,
        CompareOp.NotEq => cmp != 0,
        CompareOp.Lt => cmp < 0,
        CompareOp.LtEq => cmp <= 0,
        CompareOp.Gt => cmp > 0,
        _ => cmp >= 0,
    };

    /// <summary>Compares two non-null values of comparable types (numbers with numbers, text with text); null when
    /// the types cannot be compared.</summary>
    public static int? CompareAt(ColumnVector a, int i, ColumnVector b, int j)
    {
        if (a is StringVector sa && b is StringVector sb) return TextOrder.Compare(sa.Values[i].Span, sb.Values[j].Span);
        if (a is BoolVector ba && b is BoolVector bb) return ba.Values[i].CompareTo(bb.Values[j]);
        if (IsNumeric(a) && IsNumeric(b))
        {
            if (a is Float64Vector || b is Float64Vector) return NumberAt(a, i).CompareTo(NumberAt(b, j));
            return a.GetInt64(i).CompareTo(b.GetInt64(j));
        }
        return null;
    }

    static bool IsNumeric(ColumnVector v) => v.Type is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;
    static double NumberAt(ColumnVector v, int i) => v is BoolVector ? double.NaN : v.GetFloat64(i);

    internal static double? ToDouble(object v) => v switch
    {
        int i => i, long l => l, double d => d, float f => f, short s => s, _ => null,
    };
}
