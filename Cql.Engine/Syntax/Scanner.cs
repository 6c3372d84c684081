using Cql.Engine.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cql.Engine.Syntax;

/// <summary>What a run of query text is.</summary>
public enum TokenKind
{
    /// <summary>Spaces and tabs (any whitespace but a line break).</summary>
    Whitespace,
    /// <summary>One '\n': where a statement may end.</summary>
    LineBreak,
    /// <summary>-- to the end of the line.</summary>
    Comment,
    /// <summary>A name or keyword: a letter or '_', then letters, ASCII digits and '_'.</summary>
    Word,
    /// <summary>A number (-12, 2.5, 1e5), or digits running into letters (12abc), which the grammar refuses.</summary>
    Number,
    /// <summary>YYYY-MM or YYYY-MM-DD.</summary>
    Date,
    /// <summary>"…" or '…' with backslash escapes; may run to the end of the text unterminated.</summary>
    String,
    /// <summary>Any other character, one at a time: | ( ) , ; = &lt; &gt; ! . and the rest (but a digit of another
    /// script takes the letters and digits after it along).</summary>
    Symbol,
}

/// <summary>A token of query text: its kind and where it is.</summary>
public readonly record struct Token(TokenKind Kind, TextSpan Span, bool Unterminated = false)
{
    /// <summary>Whitespace, line breaks and comments: what separates tokens the grammar reads.</summary>
    public bool IsTrivia => Kind is TokenKind.Whitespace or TokenKind.LineBreak or TokenKind.Comment;
}

/// <summary>
/// The one scanner of query text. The grammar's lexemes, the statement splitter, the nesting check and the REPL's
/// colours all read its tokens, so they agree on where a string, a comment, a number or a word starts and ends.
/// Each token is read from its first character alone (no context), so any offset where a token starts can be
/// scanned from directly. Digits are ASCII only.
/// </summary>
public static class Scanner
{
    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
    public static bool IsNameChar(char c) => char.IsLetter(c) || c == '_' || IsAsciiDigit(c);
    static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The tokens of text[start..end), trivia included, in order.</summary>
    public static List<Token> Tokens(string text, int start, int end)
    {
        var tokens = new List<Token>();
        for (int i = start; i < end; i = tokens[^1].Span.End) tokens.Add(Next(text, i, end));
        return tokens;
    }

    /// <summary>The token that starts at <paramref name="at"/> (before <paramref name="end"/>).</summary>
    public static Token Next(string text, int at, int end)
    {
        char c = text[at];
        if (c == '\n') return new(TokenKind.LineBreak, new TextSpan(at, 1));
        if (char.IsWhiteSpace(c)) return new(TokenKind.Whitespace, TextSpan.FromBounds(at, While(text, at, end, static c => c != '\n' && char.IsWhiteSpace(c))));
        if (c == '-' && Peek(text, at + 1, end) == '-') return new(TokenKind.Comment, TextSpan.FromBounds(at, While(text, at, end, static c => c != '\n')));
        if (c is '"' or '\'')
        {
            int e = StringEnd(text, at, end, out bool closed);
            return new(TokenKind.String, TextSpan.FromBounds(at, e), !closed);
        }
        if (IsNameStart(c)) return new(TokenKind.Word, TextSpan.FromBounds(at, While(text, at, end, IsNameChar)));
        if (IsAsciiDigit(c) || (c == '-' && IsAsciiDigit(Peek(text, at + 1, end))))
        {
            if (DateLength(text, at, end) is > 0 and var date) return new(TokenKind.Date, new TextSpan(at, date));
            // A number running into a name (12abc, 1.5x) is one token, which the grammar refuses as a whole.
            return new(TokenKind.Number, TextSpan.FromBounds(at, While(text, NumberPrefixEnd(text, at, end), end, IsNameChar)));
        }
        // A digit of another script is no number to the grammar, and the letters after it are no word: "٣where" is
        // not the keyword where.
        if (char.IsDigit(c)) return new(TokenKind.Symbol, TextSpan.FromBounds(at, While(text, at + 1, end, static c => c == '_' || char.IsLetterOrDigit(c))));
        return new(TokenKind.Symbol, new TextSpan(at, 1));
    }

    static char Peek(string text, int at, int end) => at < end ? text[at] : '\0';

    static int While(string text, int at, int end, Func<char, bool> take)
    {
        while (at < end && take(text[at])) at++;
        return at;
    }

    /// <summary>The end of the string whose quote is at <paramref name="at"/>: after its closing quote, or
    /// <paramref name="end"/> when it is never closed. A backslash always takes the next character with it.</summary>
    static int StringEnd(string text, int at, int end, out bool closed)
    {
        char quote = text[at];
        for (int i = at + 1; i < end; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == quote) { closed = true; return i + 1; }
        }
        closed = false;
        return end;
    }

    /// <summary>
    /// The value of a string token. Escapes: \" \' \\ \/ \n \t \r \uXXXX; any other backslash is kept as written, so
    /// regular expressions read naturally: "\bXi\b" is the pattern \bXi\b. A \u without four hex digits gives null
    /// and the span of the escape.
    /// </summary>
    public static string? StringValue(string text, Token token, out TextSpan badEscape)
    {
        badEscape = default;
        int start = token.Span.Start, end = token.Unterminated ? token.Span.End : token.Span.End - 1;
        var sb = new StringBuilder();
        for (int i = start + 1; i < end; i++)
        {
            char c = text[i];
            if (c != '\\') { sb.Append(c); continue; }
            if (++i >= end) break;
            char e = text[i];
            switch (e)
            {
                case '"' or '\'' or '\\' or '/': sb.Append(e); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'u':
                    if (i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        sb.Append((char)code);
                        i += 4;
                        break;
                    }
                    badEscape = new TextSpan(i - 1, 2);
                    return null;
                default: sb.Append('\\').Append(e); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The length of the date (YYYY-MM or YYYY-MM-DD, not running into a name) at <paramref name="at"/>,
    /// or 0. Whether the date exists in the calendar is the grammar's question.</summary>
    public static int DateLength(string text, int at, int end)
    {
        bool Digits(int from, int n)
        {
            if (from + n > end) return false;
            for (int k = from; k < from + n; k++) if (!IsAsciiDigit(text[k])) return false;
            return true;
        }
        if (at >= end || !Digits(at, 4) || at + 4 >= end || text[at + 4] != '-' || !Digits(at + 5, 2)) return 0;
        int length = 7;
        if (at + 7 < end && text[at + 7] == '-' && Digits(at + 8, 2)) length = 10;
        if (at + length < end && IsNameChar(text[at + length])) return 0;
        return length;
    }

    /// <summary>The length of the number at <paramref name="at"/> (optionally negative, an optional fraction and
    /// exponent, not running into a name), or 0.</summary>
    public static int NumberLength(string text, int at, int end)
    {
        int k = NumberPrefixEnd(text, at, end);
        return k == at || (k < end && IsNameChar(text[k])) ? 0 : k - at;
    }

    // Where the digits, fraction and exponent of a number starting at `at` end (at itself when there are no digits).
    static int NumberPrefixEnd(string text, int at, int end)
    {
        int k = at;
        if (k < end && text[k] == '-') k++;
        int digitsStart = k;
        while (k < end && IsAsciiDigit(text[k])) k++;
        if (k == digitsStart) return at;
        if (k + 1 < end && text[k] == '.' && IsAsciiDigit(text[k + 1]))
        {
            k++;
            while (k < end && IsAsciiDigit(text[k])) k++;
        }
        if (k < end && text[k] is 'e' or 'E')
        {
            int e = k + 1;
            if (e < end && text[e] is '+' or '-') e++;
            if (e < end && IsAsciiDigit(text[e]))
            {
                k = e;
                while (k < end && IsAsciiDigit(text[k])) k++;
            }
        }
        return k;
    }
}
