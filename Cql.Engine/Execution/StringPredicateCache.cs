using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Evaluates a <see cref="StringMatcher"/> over a string vector into a three-valued mask. A vector with dictionary
/// codes is tested once per dictionary entry. Otherwise rows that share a buffer (our reader gives every row of one
/// dictionary value the same char[] once plain pages have turned the chunk into text per row) reuse the result for
/// runs of the same buffer and, for expensive matchers, through a cache per buffer (by reference), so a contains
/// over such a column still runs about once per distinct value. The cache turns itself off when buffers do not
/// repeat (plain-encoded text).
/// </summary>
public static class StringPredicateCache
{
    const int MaxCached = 4096;

    public static void Evaluate(StringVector v, StringMatcher matcher, Span<byte> result)
    {
        if (v.Codes is { } codes && v.Dictionary is { } dictionary)
        {
            EvaluateCodes(v, codes, dictionary, matcher, result);
            return;
        }
        var values = v.Values;
        var nulls = v.Nulls;
        int n = v.Length;
        object? lastArr = null;
        byte lastRes = 0;
        Dictionary<object, byte>? cache = matcher.Expensive ? new(ReferenceEqualityComparer.Instance) : null;
        int misses = 0;
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) { result[i] = Tri.Unknown; continue; }
            var m = values[i];
            if (MemoryMarshal.TryGetArray(m, out var seg) && seg.Offset == 0 && seg.Count == seg.Array!.Length)
            {
                var arr = seg.Array;
                if (ReferenceEquals(arr, lastArr)) { result[i] = lastRes; continue; }
                byte r;
                if (cache is not null && cache.TryGetValue(arr, out r)) { }
                else
                {
                    r = matcher.Match(m.Span) ? Tri.True : Tri.False;
                    if (cache is not null)
                    {
                        cache[arr] = r;
                        // Mostly distinct buffers: the lookups cost more than they save.
                        if (++misses > 256 && misses * 2 > i) cache = null;
                        else if (cache.Count > MaxCached) cache = null;
                    }
                }
                lastArr = arr; lastRes = r;
                result[i] = r;
            }
            else result[i] = matcher.Match(m.Span) ? Tri.True : Tri.False;
        }
    }

    /// <summary>Dictionary rows: the matcher runs once per dictionary entry used, rows just look the answer up.</summary>
    static void EvaluateCodes(StringVector v, int[] codes, ReadOnlyMemory<char>[] dictionary, StringMatcher matcher, Span<byte> result)
    {
        const byte NotYet = 0xFF;
        var lut = new byte[dictionary.Length];
        lut.AsSpan().Fill(NotYet);
        var nulls = v.Nulls;
        int n = v.Length;
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) { result[i] = Tri.Unknown; continue; }
            int c = codes[i];
            byte r = lut[c];
            if (r == NotYet) r = lut[c] = matcher.Match(dictionary[c].Span) ? Tri.True : Tri.False;
            result[i] = r;
        }
    }
}
