using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Cql.Engine.Ingest.Html;

/// <summary>
/// The article's headline. The visible <c>&lt;h1&gt;</c> is the headline as readers see it, when the metadata
/// confirms it (a site's logo or section name is an h1 on some templates); otherwise the metadata's title with the
/// site's name cut off ("Headline | The Outlet", "The Outlet – Headline").
/// </summary>
public static class HeadlineChooser
{
    static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "];

    public static string? Choose(IHtmlDocument doc, string? ldHeadline, MetaTags meta, string? outlet)
    {
        var candidates = new List<string>(4);
        foreach (var t in (ReadOnlySpan<string?>)[ldHeadline, meta.Get("og:title"), meta.Get("twitter:title"), doc.Title])
            if (Whitespace.Collapse(t) is { Length: > 0 } c) candidates.Add(c);
        foreach (var h1 in Headings(doc))
        {
            var text = Whitespace.Collapse(h1.TextContent);
            if (text.Length < 3 || text.Length > 400) continue;
            if (candidates.Count == 0) return text;
            foreach (var c in candidates)
                if (FoldQuotes(c).Contains(FoldQuotes(text), StringComparison.OrdinalIgnoreCase) && (text.Length * 3 >= c.Length || !SameAsOutlet(text, outlet))
                    || ShortenedFrom(WithoutSiteName(c, outlet), text))
                    return text;
        }
        foreach (var c in candidates)
            if (WithoutSiteName(c, outlet) is { Length: > 0 } clean) return clean;
        return null;
    }

    /// <summary>Whether the metadata's title is the h1 cut short, as sites shorten a headline for search results
    /// ("Lecco, il lungolago diventa pedonale da giugno" for the h1 "… da giugno: stop alle auto …"): then the h1,
    /// which readers see, is the headline. Four words at least, so a section name the h1 starts with does not count.</summary>
    static bool ShortenedFrom(string title, string h1) =>
        Words(title) >= 4 && h1.Length > title.Length
        && FoldQuotes(h1).StartsWith(FoldQuotes(title), StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(h1[title.Length]);

    /// <summary>Typographic quotes and apostrophes as ASCII: a page's &lt;title&gt; often spells "l'école" where its
    /// h1 has "l’école".</summary>
    static string FoldQuotes(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch { '\u2019' or '\u2018' or '\u02BC' or '\u00B4' => '\'', '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E' => '"', var c => c };
        return new string(chars);
    }

    /// <summary>h1 elements in the article first, then anywhere.</summary>
    static IEnumerable<IElement> Headings(IHtmlDocument doc)
    {
        foreach (var h in doc.QuerySelectorAll("article h1, main h1, [itemprop=headline]")) yield return h;
        foreach (var h in doc.QuerySelectorAll("h1")) yield return h;
    }

    /// <summary>The title without a part naming the site, at its end or start; a part is the site's when it matches
    /// the outlet, or when it is short beside the rest after a " | ".</summary>
    public static string WithoutSiteName(string title, string? outlet)
    {
        for (int round = 0; round < 2; round++)
        {
            bool cut = false;
            foreach (var sep in Separators)
            {
                int at = title.LastIndexOf(sep, StringComparison.Ordinal);
                if (at > 0)
                {
                    var head = title[..at].Trim();
                    var tail = title[(at + sep.Length)..].Trim();
                    if (SameAsOutlet(tail, outlet) || (sep == " | " && Words(tail) <= 4 && Words(head) > Words(tail)))
                    {
                        title = head;
                        cut = true;
                        break;
                    }
                }
                int first = title.IndexOf(sep, StringComparison.Ordinal);
                if (first > 0 && SameAsOutlet(title[..first], outlet))
                {
                    title = title[(first + sep.Length)..].Trim();
                    cut = true;
                    break;
                }
            }
            if (!cut) break;
        }
        return title;
    }

    static bool SameAsOutlet(string part, string? outlet)
    {
        if (outlet is null) return false;
        var a = Squeeze(part);
        var b = Squeeze(outlet);
        return a.Length > 0 && b.Length > 0 && (a == b || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));
    }

    /// <summary>Letters and digits only, lowercased and without accents, without a leading "www" or a trailing
    /// domain: "www.Le-Monde.fr" → "lemonde", "L'Echo des Vallées" → "lechodesvallees" (hosts spell no accents).</summary>
    public static string Squeeze(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        if (t.StartsWith("www.", StringComparison.Ordinal)) t = t[4..];
        int dot = t.LastIndexOf('.');
        if (dot > 0 && t.Length - dot <= 4 && !t.Contains(' ')) t = t[..dot];
        var sb = new System.Text.StringBuilder(t.Length);
        foreach (var c in t)
            if (char.IsLetterOrDigit(c)) sb.Append(WithoutAccent(c));
        return sb.ToString();
    }

    // The build runs with invariant globalization, where string.Normalize leaves accents on: a table instead.
    const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűýÿšśžźżłř";
    const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuyysszzzlr";

    static char WithoutAccent(char c) => Accented.IndexOf(c) is >= 0 and var i ? Plain[i] : c;

    static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
