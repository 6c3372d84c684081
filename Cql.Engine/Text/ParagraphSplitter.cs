namespace Cql.Engine.Text;

/// <summary>
/// Splits a document into paragraphs. A blank line always ends a paragraph. A single line break ends one too —
/// web exports write a paragraph, a heading or a byline a line, with or without blank lines between — unless it
/// only wraps a line: a line that stops mid-sentence followed by one that starts in lower case, or, in a text
/// hard-wrapped at a fixed width, a line that had no room for the next line's first word. Headings therefore
/// come out as paragraphs of their own. Ranges exclude surrounding white space and cover every non-blank
/// character of the text exactly once, in order.
/// </summary>
public static class ParagraphSplitter
{
    /// <summary>A line's non-blank extent (Start == End for a blank line).</summary>
    readonly record struct Line(int Start, int End)
    {
        public int Length => End - Start;
        public bool IsBlank => Start == End;
    }

    public static List<TextRange> Split(string text)
    {
        var lines = Lines(text);
        int wrapWidth = HardWrapWidth(text, lines);
        var result = new List<TextRange>();
        int start = -1, end = -1;
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            if (line.IsBlank)
            {
                if (start >= 0) result.Add(new TextRange(start, end));
                start = -1;
                continue;
            }
            if (start >= 0 && !IsWrap(text, lines[k - 1], line, wrapWidth))
            {
                result.Add(new TextRange(start, end));
                start = -1;
            }
            if (start < 0) start = line.Start;
            end = line.End;
        }
        if (start >= 0) result.Add(new TextRange(start, end));
        return result;
    }

    static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        int i = 0;
        while (i <= text.Length)
        {
            int nl = text.IndexOf('\n', i);
            int lineEnd = nl < 0 ? text.Length : nl;
            var (s, e) = TextChars.Trim(text, i, lineEnd);
            lines.Add(new Line(s, e));
            if (nl < 0) break;
            i = nl + 1;
        }
        return lines;
    }

    /// <summary>
    /// The width a hard-wrapped text was wrapped at, or 0 when its line breaks are deliberate. Wrapped text is
    /// recognised by its line breaks: most fall mid-sentence, on lines of nearly the same length.
    /// </summary>
    static int HardWrapWidth(string text, List<Line> lines)
    {
        var lengths = new List<int>();
        int midSentence = 0;
        for (int k = 0; k + 1 < lines.Count; k++)
        {
            if (lines[k].IsBlank || lines[k + 1].IsBlank) continue;
            lengths.Add(lines[k].Length);
            if (StopsMidSentence(text, lines[k])) midSentence++;
        }
        if (lengths.Count < 3 || midSentence * 2 < lengths.Count) return 0;
        lengths.Sort();
        int width = lengths[(int)(lengths.Count * 0.9)];
        int nearWidth = 0;
        foreach (var l in lengths) if (l * 10 >= width * 6) nearWidth++;
        return nearWidth * 2 >= lengths.Count && width >= 30 ? width : 0;
    }

    /// <summary>True when the break between lines <paramref name="a"/> and <paramref name="b"/> only wraps text.</summary>
    static bool IsWrap(string text, Line a, Line b, int wrapWidth)
    {
        char first = text[b.Start];
        // "… som handler om\nkjerneinteresser …": a sentence going on in lower case, in any kind of text.
        if (StopsMidSentence(text, a) && char.IsLower(first)) return true;
        if (wrapWidth == 0) return false;
        // A list item or a line of dialogue starts a paragraph.
        if (TextChars.IsDash(first) || first is '•' or '*' or '·' or '>' || (first == '-' && b.Length > 1 && text[b.Start + 1] == ' ')) return false;
        // A short line after a finished sentence is a heading.
        if (!StopsMidSentence(text, a) && b.Length * 10 < wrapWidth * 6 && !StopsMidSentence(text, b) && !EndsSentence(text, b)) return false;
        // The wrapper moves a word to the next line only when it did not fit.
        return a.Length + 1 + FirstWordLength(text, b) > wrapWidth;
    }

    /// <summary>True when a line ends with a letter, digit, comma, hyphen … rather than a sentence end or a colon.</summary>
    static bool StopsMidSentence(string text, Line line)
    {
        int i = line.End - 1;
        while (i > line.Start && (TextChars.IsClosingQuote(text[i]) || TextChars.IsClosingBracket(text[i]))) i--;
        char c = text[i];
        return !TextChars.IsSentenceEnd(c) && c != ':';
    }

    static bool EndsSentence(string text, Line line)
    {
        int i = line.End - 1;
        while (i > line.Start && (TextChars.IsClosingQuote(text[i]) || TextChars.IsClosingBracket(text[i]))) i--;
        return TextChars.IsSentenceEnd(text[i]);
    }

    static int FirstWordLength(string text, Line line)
    {
        int i = line.Start;
        while (i < line.End && !TextChars.IsSpace(text[i])) i++;
        return i - line.Start;
    }
}
