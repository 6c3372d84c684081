using Cql.Engine.LanguageData;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Lists of links to other articles: a heading ("More Stories", "Les også", "Läs också", "Lesen Sie auch",
/// "Leggi anche", "Lire aussi" …) alone on its line followed by headline-like items, or the heading with one
/// linked headline after a colon ("Les også: Putin ringte Xi").
/// </summary>
static class RelatedLinksRule
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "boilerplate-patterns.tsv";

    const int MaxItemChars = 250;

    /// <summary>True for a heading alone ("More Stories", "Les også:").</summary>
    public static bool IsListHeading(string text, TextRange p)
    {
        var m = Heading.Match(text, p.Start, p.Length);
        return m.Success && TextChars.SkipSpaces(text, m.Index + m.Length, p.End) >= p.End;
    }

    /// <summary>True for a heading with its one link: "Les også: Putin ringte Xi på bursdagen".</summary>
    public static bool IsInlineLink(string text, TextRange p)
    {
        if (p.Length > MaxItemChars) return false;
        var m = Heading.Match(text, p.Start, p.Length);
        return m.Success && m.Value.TrimEnd().EndsWith(':');
    }

    /// <summary>True for what a link list holds: a headline — short, one line, no full stop at the end, no second
    /// sentence. Prose after the list ends it.</summary>
    public static bool IsItem(string text, TextRange p)
    {
        if (p.Length > MaxItemChars || text.AsSpan(p.Start, p.Length).Contains('\n')) return false;
        int last = p.End - 1;
        while (last > p.Start && (TextChars.IsClosingQuote(text[last]) || TextChars.IsClosingBracket(text[last]))) last--;
        if (text[last] == '.') return false;
        for (int i = p.Start; i < p.End - 1; i++)
            if (TextChars.IsSentenceEnd(text[i]) && TextChars.IsSpace(text[i + 1]) && char.IsUpper(text[TextChars.SkipSpaces(text, i + 1, p.End)]))
                return false;
        return true;
    }

    static readonly Regex Heading = new($$"""
        \G(?:{{LanguageFiles.Alternation(Patterns, "related-heading")}})\s*[:.…]*\s*
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);
}
