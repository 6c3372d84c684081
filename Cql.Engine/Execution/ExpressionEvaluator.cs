using Cql.Engine.Planning;
using System.Runtime.InteropServices;

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
            case FunctionCall f: return Call(f, Evaluate(f.Argument, input));
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

    static ColumnVector Call(FunctionCall f, ColumnVector arg)
    {
        if (arg is not StringVector s) throw new NotSupportedException($"{f.Function} of {arg.Type}");
        int n = s.Length;
        switch (f.Function)
        {
            case ScalarFunction.Lower or ScalarFunction.Upper:
            {
                bool lower = f.Function == ScalarFunction.Lower;
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
            case ScalarFunction.Length:
            {
                var v = new int[n];
                for (int i = 0; i < n; i++) v[i] = s.Values[i].Length;
                return new Int32Vector(v, s.Nulls, n);
            }
            default:
            {
                // ISO dates of partial precision: "2022", "2022-06", "2022-06-15"; a missing part is null.
                bool year = f.Function == ScalarFunction.Year;
                var v = new int[n];
                bool[]? nulls = null;
                for (int i = 0; i < n; i++)
                {
                    var t = s.Values[i].Span;
                    if (s.IsNull(i) || !TryPart(t, year ? 0 : 5, year ? 4 : 2, out v[i])) (nulls ??= new bool[n])[i] = true;
                }
                return new Int32Vector(v, nulls, n);
            }
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
}
