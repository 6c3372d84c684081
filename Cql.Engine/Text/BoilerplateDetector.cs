using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>Whether a paragraph is boilerplate, and of which kind (one of <see cref="BoilerplateKind"/>).
/// Boilerplate is flagged, never dropped.</summary>
public readonly record struct BoilerplateFlag(bool IsBoilerplate, string? Kind)
{
    public static readonly BoilerplateFlag Body = new(false, null);
    public static BoilerplateFlag Of(string kind) => new(true, kind);
}

/// <summary>
/// Flags the paragraphs of a document that are not the article's own prose, with a kind:
/// <list type="bullet">
/// <item><c>title</c>, <c>dateline</c>: the header <see cref="HeaderDetector"/> found (every paragraph that is only
/// a date line, at the top or the foot, is a dateline);</item>
/// <item><c>repeated_title</c>: the title again further down;</item>
/// <item><c>caption</c>: photo captions and credits (<see cref="CaptionRule"/>);</item>
/// <item><c>banner</c>: site notices, ads, share and subscribe prompts (<see cref="BannerRule"/>), and a section
/// label above the title ("NYHETER");</item>
/// <item><c>byline</c>: authors, agency tags, contributor notes (<see cref="BylineRule"/>);</item>
/// <item><c>related_links</c>: "More Stories", "Les også" headings and the headlines listed under them;</item>
/// <item><c>bio</c>: author bios near the end (<see cref="BioRule"/>);</item>
/// <item><c>ellipsis</c>: an elision mark alone ("(…)", "[...]") between quoted passages;</item>
/// <item><c>separator</c>: a paragraph with no letters or digits ("***", "—").</item>
/// </list>
/// Subheadings are body: they are the article's own words.
/// </summary>
public static partial class BoilerplateDetector
{
    const int HeaderParagraphs = 6;
    const int FooterParagraphs = 4;
    const int BioParagraphsBeforeFooter = 4;

    public static BoilerplateFlag[] Classify(string text, IReadOnlyList<TextRange> paragraphs, DocumentHeader header)
    {
        int n = paragraphs.Count;
        var flags = new BoilerplateFlag[n];
        bool inLinkList = false;
        for (int p = 0; p < n; p++)
        {
            var r = paragraphs[p];
            bool nearTop = p < HeaderParagraphs, nearFoot = p >= n - FooterParagraphs;
            string? kind =
                p == header.TitleParagraph ? BoilerplateKind.Title
                : p == header.DateParagraph || ((nearTop || nearFoot) && DateLine.Match(text, r) is { WholeParagraph: true }) ? BoilerplateKind.Dateline
                : header.Title is not null && HeaderDetector.SameTitle(text, r, header.Title) ? BoilerplateKind.RepeatedTitle
                : Ellipsis().IsMatch(text.AsSpan(r.Start, r.Length)) ? BoilerplateKind.Ellipsis
                : !TextChars.HasLetterOrDigit(text.AsSpan(r.Start, r.Length)) ? BoilerplateKind.Separator
                : BannerRule.IsBanner(text, r) ? BoilerplateKind.Banner
                : CaptionRule.IsCaption(text, r) ? BoilerplateKind.Caption
                : BylineRule.IsByline(text, r) || ((nearTop || nearFoot) && BylineRule.IsContributorNote(text, r)) ? BoilerplateKind.Byline
                : RelatedLinksRule.IsListHeading(text, r) || RelatedLinksRule.IsInlineLink(text, r) ? BoilerplateKind.RelatedLinks
                : inLinkList && RelatedLinksRule.IsItem(text, r) ? BoilerplateKind.RelatedLinks
                : p < header.TitleParagraph && HeaderDetector.IsKicker(text, r) ? BoilerplateKind.Banner
                : null;
            inLinkList = kind == BoilerplateKind.RelatedLinks && (inLinkList || RelatedLinksRule.IsListHeading(text, r));
            flags[p] = kind is null ? BoilerplateFlag.Body : BoilerplateFlag.Of(kind);
        }
        FlagBios(text, paragraphs, flags);
        return flags;
    }

    /// <summary>Bios sit just above the footer: the last paragraphs before any trailing boilerplate.</summary>
    static void FlagBios(string text, IReadOnlyList<TextRange> paragraphs, BoilerplateFlag[] flags)
    {
        int footer = flags.Length;
        while (footer > 0 && flags[footer - 1].IsBoilerplate) footer--;
        for (int p = Math.Max(0, footer - BioParagraphsBeforeFooter); p < footer; p++)
        {
            if (flags[p].IsBoilerplate || !BioRule.IsBio(text, paragraphs[p])) continue;
            flags[p] = BoilerplateFlag.Of(BoilerplateKind.Bio);
            // The paragraph under an "About the author" heading is the bio itself.
            if (BioRule.IsHeading(text, paragraphs[p]) && p + 1 < flags.Length && !flags[p + 1].IsBoilerplate)
                flags[p + 1] = BoilerplateFlag.Of(BoilerplateKind.Bio);
        }
    }

    [GeneratedRegex(@"^[(\[]?\s*(?:…|\.{2,})\s*[)\]]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Ellipsis();
}
