using Cql.Engine.LanguageData;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// A date line at the top (or foot) of an article: an optional label ("Publisert", "Veröffentlicht am",
/// "Pubblicato il", "Published", "Oppdatert", "date", "Dato:" …), a date, then perhaps a time and more labelled
/// dates ("Publisert 09.01.2025 kl. 14:32 Oppdatert 10.01.2025"). <see cref="Body"/> is where the article's own
/// text starts when a labelled date opens a body paragraph (" date 2022-06 For andre gang …").
/// </summary>
/// <param name="Date">ISO date: the first publication date, else the first update.</param>
/// <param name="Body">Offset of the body text after the date, or the paragraph's end when the paragraph is all date.</param>
readonly record struct DateLineMatch(string Date, int Body, bool WholeParagraph);

static partial class DateLine
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "date-patterns.tsv";

    /// <summary>Recognises a date line at the start of <paramref name="paragraph"/>, or returns null.</summary>
    public static DateLineMatch? Match(string text, TextRange paragraph)
    {
        // Every date this reads has a four-digit year near the start; most paragraphs have none.
        if (!HasYear(text.AsSpan(paragraph.Start, Math.Min(paragraph.Length, 120)))) return null;
        int end = paragraph.End, i = paragraph.Start;
        // Markdown emphasis or quoting around the line: "*Publisert 9. januar 2025*".
        while (i < end && text[i] is '*' or '_' or '>' or '#' or ' ') i++;
        string? published = null, updated = null;
        bool labelledFirst = false;
        for (int round = 0; round < 4 && i < end; round++)
        {
            int labelEnd = SkipLabel(text, i, end, out bool isUpdate);
            bool labelled = labelEnd > i;
            if (round == 0) labelledFirst = labelled;
            int dateStart = labelled ? labelEnd : i;
            if (!labelled && round == 0 && PlaceBeforeDate().Match(text, i, end - i) is { Success: true } place)
                dateStart = place.Index + place.Length;
            if (!DateParser.TryParse(text, dateStart, end, allowYearOnly: labelled, out var iso, out int dateEnd))
            {
                if (round == 0) return null;
                // "… Oppdatert" with its date missing still belongs to the date line.
                if (labelled) { i = SkipTimeAndSeparators(text, labelEnd, end); continue; }
                break;
            }
            if (isUpdate) updated ??= iso;
            else published ??= iso;
            i = SkipTimeAndSeparators(text, dateEnd, end);
            if (round == 0 && !labelled && i < end) return null; // a bare date must be the whole line
        }
        var date = published ?? updated!;
        if (i >= end) return new DateLineMatch(date, end, true);
        // What follows the date: the article's text (a capital, a quote, a dash), or a short tail such as
        // "av NTB" that still belongs to the date line.
        if (!labelledFirst) return null;
        char c = text[i];
        if (char.IsUpper(c) || TextChars.IsOpeningQuote(c) || TextChars.IsDash(c)) return new DateLineMatch(date, i, false);
        if (end - i <= 40 && !HasSentenceEnd(text, i, end)) return new DateLineMatch(date, end, true);
        return null;
    }

    /// <summary>True when <paramref name="paragraph"/> is a date label with no date ("Veröffentlicht am"), or only
    /// a relative one ("Updated 3 hours ago", "Oppdatert for 5 minutter siden", "Aktualisiert vor 2 Stunden").</summary>
    public static bool IsLabelWithoutDate(string text, TextRange paragraph)
    {
        int labelEnd = SkipLabel(text, paragraph.Start, paragraph.End, out _);
        if (labelEnd == paragraph.Start) return false;
        int rest = TextChars.SkipSpaces(text, labelEnd, paragraph.End);
        if (rest >= paragraph.End) return true;
        var m = RelativeTime.Match(text, rest, paragraph.End - rest);
        return m.Success && TextChars.SkipSpaces(text, m.Index + m.Length, paragraph.End) >= paragraph.End;
    }

    /// <summary>The offset after a date label (and its colon and preposition) at <paramref name="i"/>, or
    /// <paramref name="i"/> when there is none.</summary>
    public static int SkipLabel(string text, int i, int end, out bool isUpdate)
    {
        var m = Label.Match(text, i, end - i);
        isUpdate = m.Success && m.Groups["upd"].Success;
        if (!m.Success) return i;
        int after = m.Index + m.Length;
        // A label needs a break after it: "Publisert 2024", "Dato: 2024", not "Dataene".
        if (after < end && char.IsLetterOrDigit(text[after]) && char.IsLetterOrDigit(text[after - 1])) return i;
        return after;
    }

    /// <summary>The offset after any times of day, separators and brackets at <paramref name="i"/>.</summary>
    public static int SkipTimeAndSeparators(string text, int i, int end)
    {
        while (i < end)
        {
            int before = i;
            var t = TimeOfDay.Match(text, i, end - i);
            if (t.Success && t.Length > 0) i = t.Index + t.Length;
            while (i < end && (TextChars.IsSpace(text[i]) || text[i] is ',' or '|' or '·' or '•' or '/' or '(' or ')' or '–' or '—' or '-' or ';' or '*' or '_'))
                i++;
            if (i == before) break;
        }
        return i;
    }

    static bool HasYear(ReadOnlySpan<char> s)
    {
        int run = 0;
        foreach (var c in s)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    static bool HasSentenceEnd(string text, int i, int end)
    {
        for (; i < end - 1; i++)
            if (TextChars.IsSentenceEnd(text[i]) && TextChars.IsSpace(text[i + 1])) return true;
        return false;
    }

    // Labels that announce a publication date (pub) or an update (upd). "Data" and "Stand" are ordinary words too,
    // so they count only with a colon.
    static readonly Regex Label = new($$"""
        \G(?:(?<upd>{{LanguageFiles.Alternation(Patterns, "date-updated")}})|(?<pub>{{LanguageFiles.Alternation(Patterns, "date-published")}}))
        \s*:?\s*(?:(?:{{LanguageFiles.Alternation(Patterns, "date-label-article")}})(?:\s+|\z))?
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    // "kl. 14:32", "um 14.32 Uhr", "at 2:30 p.m. ET", "14h32", "T10:00:00+01:00". Time zones are case-sensitive
    // capitals, so a capitalised word after a time is not taken for one.
    static readonly Regex TimeOfDay = new($$"""
        \G(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?
         |(?i:(?:{{LanguageFiles.Alternation(Patterns, "time-before")}})\s*)?\d{1,2}(?:[:.h]\d{2})(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?
            (?i:\s*(?:{{LanguageFiles.Alternation(Patterns, "time-after")}})(?!\p{L}))?(?:\s*(?:UTC|GMT|CET|CEST|EET|EEST|MSK|BST|EST|EDT|PST|PDT|ET|PT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?)
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    static readonly Regex RelativeTime = new($$"""
        \G(?:{{LanguageFiles.Alternation(Patterns, "relative-before")}})?\s*(?:\d+|{{LanguageFiles.Alternation(Patterns, "relative-count")}})\s+
        (?:{{LanguageFiles.Alternation(Patterns, "relative-unit")}})(?!\p{L})
        \s*(?:{{LanguageFiles.Alternation(Patterns, "relative-after")}})?\.?
        """, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    // "Oslo, 9. januar 2025", "BERLIN, 12.03.2024": a place of one to three capitalised words before the date.
    [GeneratedRegex(@"\G\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2},\s*(?=\d|\p{L}+\.?\s+\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceBeforeDate();
}
