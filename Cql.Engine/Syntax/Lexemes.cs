using System.Globalization;
using System.Text;
using Cql.Engine.Diagnostics;
using Sprache;

namespace Cql.Engine.Syntax;

/// <summary>
/// The tokens of the language as Sprache parsers. Each reads one token at the current position and then the
/// whitespace and comments after it; on failure it consumes nothing, so XOr/XMany/XOptional commit exactly when the
/// first token of a rule matched, and errors keep their position. Digits are ASCII only; numbers are parsed with the
/// invariant culture; keywords are whole words, case-insensitive ("in" never matches the start of "india").
/// </summary>
internal static class Lexemes
{
    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
    public static bool IsNameChar(char c) => char.IsLetter(c) || c == '_' || IsAsciiDigit(c);
    static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Whitespace and -- comments, any amount.</summary>
    public static readonly Parser<int> Gap = input =>
    {
        var i = input;
        while (!i.AtEnd)
        {
            if (char.IsWhiteSpace(i.Current)) { i = i.Advance(); continue; }
            if (i.Current == '-' && Peek(i, 1) == '-')
            {
                while (!i.AtEnd && i.Current != '\n') i = i.Advance();
                continue;
            }
            break;
        }
        return Result.Success(0, i);
    };

    static char Peek(IInput i, int ahead) => i.Position + ahead < i.Source.Length ? i.Source[i.Position + ahead] : '\0';

    /// <summary>The token parser followed by the gap after it.</summary>
    public static Parser<T> Lex<T>(Parser<T> token) => input =>
    {
        var r = token(input);
        if (!r.WasSuccessful) return r;
        var g = Gap(r.Remainder);
        return Result.Success(r.Value, g.Remainder);
    };

    static IResult<T> Fail<T>(IInput at, string expected) => Result.Failure<T>(at, $"expected {expected}", [expected]);

    static IInput Skip(IInput i, int n)
    {
        for (int k = 0; k < n; k++) i = i.Advance();
        return i;
    }

    /// <summary>A name: a letter or '_' then letters, ASCII digits and '_'.</summary>
    public static readonly Parser<Name> Word = Lex<Name>(input =>
    {
        if (input.AtEnd || !IsNameStart(input.Current)) return Fail<Name>(input, "a name");
        int start = input.Position, n = 0;
        var i = input;
        while (!i.AtEnd && IsNameChar(i.Current)) { i = i.Advance(); n++; }
        return Result.Success(new Name(input.Source.Substring(start, n)) { Span = new TextSpan(start, n) }, i);
    });

    /// <summary>A keyword as a whole word, any case.</summary>
    public static Parser<Name> Keyword(string keyword) => Lex<Name>(input =>
    {
        int start = input.Position, n = 0;
        var i = input;
        while (!i.AtEnd && IsNameChar(i.Current)) { i = i.Advance(); n++; }
        if (n != keyword.Length || string.Compare(input.Source, start, keyword, 0, n, StringComparison.OrdinalIgnoreCase) != 0)
            return Fail<Name>(input, $"'{keyword}'");
        return Result.Success(new Name(keyword) { Span = new TextSpan(start, n) }, i);
    });

    /// <summary>One punctuation character.</summary>
    public static Parser<TextSpan> Symbol(char c) => Lex<TextSpan>(input =>
        !input.AtEnd && input.Current == c
            ? Result.Success(new TextSpan(input.Position, 1), input.Advance())
            : Fail<TextSpan>(input, $"'{c}'"));

    /// <summary>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
    public static readonly Parser<(BinaryOp Op, TextSpan Span)> ComparisonOperator = Lex<(BinaryOp, TextSpan)>(input =>
    {
        if (input.AtEnd) return Fail<(BinaryOp, TextSpan)>(input, "a comparison (=, !=, <, <=, >, >=)");
        char a = input.Current, b = Peek(input, 1);
        (BinaryOp Op, int Length)? op = (a, b) switch
        {
            ('=', '=') => (BinaryOp.Eq, 2),
            ('!', '=') => (BinaryOp.NotEq, 2),
            ('<', '>') => (BinaryOp.NotEq, 2),
            ('<', '=') => (BinaryOp.LtEq, 2),
            ('>', '=') => (BinaryOp.GtEq, 2),
            ('=', _) => (BinaryOp.Eq, 1),
            ('<', _) => (BinaryOp.Lt, 1),
            ('>', _) => (BinaryOp.Gt, 1),
            _ => null,
        };
        if (op is not { } o) return Fail<(BinaryOp, TextSpan)>(input, "a comparison (=, !=, <, <=, >, >=)");
        return Result.Success((o.Op, new TextSpan(input.Position, o.Length)), Skip(input, o.Length));
    });

    /// <summary>"text" or 'text' with backslash escapes: \" \' \\ \n \t \r \uXXXX. Any other backslash is kept as
    /// written, so regular expressions read naturally: matches "\bXi\b" is the pattern \bXi\b.</summary>
    public static readonly Parser<StringLiteral> String = Lex<StringLiteral>(input =>
    {
        if (input.AtEnd || input.Current is not ('"' or '\'')) return Fail<StringLiteral>(input, "a string");
        char quote = input.Current;
        int start = input.Position;
        var sb = new StringBuilder();
        var i = input.Advance();
        while (!i.AtEnd)
        {
            char c = i.Current;
            if (c == quote)
                return Result.Success(new StringLiteral(sb.ToString()) { Span = TextSpan.FromBounds(start, i.Position + 1) }, i.Advance());
            if (c == '\\')
            {
                int escapeAt = i.Position;
                i = i.Advance();
                if (i.AtEnd) break;
                char e = i.Current;
                switch (e)
                {
                    case '"' or '\'' or '\\' or '/': sb.Append(e); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'u':
                        var hex = i.Position + 4 < i.Source.Length ? i.Source.Substring(i.Position + 1, 4) : "";
                        if (hex.Length == 4 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            i = Skip(i, 4);
                            break;
                        }
                        return Reported<StringLiteral>(input, DiagnosticFacts.BadUnicodeEscape(new TextSpan(escapeAt, 2)));
                    default: sb.Append('\\').Append(e); break;
                }
                i = i.Advance();
                continue;
            }
            sb.Append(c);
            i = i.Advance();
        }
        return Reported<StringLiteral>(input, DiagnosticFacts.UnterminatedString(new TextSpan(start, 1), quote));
    });

    /// <summary>A date: YYYY-MM or YYYY-MM-DD (a bare year is a number; the binder reads it as a date where a date
    /// is compared).</summary>
    public static readonly Parser<DateLiteral> Date = Lex<DateLiteral>(input =>
    {
        var s = input.Source;
        int p = input.Position;
        bool Digits(int at, int n)
        {
            if (at + n > s.Length) return false;
            for (int k = at; k < at + n; k++) if (!IsAsciiDigit(s[k])) return false;
            return true;
        }
        if (input.AtEnd || !Digits(p, 4) || p + 4 >= s.Length || s[p + 4] != '-' || !Digits(p + 5, 2))
            return Fail<DateLiteral>(input, "a date");
        int len = 7;
        if (p + 7 < s.Length && s[p + 7] == '-' && Digits(p + 8, 2)) len = 10;
        if (p + len < s.Length && IsNameChar(s[p + len])) return Fail<DateLiteral>(input, "a date");
        var iso = s.Substring(p, len);
        var span = new TextSpan(p, len);
        if (!IsValidDate(iso)) return Reported<DateLiteral>(input, DiagnosticFacts.InvalidDate(span, iso));
        return Result.Success(new DateLiteral(iso) { Span = span }, Skip(input, len));
    });

    static bool IsValidDate(string iso)
    {
        int month = int.Parse(iso.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return false;
        if (iso.Length == 7) return true;
        int year = int.Parse(iso.AsSpan(0, 4), CultureInfo.InvariantCulture);
        int day = int.Parse(iso.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>An integer or decimal number, optionally negative, with an optional exponent; ASCII digits only.</summary>
    public static readonly Parser<NumberLiteral> Number = Lex<NumberLiteral>(input =>
    {
        var s = input.Source;
        int p = input.Position, k = p;
        if (k < s.Length && s[k] == '-') k++;
        int digitsStart = k;
        while (k < s.Length && IsAsciiDigit(s[k])) k++;
        if (k == digitsStart) return Fail<NumberLiteral>(input, "a number");
        bool integer = true;
        if (k + 1 < s.Length && s[k] == '.' && IsAsciiDigit(s[k + 1]))
        {
            integer = false;
            k++;
            while (k < s.Length && IsAsciiDigit(s[k])) k++;
        }
        if (k < s.Length && s[k] is 'e' or 'E')
        {
            int e = k + 1;
            if (e < s.Length && s[e] is '+' or '-') e++;
            if (e < s.Length && IsAsciiDigit(s[e]))
            {
                integer = false;
                k = e;
                while (k < s.Length && IsAsciiDigit(s[k])) k++;
            }
        }
        if (k < s.Length && IsNameChar(s[k])) return Fail<NumberLiteral>(input, "a number");
        var text = s[p..k];
        var span = TextSpan.FromBounds(p, k);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            return Reported<NumberLiteral>(input, DiagnosticFacts.NumberOutOfRange(span, text));
        if (integer && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) integer = false;
        return Result.Success(new NumberLiteral(value, integer, text) { Span = span }, Skip(input, k - p));
    });

    /// <summary>A failure that carries a diagnostic worded by us (kept in the input's <see cref="ParseErrors"/>).</summary>
    public static IResult<T> Reported<T>(IInput at, Diagnostic d)
    {
        ((ScriptInput)at).Errors.Report(at.Position, d);
        return Result.Failure<T>(at, d.Message, []);
    }
}
