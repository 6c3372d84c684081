using System.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>What one linear pass over the markup found: the page without its scripts, styles, SVG and comments,
/// the JSON-LD blocks those scripts held, and how deep the remaining elements nest.</summary>
public sealed record ScannedMarkup(string Html, IReadOnlyList<string> JsonLd, int MaxDepth);

/// <summary>
/// A pass over the raw markup before it is parsed. Scripts, styles, SVG and comments are most of a modern news
/// page's bytes and none of its text: dropping them here, as the HTML tokenizer would end them (at the first
/// <c>&lt;/script</c>, <c>--&gt;</c> …), makes the parser and Readability's DOM walks several times cheaper. The
/// nesting depth it counts guards the parser: a page nested thousands deep would build a DOM too deep to walk.
/// </summary>
public static class MarkupScan
{
    // Elements whose end tag is often left out, or that never have one: not counted as nesting.
    static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "html", "head", "body",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingLookup = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ScannedMarkup Scan(string html)
    {
        var kept = new StringBuilder(html.Length);
        var jsonLd = new List<string>();
        int depth = 0, maxDepth = 0, copiedTo = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char next = html[i + 1];
            if (next == '!' && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                int stop = end < 0 ? html.Length : end + 3;
                kept.Append(html, copiedTo, i - copiedTo);
                copiedTo = i = stop;
                continue;
            }
            bool closing = next == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) { i++; continue; }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            int tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0) break;
            bool selfClosing = html[tagEnd - 1] == '/';
            if (!closing && IsRawText(name))
            {
                // Everything to the matching end tag is script data, style or SVG: no text of the article.
                var endTag = "</" + name.ToString();
                int end = html.IndexOf(endTag, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
                int contentEnd = end < 0 ? html.Length : end;
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) &&
                    html.AsSpan(i, tagEnd - i).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                    jsonLd.Add(html[(tagEnd + 1)..contentEnd]);
                int stop = end < 0 ? html.Length : Math.Max(end, html.IndexOf('>', end) + 1);
                kept.Append(html, copiedTo, i - copiedTo);
                copiedTo = i = stop;
                continue;
            }
            if (!selfClosing && !NotNestingLookup.Contains(name))
            {
                if (closing) depth = Math.Max(0, depth - 1);
                else if (++depth > maxDepth) maxDepth = depth;
            }
            i = tagEnd + 1;
        }
        if (copiedTo == 0) return new(html, jsonLd, maxDepth);
        kept.Append(html, copiedTo, html.Length - copiedTo);
        return new(kept.ToString(), jsonLd, maxDepth);
    }

    static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("template", StringComparison.OrdinalIgnoreCase);
}
