using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Cql.Engine.LanguageData;
using Cql.Engine.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>What a page says about its article beside the text: headline, publication time, authors, outlet,
/// canonical URL and declared language; and whether the page says its article is paywalled.</summary>
public sealed record PageMetadata(string? Title, PublicationTime? Published, IReadOnlyList<string> Authors, string? Outlet, string? Url, string? Lang,
    bool Paywalled = false)
{
    /// <summary>Reads the metadata of <paramref name="doc"/> (before extraction changes it). JSON-LD comes first
    /// (it is written for machines), then OpenGraph and article meta tags, then the page's visible parts.
    /// <paramref name="pageUrl"/> is where the page was fetched (a WARC record's target), used when the page names
    /// no canonical URL, and to find a date in it.</summary>
    public static PageMetadata Read(IHtmlDocument doc, IReadOnlyList<string> jsonLdBlocks, string? pageUrl)
    {
        var ld = JsonLdArticle.Read(jsonLdBlocks);
        var meta = MetaTags.Read(doc);
        var url = Absolute(doc.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"), pageUrl)
            ?? Absolute(meta.Get("og:url"), pageUrl) ?? Absolute(ld?.Url, pageUrl) ?? pageUrl;
        var outlet = meta.Get("og:site_name") ?? ld?.Publisher ?? meta.Get("application-name") ?? SiteNameOnPage(doc, Host(url ?? pageUrl));
        var title = HeadlineChooser.Choose(doc, ld?.Headline, meta, outlet);
        var published = PreferLocal(
            [PublicationTimes.FromMetadata(ld?.DatePublished),
             ..MetaTimes(meta, "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "publish-date",
                "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published"),
             TimeElements(doc)])
            ?? DateInText(doc)
            ?? PublicationTimes.FromUrl(url) ?? PublicationTimes.FromUrl(pageUrl);
        // A meta tag with the day only ("date" = 2024-05-19) and a visible line with that day and its time: the time.
        if (published is { Moment: null } day && DateInText(doc) is { Moment: not null } shown && shown.Date == day.Date) published = shown;
        var authors = Clean(WithoutLeads(ld?.Authors ?? []), outlet) is { Count: > 0 } fromLd ? fromLd : AuthorsOnPage(doc, meta, outlet);
        var lang = LangCode(doc.DocumentElement.GetAttribute("lang")) ?? LangCode(meta.Get("content-language"))
            ?? LangCode(meta.Get("og:locale")) ?? LangCode(ld?.Language);
        return new(title, published, authors, outlet, url, lang, ld?.Paywalled ?? false);
    }

    static IEnumerable<PublicationTime?> MetaTimes(MetaTags meta, params string[] names)
    {
        foreach (var n in names) yield return PublicationTimes.FromMetadata(meta.Get(n));
    }

    /// <summary>The first time found, but in the page's own offset when another source gives the same moment in it:
    /// CMSs write JSON-LD and meta tags in UTC and show local time, and docs.date is the local day.</summary>
    static PublicationTime? PreferLocal(IEnumerable<PublicationTime?> candidates)
    {
        PublicationTime? first = null;
        DateTimeOffset? instant = null;
        foreach (var c in candidates)
        {
            if (c is not { } t) continue;
            if (first is null)
            {
                first = t;
                if (t.Moment is { } m && m.EndsWith("+00:00", StringComparison.Ordinal) && DateTimeOffset.TryParse(m, System.Globalization.CultureInfo.InvariantCulture, out var i)) instant = i;
                else return t;
                continue;
            }
            if (t.Moment is { } other && !other.EndsWith("+00:00", StringComparison.Ordinal) && HasOffset(other) &&
                DateTimeOffset.TryParse(other, System.Globalization.CultureInfo.InvariantCulture, out var o) && o == instant) return t;
        }
        return first;
    }

    static bool HasOffset(string moment) => moment.LastIndexOfAny(['+', '-']) > moment.IndexOf('T');
    /// <summary>A <c>&lt;time&gt;</c> element marked as the publication (itemprop, pubdate, a class saying so),
    /// else the first one in the article.</summary>
    static PublicationTime? TimeElements(IHtmlDocument doc)
    {
        IElement? first = null;
        foreach (var t in doc.QuerySelectorAll("time, [itemprop=datePublished]"))
        {
            var marks = (t.GetAttribute("itemprop") + " " + t.ClassName + " " + t.ParentElement?.ClassName).ToLowerInvariant();
            bool published = t.HasAttribute("pubdate") || marks.Contains("publish") || marks.Contains("datepublished");
            if (marks.Contains("modif") || marks.Contains("update")) continue;
            if (!published && (first is not null || t.Closest("article, main, header, [class*=byline], [class*=meta]") is null)) continue;
            if (published) return Of(t);
            first ??= t;
        }
        return first is null ? null : Of(first);

        static PublicationTime? Of(IElement t) =>
            PublicationTimes.FromMetadata(t.GetAttribute("datetime") ?? t.GetAttribute("content")) ?? PublicationTimes.FromText(t.TextContent);
    }

    /// <summary>The date a page writes in words ("Publisert 9. januar 2025 kl. 14.32", "Erstveröffentlichung: 5. März
    /// 2024, 11:47 Uhr"), in a short line of its own: the first labelled as the publication, else the first with no
    /// label; a line labelled as an update is never the publication.</summary>
    static PublicationTime? DateInText(IHtmlDocument doc)
    {
        if (doc.Body is null) return null;
        PublicationTime? unlabelled = null;
        foreach (var line in BlockText.Paragraphs(doc.Body))
        {
            if (line.Length > 200) continue;
            if (PublicationTimes.FromText(line, inParts: true) is not { } t) continue;
            var kind = PublicationTimes.LabelOf(line);
            if (kind == DateLabel.Published) return t;
            if (kind == DateLabel.None) unlabelled ??= t;
        }
        return unlabelled;
    }

    /// <summary>The site's name where the page shows it without metadata: a side of the title ("Fynske Ugeavis -
    /// Odense åbner …") or the logo's alt text, when it spells the host; else the host.</summary>
    static string? SiteNameOnPage(IHtmlDocument doc, string? host)
    {
        if (host is null) return null;
        // "lahntal-bote.de" is spelt "Lahntal Bote", "news.example.co.uk" has "Example News": any label of the host.
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(l => HeadlineChooser.Squeeze(l)).Where(l => l.Length >= 3).ToHashSet(StringComparer.Ordinal);
        bool SpellsHost(string name) => labels.Contains(HeadlineChooser.Squeeze(name.Replace(".", "", StringComparison.Ordinal)));
        foreach (var part in Whitespace.Collapse(doc.Title).Split([" | ", " - ", " – ", " — ", " · ", " :: "], StringSplitOptions.TrimEntries))
            if (part.Length > 0 && SpellsHost(part)) return part;
        foreach (var img in doc.QuerySelectorAll("[id*=logo] img[alt], [class*=logo] img[alt], img[class*=logo][alt], img[id*=logo][alt]"))
            if (Whitespace.Collapse(img.GetAttribute("alt")) is { Length: > 0 } alt && SpellsHost(alt)) return alt;
        return host;
    }

    /// <summary>The byline's people: the author meta tags, else elements marked as the author or links to an author's
    /// page (never inside the
    /// comments, whose writers are readers), else the first byline-like element; in an author list each item is one
    /// person ("Maria Lindgren, ordförande, …"), and a credit labelled as the photographer's is no author.</summary>
    static List<string> AuthorsOnPage(IHtmlDocument doc, MetaTags meta, string? outlet)
    {
        foreach (var tag in (ReadOnlySpan<string>)["author", "article:author"])
            if (meta.Get(tag) is { } m && !m.Contains("://", StringComparison.Ordinal) &&
                Clean(BylineRule.Names(m) is { Count: > 0 } metaNames ? metaNames : [m], outlet) is { Count: > 0 } fromMeta)
                return fromMeta;
        var found = new List<string>();
        foreach (var e in doc.QuerySelectorAll("[itemprop=author], a[rel~=author], [class*=author-name], [class*=byline__name], " +
            "a[href*=\"/author/\"], a[href*=auteur], a[href*=\"/autor\"], a[href*=\"/forfatter/\"], a[href*=\"/journalist\"]"))
        {
            if (InComments(e) || PhotoCredit(e)) continue;
            var a = e.GetAttribute("itemprop") == "author" && e.QuerySelector("[itemprop=name]") is { } named ? named : e;
            if ((a.GetAttribute("content") ?? Whitespace.Collapse(a.TextContent)) is { Length: > 1 and < 80 } name)
                found.Add(BylineRule.Names(name) is [var first, ..] ? first : name);
        }
        if (found.Count == 0 && BylineLine(doc) is { } line) found.AddRange(BylineRule.Names(line));
        if (found.Count == 0)
            foreach (var b in doc.QuerySelectorAll("[class*=byline], [class*=author], address"))
            {
                if (InComments(b)) continue;
                foreach (var part in BylineParts(b))
                    if (part.Length is > 3 and < 150 && BylineRule.Names(part) is { Count: > 0 } names)
                    {
                        if (b.LocalName is "ul" or "ol" || b.QuerySelector("li") is not null) found.Add(names[0]);
                        else found.AddRange(names);
                    }
                if (found.Count > 0) break;
            }
        return Clean(found, outlet);
    }

    /// <summary>The first short line of the article that is a byline by its words, whatever its markup: "Door Jan
    /// de Vries · 3 min leestijd", "Por María García | Madrid", "Text: Anna Svensson" (its first part, when parts are
    /// separated by "·" or "|", and the names before a comma); the comments' lines are not looked at.</summary>
    static string? BylineLine(IHtmlDocument doc)
    {
        if ((doc.QuerySelector("article") ?? doc.QuerySelector("main") ?? doc.Body) is not { } root) return null;
        foreach (var child in root.Children)
        {
            if (InComments(child) || child.LocalName is "nav" or "footer" or "aside" or "script" or "style") continue;
            foreach (var line in BlockText.Paragraphs(child))
            {
                if (line.Length > 150 || PhotoLabel(line)) continue;
                var part = line.Split([" · ", " | ", " • ", " — "], 2, StringSplitOptions.TrimEntries)[0];
                // A role or a place may follow the names after a comma: "Di Marco Rossi, inviato a Torino".
                int comma = part.IndexOf(", ", StringComparison.Ordinal);
                if (BylineRule.IsByline(part, new TextRange(0, comma < 0 ? part.Length : comma))) return part;
            }
        }
        return null;
    }

    /// <summary>A byline's lines: one per list item when it lists people, one per child block or link otherwise
    /// (text nodes of separate elements run together in TextContent: "Ole StrandFoto Mina Aas"); photo credits out.</summary>
    static IEnumerable<string> BylineParts(IElement byline)
    {
        var items = byline.QuerySelectorAll("li");
        if (items.Length > 0)
        {
            foreach (var li in items)
                if (!PhotoCredit(li) && FirstNameElement(li) is { } t) yield return t;
            yield break;
        }
        var links = byline.QuerySelectorAll("a");
        if (links.Length > 0)
        {
            foreach (var a in links)
                if (!PhotoCredit(a)) yield return Whitespace.Collapse(a.TextContent);
            yield break;
        }
        foreach (var line in BlockText.Paragraphs(byline))
            if (!PhotoLabel(line)) yield return line;
    }

    /// <summary>The person an author-list item names: its bold or linked name when it has one, else its text.</summary>
    static string? FirstNameElement(IElement li) =>
        Whitespace.Collapse((li.QuerySelector("strong, b, a, [itemprop=name]") ?? li).TextContent) is { Length: > 0 } t ? t : null;

    static bool InComments(IElement e) => e.Closest("[class*=comment], [id*=comment], [class*=forum], [id*=forum]") is not null;

    /// <summary>The element's credit, or the line it sits in, starts with a photo label ("Foto Mina Aas", "Photo: …").</summary>
    static bool PhotoCredit(IElement e) =>
        PhotoLabel(Whitespace.Collapse(e.TextContent)) || (e.ParentElement is { } p && PhotoLabel(Whitespace.Collapse(p.TextContent)) &&
            !p.TextContent.TrimStart().StartsWith(e.TextContent.Trim(), StringComparison.Ordinal));

    static readonly string[] PhotoLabels = ["foto", "photo", "photos", "fotos", "bild", "bilder", "billede", "fotografi", "image", "kuva"];

    static bool PhotoLabel(string line)
    {
        foreach (var l in PhotoLabels)
            if (line.Length > l.Length && line.StartsWith(l, StringComparison.OrdinalIgnoreCase) && !char.IsLetter(line[l.Length])) return true;
        return false;
    }

    /// <summary>Names as metadata gives them, a byline's lead dropped ("By Lena Berg" is Lena Berg).</summary>
    static IEnumerable<string> WithoutLeads(IReadOnlyList<string> names)
    {
        foreach (var n in names)
            if (BylineRule.StartsWithLead(n.Trim()) && BylineRule.Names(n.Trim()) is { Count: > 0 } named)
                foreach (var person in named) yield return person;
            else yield return n;
    }

    /// <summary>Distinct names in order; the outlet itself is not an author.</summary>
    static List<string> Clean(IEnumerable<string> names, string? outlet)
    {
        var list = new List<string>();
        foreach (var n in names)
        {
            var name = Whitespace.Collapse(n);
            if (name.Length == 0 || name.Contains("://", StringComparison.Ordinal) || string.Equals(name, outlet, StringComparison.OrdinalIgnoreCase) ||
                DeskCredits.Contains(name)) continue;
            if (!list.Contains(name, StringComparer.OrdinalIgnoreCase)) list.Add(name);
        }
        return list;
    }

    static readonly HashSet<string> DeskCredits = new(LanguageFiles.Entries("boilerplate-words.tsv", "desk-credit"), StringComparer.OrdinalIgnoreCase);

    static string? LangCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim();
        int cut = t.IndexOfAny(['-', '_']);
        if (cut > 0) t = t[..cut];
        t = t.ToLowerInvariant();
        if (t is "nb" or "nn") return "no";
        return t.Length is 2 or 3 && t.All(char.IsAsciiLetterLower) ? t : null;
    }

    static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https") return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var rel)) return rel.ToString();
        return null;
    }

    /// <summary>The host without "www." — the outlet of last resort.</summary>
    static string? Host(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0
            ? (u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host) : null;
}
