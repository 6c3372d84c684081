using Cql.Engine.LanguageData;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Author bios at the foot of an article: "Ola Nordmann er journalist i NRK …", a heading such as "Om
/// forfatteren" or "About the author", a "follow her on X" line, and the string of verbless fragments content
/// farms print under a byline ("Spieler. Bedauerliche Twitter-Lehrer. Zombie-Pioniere. Internet-Fanatiker.").
/// Only paragraphs near the end are judged: the same sentence in the body is reporting.
/// </summary>
static class BioRule
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "boilerplate-patterns.tsv";

    const int MaxChars = 400;

    public static bool IsBio(string text, TextRange p) =>
        p.Length <= MaxChars
        && (IsFragmentList(text, p) || NameIsProfession.IsMatch(text.AsSpan(p.Start, p.Length)) || FollowMe.IsMatch(text.AsSpan(p.Start, p.Length))
            || IsHeading(text, p));

    /// <summary>"About the author", "Om forfatteren", "Über den Autor" alone on a line.</summary>
    public static bool IsHeading(string text, TextRange p) => Heading.IsMatch(text.AsSpan(p.Start, p.Length));

    /// <summary>Three or more capitalised fragments of at most three words, each closed by a full stop, and
    /// nothing else: no questions, exclamations or commas (that is dialogue or prose).</summary>
    static bool IsFragmentList(string text, TextRange p)
    {
        if (p.Length > 250) return false;
        int fragments = 0, words = 0;
        bool inWord = false;
        for (int i = p.Start; i < p.End; i++)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && words == 0 && !char.IsUpper(c)) return false;
                if (!inWord) { words++; inWord = true; }
                continue;
            }
            inWord = c is '-' or '\'' or '’' && inWord;
            if (c is '?' or '!' or ',' or ';' or ':') return false;
            if (c == '.')
            {
                if (words is 0 or > 3) return false;
                fragments++;
                words = 0;
            }
        }
        return words == 0 && fragments >= 3;
    }

    static readonly Regex NameIsProfession = new($$"""
        ^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+(?:is|er|är|ist|è|est|es|é|jest|on)\s+(?:(?:a|an|en|ei|et|ein|eine|un|una|une|um|uma|een)\s+)?(?:[\p{L}-]+\s+){0,3}?
        (?:{{LanguageFiles.Alternation(Patterns, "profession")}})
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    static readonly Regex FollowMe = new($$"""
        ^(?:{{LanguageFiles.Alternation(Patterns, "follow")}})\b.{0,80}(?:twitter|instagram|facebook|linkedin|mastodon|bluesky|threads|\bx\b|@)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    static readonly Regex Heading = new($$"""
        ^(?:{{LanguageFiles.Alternation(Patterns, "bio-heading")}})\s*:?$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);
}
