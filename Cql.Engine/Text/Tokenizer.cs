using System.Globalization;
using System.Text;

namespace Cql.Engine.Text;

/// <summary>
/// Words of a sentence for the tokens table (its `word` and `norm`): runs of word characters — <see cref="WordRules"/>'
/// letters and digits, plus combining marks — joined across the characters that sit inside words —
/// <list type="bullet">
/// <item>hyphens between word characters: Kina-Russland, Ukraine-Krise, 80-årsjubileet are one word;</item>
/// <item>separators between digits: 3.5, 1.000, 3,5, 10:30, 24/7, 2022-06-15, and "1 000" with a no-break or thin
/// space;</item>
/// <item>dots between letters: U.S., z.B., f.eks., kremlin.ru; an abbreviation whose parts are all short keeps
/// its final dot (U.S., e.g.) so it reads as written;</item>
/// <item>apostrophes between letters: don't, Moscow’s, O'Brien — except after an Italian or French elided article
/// or preposition (<see cref="Elisions"/>, the list quote attribution splits by too), where the word splits after the
/// apostrophe: l’Ucraina is "l’" + "Ucraina", dell’invasione is "dell’" + "invasione", so token counts find the
/// noun;</item>
/// <item>soft hyphens and zero-width (non-)joiners inside a word.</item>
/// </list>
/// Han ideographs are one word each (Chinese and Japanese write no spaces). `has`, `contains`, kwic and the term index
/// do not read these words: they match <see cref="WordRules"/>' plain runs of letters and digits, so an index lookup
/// gives the rows a scan would (a tokens-table word such as Kina-Russland is two of theirs). Allocation-free: it runs
/// on every sentence of every document.
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, TextRange range, List<TextRange> into)
    {
        int i = range.Start, end = range.End;
        while (i < end)
        {
            int w = WordCharWidth(text, i, end);
            if (w == 0) { i++; continue; }
            int start = i;
            if (IsIdeograph(text, i)) { into.Add(new TextRange(start, i + w)); i += w; continue; }
            i = WordEnd(text, start, end);
            into.Add(new TextRange(start, i));
        }
    }

    /// <summary>The end of the word starting at <paramref name="start"/>.</summary>
    static int WordEnd(string text, int start, int end)
    {
        int i = start;
        bool dotBetweenLetters = false;
        while (i < end)
        {
            int w = WordCharWidth(text, i, end);
            if (w > 0)
            {
                if (IsIdeograph(text, i)) break;
                i += w;
                continue;
            }
            if (i + 1 >= end || WordCharWidth(text, i + 1, end) == 0) break;
            char c = text[i], prev = text[i - 1], next = text[i + 1];
            if (c is '-' or '\u2010' or '\u2011' or '\u00AD' or '\u200C' or '\u200D') { i++; continue; }
            if (c is '\'' or '’' or 'ʼ')
            {
                if (!char.IsLetter(prev) || !char.IsLetter(next)) break;
                // The elided article stays a word of its own, apostrophe included: "l’" + "Ucraina".
                if (Elisions.IsElided(text.AsSpan(start, i - start))) return i + 1;
                i++;
                continue;
            }
            if (char.IsDigit(prev) && char.IsDigit(next))
            {
                if (c is '.' or ',' or ':' or '/') { i++; continue; }
                if (c is '\u00A0' or '\u202F' or '\u2009' && IsThousandsGroup(text, i + 1, end)) { i++; continue; }
                break;
            }
            if (c == '.' && char.IsLetter(prev) && char.IsLetter(next) && !StartsCapitalisedWord(text, i + 1, end))
            {
                dotBetweenLetters = true;
                i++;
                continue;
            }
            break;
        }
        if (dotBetweenLetters && i < end && text[i] == '.' && AllPartsShort(text.AsSpan(start, i - start))) i++;
        return i;
    }

    /// <summary>True when a capitalised word of two or more lower-case letters starts at <paramref name="i"/>: after a
    /// dot with no space ("slutt.Neste") that is a new sentence, not a part of an abbreviation or domain.</summary>
    static bool StartsCapitalisedWord(string text, int i, int end) =>
        char.IsUpper(text[i]) && i + 2 < end && char.IsLower(text[i + 1]) && char.IsLower(text[i + 2]);

    static bool IsThousandsGroup(string text, int i, int end) =>
        i + 3 <= end && char.IsDigit(text[i]) && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2])
        && (i + 3 == end || !char.IsLetterOrDigit(text[i + 3]));

    /// <summary>True for U.S, z.B, f.eks, EE.UU: every dot-separated part has one to three letters.</summary>
    static bool AllPartsShort(ReadOnlySpan<char> word)
    {
        int run = 0;
        foreach (var c in word)
        {
            if (c == '.') { if (run == 0) return false; run = 0; continue; }
            if (!char.IsLetter(c) || ++run > 3) return false;
        }
        return run > 0;
    }

    /// <summary>1 or 2 (a surrogate pair) when a word character starts at <paramref name="i"/>, else 0: a letter or
    /// digit as <see cref="WordRules"/> judges it, or a combining mark, which belongs to the word it marks.</summary>
    static int WordCharWidth(string text, int i, int end)
    {
        var s = text.AsSpan(0, end);
        if (WordRules.IsWordAt(s, i, out int width)) return width;
        if (width == 1) return IsMark(s[i]) ? 1 : 0;
        return IsMark(Rune.GetUnicodeCategory(new Rune(s[i], s[i + 1]))) ? 2 : 0;
    }

    static bool IsIdeograph(string text, int i)
    {
        char c = text[i];
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF') return true;
        // Supplementary ideographic planes (CJK extensions B and later) start at U+20000: high surrogates D840–D8BF.
        return c is >= '\uD840' and <= '\uD8BF';
    }

    /// <summary>Combining marks: none below U+0300.</summary>
    static bool IsMark(char c) => c >= '\u0300' && IsMark(CharUnicodeInfo.GetUnicodeCategory(c));

    static bool IsMark(UnicodeCategory cat) =>
        cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The normalised form of a word: lower-cased (invariant culture).</summary>
    public static string Normalize(string word) => word.ToLowerInvariant();
}
