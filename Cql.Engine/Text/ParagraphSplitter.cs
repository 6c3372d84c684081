using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Splits a document into paragraphs. Blank lines separate paragraphs; so does every line break in a text that
/// has no blank lines at all (one paragraph a line, as some exports write). Ranges exclude surrounding whitespace
/// and cover every non-blank character of the text exactly once, in order.
/// </summary>
public static class ParagraphSplitter
{
    public static List<TextRange> Split(string text)
    {
        var result = new List<TextRange>();
        bool blankLineSeparated = HasBlankLine(text);
        int i = 0;
        while (i < text.Length)
        {
            // Skip whitespace between paragraphs.
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length)
            {
                int nl = text.IndexOf('\n', i);
                if (nl < 0) { i = text.Length; break; }
                // The paragraph ends at a line break followed by a blank line (or by any line break when the text
                // has no blank lines at all).
                if (!blankLineSeparated || IsBlankLineAt(text, nl + 1)) { i = nl; break; }
                i = nl + 1;
            }
            int end = i;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            result.Add(new TextRange(start, end));
        }
        return result;
    }

    static bool HasBlankLine(string text)
    {
        for (int nl = text.IndexOf('\n'); nl >= 0 && nl + 1 < text.Length; nl = text.IndexOf('\n', nl + 1))
            if (IsBlankLineAt(text, nl + 1)) return true;
        return false;
    }

    /// <summary>True when the line starting at <paramref name="pos"/> holds only whitespace (or the text ends).</summary>
    static bool IsBlankLineAt(string text, int pos)
    {
        for (int j = pos; j < text.Length; j++)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return true;
    }
}
