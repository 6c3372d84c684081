using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cql.Engine.Text;
using SmartReader;
using System.Text.RegularExpressions;

namespace Cql.Engine.Ingest.Html;

/// <summary>One page's article: its main text as paragraphs, its metadata, and notes for the ingest summary on
/// what was unusual about the page (markup cut or read without structure); Paragraphs is empty when the page has no
/// article text.</summary>
public sealed record HtmlArticle(IReadOnlyList<string> Paragraphs, PageMetadata Meta, IReadOnlyList<string> Notes);

/// <summary>
/// An HTML page → its article: the markup scanned (scripts and styles out, nesting measured), parsed by AngleSharp,
/// its metadata read, noise removed by <see cref="NoiseRemover"/>'s precision rules, then the body found by
/// SmartReader (Mozilla's Readability) and checked against the template's own body container
/// (<see cref="BodyContainer"/>), which replaces it when Readability kept too little of it.
/// </summary>
public static partial class HtmlExtractor
{
    /// <summary>Markup beyond this (after scripts and styles) is not parsed: no article is this long, and a DOM of
    /// it would take gigabytes.</summary>
    public const int MaxMarkupChars = 4 << 20;
    /// <summary>Deeper nesting is read without a DOM (real pages nest a few dozen deep).</summary>
    public const int MaxDepth = 1000;
    /// <summary>Pages with more elements are not given to Readability, whose scoring costs about a millisecond an
    /// element on such pages (100,000 elements: minutes): their body is read from the template's container, or the
    /// page's text after the noise rules.</summary>
    public const int MaxReadabilityElements = 30_000;
    /// <summary>Readability's result is replaced by the marked body container when it holds less than this share of it.</summary>
    const double MinShareOfMarkedBody = 0.6;

    static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });

    public static HtmlArticle Extract(string html, string? pageUrl)
    {
        var notes = new List<string>();
        var scan = MarkupScan.Scan(html);
        var markup = scan.Html;
        if (markup.Length > MaxMarkupChars)
        {
            notes.Add($"{markup.Length / 1e6:0.0} M characters of markup besides scripts and styles: only the first {MaxMarkupChars >> 20} M read");
            markup = markup[..MaxMarkupChars];
        }
        if (scan.MaxDepth > MaxDepth)
        {
            notes.Add($"markup nested {scan.MaxDepth} deep (more than {MaxDepth}): read as plain text, without metadata");
            return new(TagStripper.Paragraphs(markup), new PageMetadata(null, null, [], null, pageUrl, null), notes);
        }
        var doc = Parser.ParseDocument(markup);
        var meta = PageMetadata.Read(doc, scan.JsonLd, pageUrl);
        NoiseRemover.Remove(doc);
        var standfirst = Standfirst.Find(doc);
        var marked = BodyContainer.Find(doc);
        var baseline = marked is { } m ? BlockText.Paragraphs(m.Element) : [];
        int elements = doc.All.Length;
        List<string> readable = [];
        if (elements <= MaxReadabilityElements) readable = Readability(doc, meta.Url ?? pageUrl);
        else notes.Add($"{elements:N0} elements (more than {MaxReadabilityElements:N0}): the body is read from the page's own container, without Readability's scoring");
        int readableChars = Chars(readable), baselineChars = Chars(baseline);
        bool useBaseline = readableChars == 0 || (marked is { Marked: true } && readableChars < baselineChars * MinShareOfMarkedBody);
        var paragraphs = useBaseline ? baseline : readable;
        if (paragraphs.Count == 0 && doc.Body is { } body) paragraphs = BlockText.Paragraphs(body);
        paragraphs = WithoutHeadlineAndDates(paragraphs, meta.Title);
        if (standfirst is not null && paragraphs.Count > 0) paragraphs = Standfirst.PutInFront(standfirst, paragraphs);
        // A paywalled page holds the free part only: the document is that teaser, and the summary says so.
        if (meta.Paywalled && paragraphs.Count > 0)
            notes.Add($"paywalled (its JSON-LD says isAccessibleForFree: false): only the free part was read, {Words(paragraphs):N0} words");
        return new(paragraphs, meta, notes);
    }

    /// <summary>The paragraphs of the element Readability settles on (empty when it finds none). The document is
    /// changed by it.</summary>
    static List<string> Readability(IHtmlDocument doc, string? url)
    {
        List<string> found = [];
        var reader = new Reader(url is not null && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url : "http://localhost/", doc)
        {
            Debug = false,
            ContinueIfNotReadable = true,
        };
        reader.AddCustomOperationEnd(article => found = BlockText.Paragraphs(article));
        reader.GetArticle();
        return found;
    }

    /// <summary>The paragraphs without the headline repeated, without lines that are only a date ("22nd October
    /// 2024, 4:12 pm · Updated: …", "Erstveröffentlichung: 5. März 2024") or a live entry's time or match minute
    /// ("10:45 Uhr", "90'+4"), which are metadata, kept in docs, and without site furniture the text rules know
    /// (an "Anzeige" or "Publicidad" label, a wire sign-off "Reporting by …; Editing by …").</summary>
    static List<string> WithoutHeadlineAndDates(List<string> paragraphs, string? title)
    {
        var kept = new List<string>(paragraphs.Count);
        foreach (var p in paragraphs)
        {
            if (title is not null && string.Equals(p, title, StringComparison.Ordinal)) continue;
            if (p.Length <= 200 && PublicationTimes.FromText(p) is not null) continue;
            if (p.Length <= 16 && EntryStamp().IsMatch(p)) continue;
            var whole = new TextRange(0, p.Length);
            if (BannerRule.IsBanner(p, whole) || BylineRule.IsContributorNote(p, whole)) continue;
            kept.Add(p);
        }
        return kept;
    }

    /// <summary>A live entry's stamp: a time of day ("10:45", "9.20 Uhr", "18h05") or a match minute ("33'", "90'+4").</summary>
    [GeneratedRegex(@"^(?:\d{1,2}[:.h]\d{2}(?:\s*(?:Uhr|h|hrs|horas|heures|ore|uur))?|\d{1,3}['’′](?:\s*\+\s*\d{1,2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryStamp();

    static int Words(List<string> paragraphs)
    {
        int n = 0;
        foreach (var p in paragraphs) n += p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return n;
    }

    static int Chars(List<string> paragraphs)
    {
        int n = 0;
        foreach (var p in paragraphs) n += p.Length;
        return n;
    }
}
