using Cql.Engine.Syntax;
using System.Text;

namespace Cql.Repl.Editing;

/// <summary>
/// Colours a line of the language as the user types it, token by token as the <see cref="Scanner"/> reads it:
/// keywords, strings, numbers and dates, comments, pipes and operators, meta commands. Classes are computed for the
/// whole line and drawn for the visible window, so a line scrolled sideways keeps its colours. A C# line ('>') is left plain but for its marker.
/// </summary>
public sealed class SyntaxHighlighter
{
    enum Kind : byte { Plain, Keyword, Text, Number, Comment, Operator, Meta }

    static string Ansi(Kind k) => k switch
    {
        Kind.Keyword => "\x1b[1;34m",
        Kind.Text => "\x1b[32m",
        Kind.Number => "\x1b[33m",
        Kind.Comment => "\x1b[2m",
        Kind.Operator => "\x1b[35m",
        Kind.Meta => "\x1b[36m",
        _ => "\x1b[0m",
    };

    /// <summary>The characters [from, from+length) of <paramref name="line"/> with colour codes, ending in a reset.</summary>
    public string Render(string line, int from, int length)
    {
        var kinds = Classify(line);
        var sb = new StringBuilder(length + 32);
        var current = Kind.Plain;
        for (int i = from; i < from + length && i < line.Length; i++)
        {
            if (kinds[i] != current) { sb.Append(Ansi(kinds[i])); current = kinds[i]; }
            sb.Append(line[i]);
        }
        if (current != Kind.Plain) sb.Append("\x1b[0m");
        return sb.ToString();
    }

    Kind[] Classify(string line)
    {
        var kinds = new Kind[line.Length];
        int start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start])) start++;
        if (start < line.Length && line[start] == '>') { kinds[start] = Kind.Operator; return kinds; }
        if (start < line.Length && line[start] == ':')
        {
            for (int k = start; k < line.Length && !char.IsWhiteSpace(line[k]); k++) kinds[k] = Kind.Meta;
            return kinds;
        }
        foreach (var token in Scanner.Tokens(line, 0, line.Length))
        {
            var kind = token.Kind switch
            {
                TokenKind.Comment => Kind.Comment,
                TokenKind.String => Kind.Text,
                TokenKind.Number or TokenKind.Date => Kind.Number,
                TokenKind.Word when SyntaxFacts.IsKeyword(line.Substring(token.Span.Start, token.Span.Length)) => Kind.Keyword,
                TokenKind.Symbol when line[token.Span.Start] is '|' or '=' or '<' or '>' or '!' or ';' => Kind.Operator,
                _ => Kind.Plain,
            };
            Array.Fill(kinds, kind, token.Span.Start, token.Span.Length);
        }
        return kinds;
    }
}
