using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>Evaluates a scalar expression over a whole batch into a vector.</summary>
public static class ExpressionEvaluator
{
    public static ColumnVector Evaluate(Expr e, IColumnSource input)
    {
        int n = input.RowCount;
        switch (e)
        {
            case ColumnRef c: return input.Get(c.Name);
            case Literal l: return VectorOps.Constant(l.Type, l.Value, n);
            case FunctionCall f: return ScalarFunctions.Evaluate(f, input);
            case DateBucket b: return Bucket(b.Unit, Evaluate(b.Argument, input));
            default:
                if (e.Type != ColumnType.Bool) throw new NotSupportedException($"expression {e}");
                var mask = new byte[n];
                PredicateEvaluator.Evaluate(e, input, mask);
                var values = new bool[n];
                bool[]? nulls = null;
                for (int i = 0; i < n; i++)
                {
                    if (mask[i] == Tri.Unknown) (nulls ??= new bool[n])[i] = true;
                    else values[i] = mask[i] == Tri.True;
                }
                return new BoolVector(values, nulls, n);
        }
    }

    /// <summary>The periods of a batch of dates, written into one buffer for the batch; a run of the same date (a
    /// dictionary value, a document's rows) shares one period.</summary>
    static StringVector Bucket(PeriodUnit unit, ColumnVector arg)
    {
        if (arg is not StringVector s) throw new NotSupportedException($"bucket of {arg.Type}");
        int n = s.Length;
        var outv = new ReadOnlyMemory<char>[n];
        var buffer = new char[n * DatePeriods.MaxLength];
        bool[]? nulls = null;
        int used = 0;
        // The last date looked at and its period (empty: it had none).
        ReadOnlyMemory<char> lastIn = default, lastOut = default;
        bool haveLast = false;
        for (int i = 0; i < n; i++)
        {
            if (s.IsNull(i)) { (nulls ??= new bool[n])[i] = true; continue; }
            var m = s.Values[i];
            if (!haveLast || !m.Span.SequenceEqual(lastIn.Span))
            {
                int len = DatePeriods.Bucket(m.Span, unit, buffer.AsSpan(used, DatePeriods.MaxLength));
                lastIn = m;
                lastOut = len < 0 ? default : buffer.AsMemory(used, len);
                used += Math.Max(len, 0);
                haveLast = true;
            }
            if (lastOut.Length == 0) (nulls ??= new bool[n])[i] = true;
            else outv[i] = lastOut;
        }
        return new StringVector(outv, nulls, n);
    }
}
