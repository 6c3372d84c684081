using AngleSharp.Dom;
using System.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>
/// The text of an element as paragraphs: every block element (p, div, headings, list items, quotes, table cells …)
/// and every <c>&lt;br&gt;</c> ends one, inline elements flow into the paragraph around them, white space collapses
/// as a browser renders it (kept inside <c>&lt;pre&gt;</c>). Walks with an explicit stack: deep markup cannot
/// overflow the thread's.
/// </summary>
public static class BlockText
{
    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tr", "td", "th", "caption", "ul", "br", "center", "hgroup", "menu", "body",
    };

    /// <summary>Elements whose content is never text.</summary>
    static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "video", "audio", "canvas", "map",
        "select", "button", "input", "textarea", "head", "title", "math",
    };

    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        bool pendingSpace = false;
        void Flush()
        {
            if (current.Length > 0) paragraphs.Add(current.ToString());
            current.Clear();
            pendingSpace = false;
        }
        // (node, true) marks leaving an element after its children.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        int preDepth = 0;
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                AppendText(text.Data, preDepth > 0, current, ref pendingSpace);
                continue;
            }
            if (node is not IElement e)
            {
                if (node is IDocument or IDocumentFragment) PushChildren(node, stack);
                continue;
            }
            var name = e.LocalName;
            bool block = Blocks.Contains(name);
            if (leaving)
            {
                if (name == "pre") preDepth--;
                if (block) Flush();
                continue;
            }
            if (Skipped.Contains(name)) continue;
            if (block) Flush();
            if (name == "pre") preDepth++;
            stack.Push((e, true));
            PushChildren(e, stack);
        }
        Flush();
        for (int i = paragraphs.Count - 1; i >= 0; i--)
        {
            paragraphs[i] = paragraphs[i].Trim();
            if (paragraphs[i].Length == 0) paragraphs.RemoveAt(i);
        }
        return paragraphs;
    }

    /// <summary>Children last first, by index: AngleSharp finds a node's PreviousSibling by searching its parent's
    /// children, which made a page of 100,000 sibling divs quadratic.</summary>
    static void PushChildren(INode node, Stack<(INode, bool)> stack)
    {
        var children = node.ChildNodes;
        for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
    }

    static void AppendText(string s, bool pre, StringBuilder current, ref bool pendingSpace)
    {
        foreach (var c in s)
        {
            if (pre && c == '\n') { current.Append('\n'); pendingSpace = false; continue; }
            if (char.IsWhiteSpace(c) || c == '\u200B') { pendingSpace = current.Length > 0; continue; }
            if (pendingSpace) { current.Append(' '); pendingSpace = false; }
            current.Append(c == '\u00A0' ? ' ' : c);
        }
    }
}
