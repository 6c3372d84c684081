using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Cql.Engine.Ingest.Html;

/// <summary>
/// The element a template marks as the article body — schema.org's articleBody, the class names CMSs give it
/// (WordPress's entry-content, "article-body", "story-body" …), else the <c>&lt;article&gt;</c> with the most
/// paragraph text, else <c>&lt;main&gt;</c>. The baseline Readability's result is checked against, and the fallback
/// when Readability keeps too little of it.
/// </summary>
public static class BodyContainer
{
    /// <summary>Selectors of the class names and attributes templates give the article body.</summary>
    public const string Marked =
        "[itemprop=articleBody], [class*=article-body], [class*=article__body], [class*=articleBody], [class*=story-body], " +
        "[class*=entry-content], [class*=post-content], [class*=article-content], [class*=article__content], [class*=article-text], " +
        "[class*=story-content], [class*=post-body], [id*=article-body], [id*=articleBody], [class*=body-text], [class*=rich-text]";

    /// <summary>The container and whether a template marked it as the body (true) or it was only the likeliest one.</summary>
    public static (IElement Element, bool Marked)? Find(IHtmlDocument doc)
    {
        IElement? best = null;
        int bestChars = 0;
        foreach (var e in doc.QuerySelectorAll(Marked))
        {
            int chars = ParagraphChars(e);
            // The outermost marked element with most of the text: nested marks ("article-body" inside "article-body-wrapper") agree.
            if (chars > bestChars * 1.2) { best = e; bestChars = chars; }
        }
        if (best is not null && bestChars >= 200) return (best, true);
        best = null;
        bestChars = 0;
        foreach (var e in doc.QuerySelectorAll("article, main"))
        {
            int chars = ParagraphChars(e);
            if (chars > bestChars) { best = e; bestChars = chars; }
        }
        return best is null || bestChars < 200 ? null : (best, false);
    }

    static int ParagraphChars(IElement e)
    {
        int n = 0;
        foreach (var p in e.QuerySelectorAll("p")) n += p.TextContent.Length;
        return n;
    }
}
