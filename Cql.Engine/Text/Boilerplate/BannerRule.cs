using Cql.Engine.LanguageData;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Site furniture that is not the article: transparency and AI notices ("Transparenz: Redaktionell erstellt und
/// geprüft."), advertisement markers, article-age warnings, reading time, listen/share/subscribe prompts, cookie
/// notices, comment counters, copyright lines, gallery counters ("Bilde 1 av 5"), and date labels left without
/// their date ("Veröffentlicht am") or with only a relative one ("Updated 3 hours ago").
/// </summary>
static class BannerRule
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "boilerplate-patterns.tsv";

    const int MaxChars = 220;

    public static bool IsBanner(string text, TextRange p) =>
        p.Length <= MaxChars && (Marker.IsMatch(text.AsSpan(p.Start, p.Length)) || Banner.IsMatch(text.AsSpan(p.Start, p.Length))
            || DateLine.IsLabelWithoutDate(text, p));

    // Words that are banners only alone on their line: "Anzeige", but not "Anzeige gegen Putin erstattet."
    static readonly Regex Marker = new($$"""
        ^(?:{{LanguageFiles.Alternation(Patterns, "marker")}})\s*[:.–-]?\s*$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    static readonly Regex Banner = new($$"""
        ^(?:{{LanguageFiles.Alternation(Patterns, "banner")}})
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);
}
