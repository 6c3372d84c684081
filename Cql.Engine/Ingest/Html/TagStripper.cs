using System.Net;
using System.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>The text of markup read without a DOM, for pages too deeply nested to build one: tags dropped,
/// block tags ending paragraphs, entities decoded, white space collapsed.</summary>
public static class TagStripper
{
    static readonly string[] BlockTags = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "table", "ul", "ol", "pre", "header", "footer"];

    public static List<string> Paragraphs(string html)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            int textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i) current.Append(html, i, textEnd - i);
            if (lt < 0) break;
            int gt = html.IndexOf('>', lt);
            if (gt < 0) break;
            if (IsBlock(html.AsSpan(lt + 1, gt - lt - 1))) Flush(current, paragraphs);
            else current.Append(' ');
            i = gt + 1;
        }
        Flush(current, paragraphs);
        return paragraphs;
    }

    static bool IsBlock(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        int end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end])) end++;
        var name = tag[..end];
        foreach (var b in BlockTags)
            if (name.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0) return;
        var text = Whitespace.Collapse(WebUtility.HtmlDecode(current.ToString()));
        current.Clear();
        if (text.Length > 0) paragraphs.Add(text);
    }
}
