using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Cql.Engine.Ingest.Html;

/// <summary>
/// Precision rules applied to the page before the article body is looked for (trafilatura's idea, on top of
/// Readability's scoring): elements that are never the article — navigation, comment sections, related and
/// recommended links, share bars, cookie and newsletter banners, ads, captions, bylines, hidden elements — are
/// removed by their tag, ARIA role, or the words of their class and id. An element that holds the article itself
/// (an <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c> or schema.org articleBody inside it, or a class marking it as the body) is never removed, so a
/// template's wrapper named "page-with-sidebar" keeps its story.
/// </summary>
public static class NoiseRemover
{
    static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "form", "button", "select", "textarea", "input", "iframe", "noscript", "figcaption",
        "dialog", "object", "embed", "video", "audio", "canvas", "map", "menu", "label",
    };

    static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu", "menubar", "banner",
    };

    /// <summary>Parts of a class or id (split at '-', '_' and spaces) that name what is not the article.</summary>
    static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "comment", "comments", "commentlist", "kommentar", "kommentarer", "kommentare", "commentaires", "commenti", "comentarios",
        "disqus", "related", "relaterte", "relatert", "recommended", "recommendations", "recirculation", "recirc", "outbrain",
        "taboola", "share", "sharing", "sharebar", "social", "socials", "newsletter", "cookie", "cookies", "consent", "gdpr",
        "subscribe", "subscription", "advert", "advertisement", "ad", "ads", "adslot", "adunit", "sponsor", "sponsored",
        "promo", "promotion", "breadcrumb", "breadcrumbs", "byline", "caption", "credits", "popup", "modal", "overlay",
        "sidebar", "widget", "footer", "nav", "navbar", "navigation", "menu", "toolbar", "tags", "taglist", "skip", "print",
        "login", "signup", "trending", "popular", "mostread", "readmore", "seealso", "paywall", "banner", "author",
        "bio", "hidden", "visually", "sronly", "screen", "reader", "meta", "topics", "pagination", "pager", "credit",
        "legende", "legend", "bildtext", "bildetekst", "billedtekst", "bildunterschrift", "didascalia", "onderschrift",
        "player", "video", "pullquote", "keypoints", "highlights", "forum", "agenda", "weather", "meteo", "tools", "outils",
        "publi", "signoff", "kicker", "topline", "pinned", "lineup", "lineups", "alineaciones",
    };

    /// <summary>Compound class names that the word split would miss ("articleComments", "relatedStories").</summary>
    static readonly string[] NoiseStems = ["comment", "disqus", "outbrain", "taboola", "newsletter", "cookie", "breadcrumb", "related", "sharing", "recommend", "pull-quote"];

    public static void Remove(IHtmlDocument doc)
    {
        if (doc.Body is null) return;
        var doomed = new List<IElement>();
        foreach (var e in doc.Body.QuerySelectorAll("*"))
            if ((IsNoise(e) || IsDataTable(e)) && !HoldsArticle(e)) doomed.Add(e);
        // Outermost first, so a removed element's descendants are not visited again.
        foreach (var e in doomed)
            if (e.Parent is not null) e.Remove();
        StripEmbedChrome(doc);
    }

    /// <summary>An embedded post keeps its paragraphs, which are quoted text, and loses its chrome (a tweet's
    /// "— Name (@handle) June 7, 2024" line).</summary>
    static void StripEmbedChrome(IHtmlDocument doc)
    {
        foreach (var embed in doc.QuerySelectorAll("blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed"))
            for (var c = embed.FirstChild; c is not null;)
            {
                var next = c.NextSibling;
                if (c is not IElement { LocalName: "p" }) embed.RemoveChild(c);
                c = next;
            }
    }

    static bool IsNoise(IElement e)
    {
        var name = e.LocalName;
        if (name is "article" or "main" or "body") return false;
        if (Tags.Contains(name)) return true;
        if (e.GetAttribute("role") is { } role && Roles.Contains(role)) return true;
        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true") return true;
        if (e.GetAttribute("style") is { } style && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) ||
            style.Contains("display: none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)))
            return true;
        if (name == "header" && e.Closest("article, main") is null) return true;
        return NamedAsNoise(e.ClassName) || NamedAsNoise(e.Id);
    }

    static bool NamedAsNoise(string? names)
    {
        if (string.IsNullOrEmpty(names)) return false;
        var lower = names.ToLowerInvariant();
        foreach (var stem in NoiseStems)
            if (lower.Contains(stem, StringComparison.Ordinal)) return true;
        foreach (var part in lower.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            if (NoiseWords.Contains(part)) return true;
        return false;
    }

    /// <summary>A table of figures, not of layout: it has header cells or a caption, or its cells are short. Its
    /// cells are no paragraphs of prose.</summary>
    static bool IsDataTable(IElement e)
    {
        if (e.LocalName != "table") return false;
        if (e.QuerySelector("th, caption, thead") is not null) return true;
        var cells = e.QuerySelectorAll("td");
        if (cells.Length < 4) return false;
        int chars = 0;
        foreach (var c in cells) chars += c.TextContent.Length;
        return chars / cells.Length < 40;
    }

    /// <summary>The element holds the article, or is its marked body: a paywalled site's "article__body
    /// paywall-content" is the free part of the story, not the paywall box.</summary>
    static bool HoldsArticle(IElement e) =>
        e.Matches(BodyContainer.Marked) || e.QuerySelector("article, main, [itemprop=articleBody], h1") is not null;
}
