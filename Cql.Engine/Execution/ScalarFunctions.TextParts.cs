using System.Text.RegularExpressions;

namespace Cql.Engine.Execution;

// split and extract: the parts of text cut out by a separator or a regular expression.
static partial class ScalarFunctions
{
    /// <summary>split(text, separator, n): the n-th part, 1-based, negative from the end (DuckDB's split_part); empty
    /// text where there is no such part; an empty separator leaves the text whole. A slice of the input.</summary>
    static StringVector Split(StringVector s, StringVector separator, ColumnVector index)
    {
        int n = s.Length;
        var nulls = NullsOf(n, s, separator, index);
        var outv = new ReadOnlyMemory<char>[n];
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            outv[i] = Part(s.Values[i], separator.Values[i].Span, index.GetInt64(i));
        }
        return new StringVector(outv, nulls, n);
    }

    static ReadOnlyMemory<char> Part(ReadOnlyMemory<char> text, ReadOnlySpan<char> sep, long k)
    {
        if (sep.IsEmpty) return k is 1 or -1 ? text : ReadOnlyMemory<char>.Empty;
        var span = text.Span;
        int parts = span.Count(sep) + 1;
        if (k < 0) k = parts + k + 1;
        if (k < 1 || k > parts) return ReadOnlyMemory<char>.Empty;
        int start = 0;
        for (long p = 1; p < k; p++) start += span[start..].IndexOf(sep) + sep.Length;
        int end = span[start..].IndexOf(sep);
        return text.Slice(start, end < 0 ? span.Length - start : end);
    }

    /// <summary>extract(text, pattern, group): the group of the first match (0: the whole match); null where the
    /// pattern does not match or the group took no part in the match.</summary>
    static StringVector Extract(StringVector s, Regex regex, int group)
    {
        int n = s.Length;
        var outv = new ReadOnlyMemory<char>[n];
        bool[]? nulls = null;
        for (int i = 0; i < n; i++)
        {
            if (s.IsNull(i)) { (nulls ??= new bool[n])[i] = true; continue; }
            var text = s.Values[i];
            var m = regex.Match(text.ToString());
            if (m.Success && m.Groups[group] is { Success: true } g) outv[i] = text.Slice(g.Index, g.Length);
            else (nulls ??= new bool[n])[i] = true;
        }
        return new StringVector(outv, nulls, n);
    }
}
