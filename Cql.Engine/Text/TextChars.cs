using System.Globalization;

namespace Cql.Engine.Text;

/// <summary>Character classes the text stages share: spaces, sentence ends, quotation marks, dashes.</summary>
static class TextChars
{
    /// <summary>White space, plus the invisible characters web text scatters between words (zero-width space,
    /// word joiner, zero-width no-break space) that must not start a paragraph or sentence.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>Characters that can end a sentence: full stop, ! ? and ellipsis, and their CJK, Arabic and Indic
    /// counterparts.</summary>
    public static bool IsSentenceEnd(char c) =>
        c is '.' or '!' or '?' or '…' or '‼' or '⁇' or '⁈' or '⁉' or '。' or '！' or '？' or '｡' or '؟' or '۔' or '।' or '॥';

    /// <summary>Marks that may close a quotation (which marks open and which close depends on the language:
    /// „…“ in German, ”…” in Swedish, »…« in Danish).</summary>
    public static bool IsClosingQuote(char c) => c is '"' or '\'' or '»' or '«' or '”' or '“' or '’' or '‘' or '›' or '‹';

    /// <summary>Marks that may open a quotation.</summary>
    public static bool IsOpeningQuote(char c) => c is '"' or '\'' or '«' or '»' or '“' or '”' or '„' or '‚' or '‘' or '’' or '‹' or '›';

    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}';

    /// <summary>Dashes that open a line of dialogue ("– Vi kommer, sier hun.") or set off an aside.</summary>
    public static bool IsDash(char c) => c is '–' or '—' or '―' or '‒';

    /// <summary>True for a letter with no case (CJK, Tamil, Arabic …): a sentence may start with it.</summary>
    public static bool IsCaselessLetter(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c)
        && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    /// <summary>The index of the first non-space character at or after <paramref name="i"/> (or <paramref name="end"/>).</summary>
    public static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && IsSpace(text[i])) i++;
        return i;
    }

    /// <summary>Shrinks [start, end) to exclude surrounding spaces.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>True when [start, end) holds at least one letter or digit.</summary>
    public static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>Whether <paramref name="s"/> contains <paramref name="lowerAscii"/> (lower-case ASCII letters) in any
    /// case: what IndexOf with OrdinalIgnoreCase answers for a needle without k (no character outside ASCII folds to
    /// an ASCII letter but the Kelvin sign, which folds to k), without its slow per-character path under invariant
    /// globalization.</summary>
    public static bool ContainsAsciiIgnoreCase(ReadOnlySpan<char> s, string lowerAscii)
    {
        char first = lowerAscii[0];
        for (int i = 0; i + lowerAscii.Length <= s.Length; i++)
        {
            if ((s[i] | 0x20) != first) continue;
            int k = 1;
            while (k < lowerAscii.Length && (s[i + k] | 0x20) == lowerAscii[k]) k++;
            if (k == lowerAscii.Length) return true;
        }
        return false;
    }
}
