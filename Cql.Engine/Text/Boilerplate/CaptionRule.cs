using Cql.Engine.LanguageData;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Photo captions. A caption is recognised by its credit ("Foto: Mikhail Metzel / AP", "(Bild: kremlin.ru, CC BY
/// 4.0 , via Wikimedia Commons)", "Photo by …", "© NTB", "REUTERS/Maxim Shemetov") at the end of the paragraph.
/// Scrapers glue the caption of a photo to its credit, and sometimes the credit to a body paragraph, so the
/// paragraph is judged by its length: a credit alone, or a short description with a credit, is a caption, also
/// when it repeats a quotation of the article ("«Siden starten …», sa Xi … Foto: …"; its quote is still extracted,
/// flagged quotes.in_boilerplate, issue 12); a long paragraph stays body.
/// </summary>
static class CaptionRule
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "boilerplate-patterns.tsv";

    const int MaxCreditChars = 150;
    const int MaxDescriptionChars = 450;

    public static bool IsCaption(string text, TextRange p)
    {
        int credit = CreditStart(text, p);
        if (credit < 0) return false;
        var (start, end) = TextChars.Trim(text, p.Start, credit);
        if (end <= start) return true;
        if (end - start > MaxDescriptionChars) return false;
        return !(TextChars.IsDash(text[start]) || (text[start] == '-' && start + 1 < end && text[start + 1] == ' '));
    }

    /// <summary>Where the credit that ends the paragraph starts, or -1. It opens the paragraph, follows a space, or
    /// opens a bracket: "… Xi. Foto:", "(Bild: …)".</summary>
    static int CreditStart(string text, TextRange p)
    {
        int from = Math.Max(p.Start, p.End - MaxCreditChars);
        // Every credit has a colon, a slash or ©, or says photo/foto/bild/image; most paragraphs have none of them.
        var window = text.AsSpan(from, p.End - from);
        if (window.IndexOfAny(":/©") < 0 && !TextChars.ContainsAsciiIgnoreCase(window, "oto")
            && !TextChars.ContainsAsciiIgnoreCase(window, "bild") && !TextChars.ContainsAsciiIgnoreCase(window, "image"))
            return -1;
        int at = Credits.Find(text, p.Start, from, p.End);
        if (at > p.Start && text[at - 1] is '(' or '[') at--;
        return at;
    }

    static readonly Regex CreditLabel = new($$"""
        \G(?:
           (?:{{LanguageFiles.Alternation(Patterns, "caption-credit")}})\s*[:/]
          |{{LanguageFiles.Alternation(Patterns, "caption-credit-by")}}
          |©
          |(?:AP\s+Photo|REUTERS|AFP|EPA|ANSA|NTB|dpa|Getty\s+Images)\s*/\s*\p{Lu}
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    // The first words of the CreditLabel phrases: the languages' words, then the agencies and the sign this rule
    // names itself. After the pattern, which it needs initialised.
    static readonly WordStartSearch Credits = new(CreditLabel,
        string.Join(' ', LanguageFiles.Entries("boilerplate-words.tsv", "caption-credit-start")) + " ap reuters afp epa ansa ntb dpa getty ©");
}
