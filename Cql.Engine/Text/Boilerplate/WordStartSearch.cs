using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Finds where an anchored (\G) phrase pattern matches at the start of a word. Scanning a paragraph with an
/// unanchored alternation of many phrases tries every branch at every character; trying it only at words that
/// can begin a phrase is far cheaper, and boilerplate rules run on every paragraph of every document.
/// </summary>
sealed class WordStartSearch(Regex anchored, string firstWords)
{
    readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWords =
        firstWords.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first word start in [from, to) where the pattern matches, or -1. A word starts the paragraph or
    /// follows a space or an opening bracket; a symbol such as © counts as a word of its own.</summary>
    public int Find(string text, int paragraphStart, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (i > paragraphStart && !TextChars.IsSpace(text[i - 1]) && text[i - 1] is not ('(' or '[')) continue;
            int e = i;
            while (e < to && char.IsLetter(text[e])) e++;
            if (e == i) e = i + 1;
            if (!_firstWords.Contains(text.AsSpan(i, e - i))) continue;
            if (anchored.Match(text, i, to - i).Success) return i;
        }
        return -1;
    }
}
