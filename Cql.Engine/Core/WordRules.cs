using System.Buffers;
using System.Text;

namespace Cql.Engine.Core;

/// <summary>
/// The one definition of a word that `has`, `contains`, kwic and the term index share, so that an index lookup gives
/// exactly the rows a scan would:
/// <list type="bullet">
/// <item>a word is a maximal run of letters (\p{L}) and decimal digits (\p{Nd}), judged per Unicode scalar (a letter
/// outside the BMP counts, its surrogate halves are never split);</item>
/// <item>case-insensitive means: both sides lowercased with the invariant simple case mapping (one UTF-16 unit stays
/// one unit, so offsets are kept), then compared ordinally — as DuckDB's lower()/ILIKE do.</item>
/// </list>
/// The tokens table's words (<see cref="Text.Tokenizer"/>) are built from the same characters plus combining marks,
/// joined across in-word punctuation (Kina-Russland, U.S., 3.5) and split after elided articles (l’ + Ucraina); quote
/// attribution reads words by <see cref="Quotes.QuoteTokenizer"/>. Changing <see cref="IsWordAt"/> here changes what
/// every query matches and what the term index holds, together.
/// </summary>
public static class WordRules
{
    /// <summary>Whether the scalar starting at <paramref name="i"/> is a word character; <paramref name="width"/> is its
    /// length in UTF-16 units (2 for a surrogate pair).</summary>
    public static bool IsWordAt(ReadOnlySpan<char> s, int i, out int width)
    {
        char c = s[i];
        if (c < 0x80)
        {
            width = 1;
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return Rune.IsLetterOrDigit(new Rune(c, s[i + 1]));
        }
        width = 1;
        return char.IsLetterOrDigit(c);
    }

    /// <summary>Whether the scalar ending just before <paramref name="end"/> is a word character.</summary>
    public static bool IsWordBefore(ReadOnlySpan<char> s, int end)
    {
        if (end <= 0) return false;
        int i = end - 1;
        if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])) i--;
        return IsWordAt(s, i, out _);
    }

    /// <summary>Whether the scalar starting at <paramref name="start"/> is a word character (false at the end).</summary>
    public static bool IsWordFrom(ReadOnlySpan<char> s, int start) => start < s.Length && IsWordAt(s, start, out _);

    /// <summary>The next word at or after <paramref name="pos"/>: true with its [start, end); pos moves past it.</summary>
    public static bool NextWord(ReadOnlySpan<char> s, ref int pos, out int start, out int end)
    {
        int i = pos, w;
        while (i < s.Length && !IsWordAt(s, i, out w)) i += w;
        start = i;
        while (i < s.Length && IsWordAt(s, i, out w)) i += w;
        end = pos = i;
        return end > start;
    }

    /// <summary>Lowercases <paramref name="s"/> into <paramref name="into"/> (at least as long); same length out.</summary>
    public static void Lower(ReadOnlySpan<char> s, Span<char> into)
    {
        int n = s.ToLowerInvariant(into);
        if (n != s.Length) throw new InvalidOperationException("lowercasing changed the length");
    }

    public static string Lower(string s) => s.ToLowerInvariant();

    /// <summary>Whether every scalar of <paramref name="s"/> is a word character (a single whole word, or a piece of one).</summary>
    public static bool IsAllWord(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        for (int i = 0; i < s.Length;)
        {
            if (!IsWordAt(s, i, out int w)) return false;
            i += w;
        }
        return true;
    }

    /// <summary>The words of a text, lowercased.</summary>
    public static List<string> LowerWords(string text)
    {
        var list = new List<string>();
        int pos = 0;
        while (NextWord(text, ref pos, out int s, out int e)) list.Add(Lower(text[s..e]));
        return list;
    }

    /// <summary>The lowercase of <paramref name="s"/> (<see cref="Lower(ReadOnlySpan{char}, Span{char})"/>) in the
    /// caller's <paramref name="buffer"/>, grown when too short: a matcher keeps its buffer from row to row.</summary>
    public static Span<char> LowerInto(ReadOnlySpan<char> s, ref char[] buffer)
    {
        if (buffer.Length < s.Length) buffer = new char[Math.Max(s.Length, Math.Max(256, buffer.Length * 2))];
        var lower = buffer.AsSpan(0, s.Length);
        Lower(s, lower);
        return lower;
    }

    /// <summary>Case-insensitive (lowercase) glob match of one word: `*` matches any run of characters.</summary>
    public static bool GlobMatches(ReadOnlySpan<char> lowerPattern, ReadOnlySpan<char> lowerWord)
    {
        int star = lowerPattern.IndexOf('*');
        if (star < 0) return lowerPattern.SequenceEqual(lowerWord);
        var head = lowerPattern[..star];
        if (!lowerWord.StartsWith(head)) return false;
        var rest = lowerPattern[(star + 1)..];
        var tail = lowerWord[head.Length..];
        // Try every split point for the rest of the pattern (patterns are short).
        for (int i = 0; i <= tail.Length; i++)
            if (GlobMatches(rest, tail[i..])) return true;
        return false;
    }

    internal static readonly SearchValues<char> Star = SearchValues.Create("*");
}
