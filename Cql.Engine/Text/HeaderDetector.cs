using System.Text;

namespace Cql.Engine.Text;

/// <summary>
/// Finds the title and the date at the top of an article.
/// <para>The title is what a reader takes for the headline: the first paragraph of the header that reads like one
/// — one short line (at most 200 characters) that starts like a sentence but does not end like one (no final
/// full stop, comma, semicolon or colon; ? ! and … are fine) and holds no second sentence — provided the article
/// goes on after it. Captions, banners, bylines and date lines before it are passed over (the Swedish seed opens
/// with a photo caption; its title is the paragraph after). Body prose ends the search: a subheading further
/// down is not a title.</para>
/// <para>The date comes from a date line (<see cref="DateLine"/>) among the first paragraphs, a date inside a
/// byline, or a date line at the foot. A labelled date that opens a body paragraph is taken too, and
/// <see cref="DocumentHeader.BodyDateLine"/> says where it is.</para>
/// </summary>
public static class HeaderDetector
{
    const int HeaderParagraphs = 6;
    const int FooterParagraphs = 3;
    const int MaxTitleChars = 200;
    const int MaxTitleWords = 30;

    public static DocumentHeader Detect(string text, IReadOnlyList<TextRange> paragraphs) => Detect(text, paragraphs, null);

    /// <summary>As <see cref="Detect(string, IReadOnlyList{TextRange})"/>, for an article whose title came with its
    /// metadata: that title wins, and the paragraph that repeats it (if any) is the title paragraph.</summary>
    public static DocumentHeader Detect(string text, IReadOnlyList<TextRange> paragraphs, string? knownTitle)
    {
        string? title = null, date = null;
        int titleIndex = -1, dateIndex = -1;
        var bodyDateLine = default(TextRange);
        bool bodySeen = false;
        int headerEnd = Math.Min(paragraphs.Count, HeaderParagraphs);
        for (int p = 0; p < headerEnd; p++)
        {
            var r = paragraphs[p];
            if (DateLine.Match(text, r) is { } d)
            {
                if (d.WholeParagraph)
                {
                    if (date is null) { date = d.Date; dateIndex = p; }
                    continue;
                }
                if (date is null && !bodySeen) { date = d.Date; bodyDateLine = new TextRange(r.Start, TextChars.Trim(text, r.Start, d.Body).End); }
                bodySeen = true;
                continue;
            }
            if (IsHeaderFurniture(text, r))
            {
                if (date is null && BylineRule.IsByline(text, r)) date = FindDate(text, r);
                continue;
            }
            // A section label above the headline ("NYHETER", "Ukraina-krigen") gives way to the headline.
            if (!bodySeen && p + 1 < paragraphs.Count && LooksLikeTitle(text, r) && (title is null || IsKicker(text, paragraphs[titleIndex])))
            {
                title = CleanTitle(r.Slice(text));
                titleIndex = p;
                continue;
            }
            bodySeen = true;
        }
        for (int p = Math.Max(headerEnd, paragraphs.Count - FooterParagraphs); date is null && p < paragraphs.Count; p++)
            if (DateLine.Match(text, paragraphs[p]) is { WholeParagraph: true } d) { date = d.Date; dateIndex = p; }

        if (!string.IsNullOrWhiteSpace(knownTitle))
        {
            title = knownTitle.Trim();
            titleIndex = -1;
            for (int p = 0; p < headerEnd && titleIndex < 0; p++)
                if (SameTitle(text, paragraphs[p], title)) titleIndex = p;
        }
        return new DocumentHeader(title, date, titleIndex, dateIndex) { BodyDateLine = bodyDateLine };
    }

    /// <summary>True when the paragraph says the same as <paramref name="title"/>, ignoring case, spacing and
    /// closing punctuation (how a repeated headline differs from the first).</summary>
    public static bool SameTitle(string text, TextRange paragraph, string title)
    {
        if (paragraph.Length > title.Length * 2 + 10) return false;
        var comparable = Comparable(title);
        return comparable.Length > 0 && Comparable(paragraph.Slice(text)) == comparable;
    }

    static string Comparable(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in CleanTitle(s))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (char.IsWhiteSpace(c) && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        return sb.ToString().TrimEnd();
    }

    /// <summary>Paragraphs of the header that are not the title: captions, banners, bylines, link headings,
    /// elisions.</summary>
    static bool IsHeaderFurniture(string text, TextRange r) =>
        !TextChars.HasLetterOrDigit(text.AsSpan(r.Start, r.Length)) || BannerRule.IsBanner(text, r) || CaptionRule.IsCaption(text, r)
        || BylineRule.IsByline(text, r) || RelatedLinksRule.IsListHeading(text, r) || RelatedLinksRule.IsInlineLink(text, r);

    /// <summary>A section label or kicker: at most two words, or a few words in capitals ("NYHETER", "UTENRIKS").</summary>
    public static bool IsKicker(string text, TextRange r)
    {
        if (r.Length > 40) return false;
        int words = 0;
        bool inWord = false, allCaps = true;
        for (int i = r.Start; i < r.End; i++)
        {
            char c = text[i];
            if (char.IsLower(c)) allCaps = false;
            if (TextChars.IsSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return words <= 2 || (allCaps && words <= 4);
    }

    static bool LooksLikeTitle(string text, TextRange r)
    {
        if (r.Length > MaxTitleChars) return false;
        var s = text.AsSpan(r.Start, r.Length);
        if (s.Count('\n') > 1) return false;
        var unmarked = s.TrimStart("#*_ ");
        if (unmarked.IsEmpty || char.IsLower(unmarked[0])) return false;
        char last = s[^1];
        if (last is ',' or ';' or ':' || (last == '.' && !s.EndsWith("..."))) return false;
        int words = 0, letters = 0;
        bool inWord = false;
        foreach (var c in s)
        {
            if (char.IsLetter(c)) letters++;
            if (TextChars.IsSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return letters >= 2 && words <= MaxTitleWords && !HasFullStopInside(text, r);
    }

    /// <summary>True when a sentence inside the paragraph ends with a full stop: "Putin ringte Xi. Han gratulerte"
    /// is prose. A question or exclamation inside a headline is common ("Hva skjer? Eksperter svarer").</summary>
    static bool HasFullStopInside(string text, TextRange r)
    {
        var sentences = new List<TextRange>();
        SentenceSplitter.Split(text, r, "und", sentences);
        for (int k = 0; k + 1 < sentences.Count; k++)
        {
            int e = sentences[k].End - 1;
            while (e > sentences[k].Start && (TextChars.IsClosingQuote(text[e]) || TextChars.IsClosingBracket(text[e]))) e--;
            if (text[e] == '.') return true;
        }
        return false;
    }

    /// <summary>The title as a line of text: spacing collapsed, Markdown heading marks and emphasis dropped.</summary>
    static string CleanTitle(string s)
    {
        var t = s.Trim().TrimStart('#').Trim();
        if (t.Length > 4 && (t.StartsWith("**") && t.EndsWith("**") || t.StartsWith("__") && t.EndsWith("__"))) t = t[2..^2].Trim();
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
            if (!TextChars.IsSpace(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    /// <summary>The first date anywhere in the paragraph ("Av Ola Nordmann, 9. januar 2025"), or null.</summary>
    static string? FindDate(string text, TextRange r)
    {
        for (int i = r.Start; i < r.End; i++)
        {
            if (i > r.Start && char.IsLetterOrDigit(text[i - 1])) continue;
            if (!char.IsLetterOrDigit(text[i])) continue;
            if (DateParser.TryParse(text, i, r.End, allowYearOnly: false, out var iso, out _)) return iso;
        }
        return null;
    }
}
