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
        var walk = new Boundaries(script);
        int start = 0;
        while (true)
        {
            int end = walk.NextBoundary(start);
            Add(script, walk.Tokens, start, end, spans);
            if (end >= walk.Tokens.Count) break;
            start = end + 1;
        }
        return spans;
    }

    /// <summary>True when the text is an unfinished statement (the REPL then reads another line).</summary>
    public static bool NeedsMore(string text)
    {
        var walk = new Boundaries(text);
        int start = 0;
        while (true)
        {
            int end = walk.NextBoundary(start, atEndOfInput: true);
            if (end >= walk.Tokens.Count) return walk.OpenAtEnd;
            start = end + 1;
        }
    }

    // The statement of tokens [start, end), without the whitespace and comments before it and the whitespace after
    // it (also the whitespace that ends a comment or an unclosed string); a statement of only comments is no statement.
    static void Add(string script, List<Token> tokens, int start, int end, List<TextSpan> spans)
    {
        int first = start;
        while (first < end && tokens[first].IsTrivia) first++;
        if (first == end) return;
        int s = tokens[first].Span.Start, e = tokens[end - 1].Span.End;
        while (e > s && char.IsWhiteSpace(script[e - 1])) e--;
        spans.Add(TextSpan.FromBounds(s, e));
    }

    /// <summary>Walks the tokens of the script, tracking brackets and the last word or symbol of a line.</summary>
    sealed class Boundaries(string text)
    {
        public readonly List<Token> Tokens = Scanner.Tokens(text, 0, text.Length);

        /// <summary>After the last call: whether the text ended inside a string or bracket, or after an open word.</summary>
        public bool OpenAtEnd { get; private set; }

        /// <summary>The index of the ';' or line break that ends the statement starting at token
        /// <paramref name="start"/>, or the number of tokens.</summary>
        public int NextBoundary(int start, bool atEndOfInput = false)
        {
            int depth = 0;
            bool openString = false;
            string lastWord = "";
            char lastSymbol = '\0';
            bool any = false;
            for (int i = start; i < Tokens.Count; i++)
            {
                var t = Tokens[i];
                switch (t.Kind)
                {
                    case TokenKind.String:
                        openString = t.Unterminated;
                        lastWord = "";
                        lastSymbol = text[t.Span.Start];
                        any = true;
                        break;
                    case TokenKind.Word or TokenKind.Number or TokenKind.Date:
                        lastWord = text.Substring(t.Span.Start, t.Span.Length);
                        lastSymbol = '\0';
                        any = true;
                        break;
                    case TokenKind.LineBreak:
                        if (depth == 0 && any && !Continues(lastWord, lastSymbol) && !NextLineContinues(i + 1))
                        {
                            OpenAtEnd = false;
                            return i;
                        }
                        break;
                    case TokenKind.Symbol:
                        char c = text[t.Span.Start];
                        if (c is '(' or '[') depth++;
                        else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
                        if (c == ';' && depth == 0)
                        {
                            OpenAtEnd = false;
                            return i;
                        }
                        lastSymbol = c;
                        lastWord = "";
                        any = true;
                        break;
                }
            }
            OpenAtEnd = openString || depth > 0 || (atEndOfInput && any && Continues(lastWord, lastSymbol));
            return Tokens.Count;
        }

        static bool Continues(string lastWord, char lastSymbol) =>
            lastWord.Length > 0 ? SyntaxFacts.NeedsMore(lastWord) : lastSymbol is '|' or ',' or '=' or '<' or '>' or '!';

        // Whether the next line that is not blank or a comment starts with '|' or a continuation word.
        bool NextLineContinues(int i)
        {
            while (i < Tokens.Count && Tokens[i].IsTrivia) i++;
            if (i == Tokens.Count) return false;
            var t = Tokens[i];
            return t.Kind switch
            {
                TokenKind.Symbol => text[t.Span.Start] is '|' or ')' or ',',
                TokenKind.Word => SyntaxFacts.Continues(text.Substring(t.Span.Start, t.Span.Length)),
                _ => false,
            };
        }
    }
}
