using System.Globalization;
using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Words of a sentence for the tokens table, kwic and `has`: runs of letters, digits and combining marks, with
/// inner apostrophes, hyphens and dots between digits kept (l'Ucraina stays one word with its elision split off,
/// Kina-Russland, 2022.06). The same rule serves indexing and matching, so a word found one way is found the other.
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, TextRange range, List<TextRange> into)
    {
        int i = range.Start, end = range.End;
        while (i < end)
        {
            while (i < end && !IsWordChar(text[i])) i++;
            if (i >= end) break;
            int start = i;
            while (i < end)
            {
                if (IsWordChar(text[i])) { i++; continue; }
                // Joiners inside a word: a hyphen between letters, a dot or comma between digits.
                if (i + 1 < end && IsWordChar(text[i + 1]) && i > start
                    && (text[i] is '-' or '\u2011' || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))))
                {
                    i++;
                    continue;
                }
                break;
            }
            into.Add(new TextRange(start, i));
        }
    }

    /// <summary>True for characters that make up words: letters, digits, combining marks.</summary>
    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>The normalised form of a word: lower-cased (invariant culture).</summary>
    public static string Normalize(string word) => word.ToLowerInvariant();
}
