using Cql.Engine.Diagnostics;

namespace Cql.Engine.Syntax;

/// <summary>
/// Cuts a script into statements. A statement ends at ';' or at a line break, unless it is plainly unfinished:
/// a bracket or quote is open, the line ends with '|', ',', an operator or a word that needs more (and, or, not,
/// where, by, …), or the next line starts with '|' or with a word that cannot start a statement (where, and, or,
/// select, order, …). The REPL uses <see cref="NeedsMore"/> to decide whether Enter runs the text.
/// </summary>
public static class StatementSplitter
{
    /// <summary>The spans of the statements of <paramref name="script"/>, trimmed, without empty ones.</summary>
    public static List<TextSpan> Split(string script)
    {
        var spans = new List<TextSpan>();
        var scan = new Scanner(script);
        int start = 0;
        while (true)
        {
            int end = scan.NextBoundary(start);
            Add(script, start, end, spans);
            if (end >= script.Length) break;
            start = end + 1;
        }
        return spans;
    }

    /// <summary>True when the text is an unfinished statement (the REPL then reads another line).</summary>
    public static bool NeedsMore(string text)
    {
        var scan = new Scanner(text);
        int start = 0;
        while (true)
        {
            int end = scan.NextBoundary(start, atEndOfInput: true);
            if (end >= text.Length) return scan.OpenAtEnd;
            start = end + 1;
        }
    }

    static void Add(string script, int start, int end, List<TextSpan> spans)
    {
        // Trim whitespace and comments at both ends; a statement of only comments is no statement.
        int s = start;
        while (s < end)
        {
            if (char.IsWhiteSpace(script[s])) { s++; continue; }
            if (script[s] == '-' && s + 1 < end && script[s + 1] == '-')
            {
                while (s < end && script[s] != '\n') s++;
                continue;
            }
            break;
        }
        int e = end;
        while (e > s && char.IsWhiteSpace(script[e - 1])) e--;
        if (e > s) spans.Add(TextSpan.FromBounds(s, e));
    }

    /// <summary>Walks the script once, tracking strings, comments and brackets.</summary>
    sealed class Scanner(string text)
    {
        /// <summary>After the last call: whether the text ended inside a string or bracket, or after an open word.</summary>
        public bool OpenAtEnd { get; private set; }

        /// <summary>The offset of the ';' or line break that ends the statement starting at <paramref name="start"/>,
        /// or text.Length.</summary>
        public int NextBoundary(int start, bool atEndOfInput = false)
        {
            int depth = 0;
            char quote = '\0';
            string lastWord = "";
            char lastSymbol = '\0';
            bool any = false;
            int i = start;
            while (i < text.Length)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\' && i + 1 < text.Length) { i += 2; continue; }
                    if (c == quote) quote = '\0';
                    i++;
                    continue;
                }
                if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
                {
                    while (i < text.Length && text[i] != '\n') i++;
                    continue;
                }
                if (c is '"' or '\'') { quote = c; any = true; lastWord = ""; lastSymbol = c; i++; continue; }
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
                if (c == ';' && depth == 0) { OpenAtEnd = false; return i; }
                if (c == '\n' && depth == 0 && any && !Continues(lastWord, lastSymbol) && !NextLineContinues(i + 1))
                {
                    OpenAtEnd = false;
                    return i;
                }
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    int w = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                    lastWord = text[w..i];
                    lastSymbol = '\0';
                    any = true;
                    continue;
                }
                if (!char.IsWhiteSpace(c)) { lastSymbol = c; lastWord = ""; any = true; }
                i++;
            }
            OpenAtEnd = quote != '\0' || depth > 0 || (atEndOfInput && any && Continues(lastWord, lastSymbol));
            return text.Length;
        }

        static bool Continues(string lastWord, char lastSymbol) =>
            lastWord.Length > 0 ? SyntaxFacts.NeedsMore(lastWord) : lastSymbol is '|' or ',' or '=' or '<' or '>' or '!';

        // Whether the next line that is not blank or a comment starts with '|' or a continuation word.
        bool NextLineContinues(int i)
        {
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
                {
                    while (i < text.Length && text[i] != '\n') i++;
                    continue;
                }
                if (c is '|' or ')' or ',') return true;
                int w = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                return i > w && SyntaxFacts.Continues(text[w..i]);
            }
            return false;
        }
    }
}
