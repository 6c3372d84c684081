using System.Text.RegularExpressions;
using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Lists of links to other articles: a heading ("More Stories", "Les også", "Läs också", "Lesen Sie auch",
/// "Leggi anche", "Lire aussi" …) alone on its line followed by headline-like items, or the heading with one
/// linked headline after a colon ("Les også: Putin ringte Xi").
/// </summary>
static partial class RelatedLinksRule
{
    const int MaxItemChars = 250;

    /// <summary>True for a heading alone ("More Stories", "Les også:").</summary>
    public static bool IsListHeading(string text, TextRange p)
    {
        var m = Heading().Match(text, p.Start, p.Length);
        return m.Success && TextChars.SkipSpaces(text, m.Index + m.Length, p.End) >= p.End;
    }

    /// <summary>True for a heading with its one link: "Les også: Putin ringte Xi på bursdagen".</summary>
    public static bool IsInlineLink(string text, TextRange p)
    {
        if (p.Length > MaxItemChars) return false;
        var m = Heading().Match(text, p.Start, p.Length);
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

    [GeneratedRegex("""
        \G(?:more\s+stories|related(?:\s+(?:stories|articles|content|coverage|news))?|read\s+(?:more|also|next)|see\s+also|also\s+read|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|most\s+read|trending(?:\s+now)?
          |les\s+også|les\s+mer|mer\s+om\s+(?:saken|dette|temaet)|flere\s+saker|mest\s+lest|anbefalt|relaterte\s+saker|relatert
          |läs\s+(?:också|även|mer)|mer\s+från|mest\s+läst|relaterat|relaterade\s+artiklar|læs\s+(?:også|mere)|mest\s+læste|relaterede\s+artikler
          |lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|weitere\s+artikel|das\s+könnte\s+sie\s+auch\s+interessieren|auch\s+interessant|meistgelesen|ähnliche\s+artikel
          |leggi\s+anche|leggi\s+(?:di\s+)?più|potrebbe\s+interessarti|ti\s+potrebbe\s+interessare|articoli\s+correlati|altre\s+notizie|i\s+più\s+letti
          |(?:à\s+|a\s+)?lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|lea\s+también|lee\s+también|noticias\s+relacionadas|más\s+noticias|lo\s+más\s+leído
          |lees\s+ook|lees\s+meer|meest\s+gelezen|gerelateerd|leia\s+também|leia\s+mais|mais\s+lidas|notícias\s+relacionadas
          |czytaj\s+(?:też|także|również)|zobacz\s+(?:też|także)|lue\s+(?:myös|lisää)|читайте\s+также)
        \s*[:.…]*\s*
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Heading();
}
