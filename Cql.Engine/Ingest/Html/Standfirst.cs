using AngleSharp.Html.Dom;

namespace Cql.Engine.Ingest.Html;

/// <summary>
/// The standfirst (lead, intro, "ingress", subtitle): the paragraph under the headline that summarises the story.
/// Templates put it in the article's header, which Readability leaves out with the headline; it is part of the
/// article's text, so it is found by the names templates give it and put back in front.
/// </summary>
public static class Standfirst
{
    static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "lead", "lede", "standfirst", "intro", "introduction", "subtitle", "subheadline", "subhead", "dek", "deck",
        "ingress", "preamble", "leadtext", "chapeau", "chapo", "entradilla", "sottotitolo", "vorspann",
    };

    const int MinChars = 40, MaxChars = 1200;

    /// <summary>The standfirst's text, or null when the page has none.</summary>
    public static string? Find(IHtmlDocument doc)
    {
        if (doc.Body is null) return null;
        foreach (var e in doc.Body.QuerySelectorAll("p[class], h2[class], div[class], span[class], [itemprop=description]"))
        {
            if (!Named(e.ClassName) && e.GetAttribute("itemprop") != "description") continue;
            if (e.QuerySelector("p, div, h2") is not null && e.LocalName != "p") continue; // a container, not the paragraph
            var text = Whitespace.Collapse(e.TextContent);
            if (text.Length is >= MinChars and <= MaxChars) return text;
        }
        return null;
    }

    static bool Named(string? classes)
    {
        if (string.IsNullOrEmpty(classes)) return false;
        foreach (var part in classes.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            if (Names.Contains(part)) return true;
        return false;
    }

    /// <summary>The paragraphs with the standfirst in front, unless they hold it already.</summary>
    public static List<string> PutInFront(string standfirst, List<string> paragraphs)
    {
        var key = Whitespace.Collapse(standfirst);
        foreach (var p in paragraphs)
            if (p.Contains(key, StringComparison.Ordinal) || (p.Length > 40 && key.Contains(p, StringComparison.Ordinal))) return paragraphs;
        return [standfirst, .. paragraphs];
    }
}
