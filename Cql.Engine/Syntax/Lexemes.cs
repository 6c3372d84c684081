using Cql.Engine.Diagnostics;
using Sprache;
using System.Globalization;

namespace Cql.Engine.Syntax;

/// <summary>
/// The tokens of the language as Sprache parsers. Each reads one token at the current position and then the
/// whitespace and comments after it; on failure it consumes nothing, so XOr/XMany/XOptional commit exactly when the
/// first token of a rule matched, and errors keep their position. Where a token starts and ends is the
/// <see cref="Scanner"/>'s to say; these turn its tokens into values (numbers with the invariant culture, checked
/// dates, unescaped strings). Keywords are whole words, case-insensitive ("in" never matches the start of "india").
/// </summary>
internal static class Lexemes
{
    /// <summary>Whitespace and -- comments, any amount.</summary>
    public static readonly Parser<int> Gap = input =>
    {
        var i = input;
        // Only whitespace or '-' can start trivia: the check spares scanning a whole string just to find it is none.
        while (!i.AtEnd && (char.IsWhiteSpace(i.Current) || i.Current == '-'))
        {
            var token = Scanner.Next(i.Source, i.Position, End(i));
            if (!token.IsTrivia) break;
            i = Skip(i, token.Span.Length);
        }
        return Result.Success(0, i);
    };

    // Where the statement the input reads ends: tokens never run past it.
    static int End(IInput i) => ((ScriptInput)i).End;

    /// <summary>The token at the input, or null at the end.</summary>
    static Token? At(IInput i) => i.AtEnd ? null : Scanner.Next(i.Source, i.Position, End(i));

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
        if (At(input) is not { Kind: TokenKind.Word, Span: var span }) return Fail<Name>(input, "a name");
        return Result.Success(new Name(input.Source.Substring(span.Start, span.Length)) { Span = span }, Skip(input, span.Length));
    });

    /// <summary>A keyword as a whole word, any case.</summary>
    public static Parser<Name> Keyword(string keyword) => Lex<Name>(input =>
    {
        if (At(input) is not { Kind: TokenKind.Word, Span: var span } || span.Length != keyword.Length
            || string.Compare(input.Source, span.Start, keyword, 0, span.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return Fail<Name>(input, $"'{keyword}'");
        return Result.Success(new Name(keyword) { Span = span }, Skip(input, span.Length));
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

    /// <summary>"text" or 'text' with backslash escapes (see <see cref="Scanner.StringValue"/>).</summary>
    public static readonly Parser<StringLiteral> String = Lex<StringLiteral>(input =>
    {
        if (At(input) is not { Kind: TokenKind.String } token) return Fail<StringLiteral>(input, "a string");
        if (Scanner.StringValue(input.Source, token, out var badEscape) is not { } value)
            return Reported<StringLiteral>(input, DiagnosticFacts.BadUnicodeEscape(badEscape));
        if (token.Unterminated)
            return Reported<StringLiteral>(input, DiagnosticFacts.UnterminatedString(new TextSpan(token.Span.Start, 1), input.Current));
        return Result.Success(new StringLiteral(value) { Span = token.Span }, Skip(input, token.Span.Length));
    });

    /// <summary>A date: YYYY-MM or YYYY-MM-DD (a bare year is a number; the binder reads it as a date where a date
    /// is compared).</summary>
    public static readonly Parser<DateLiteral> Date = Lex<DateLiteral>(input =>
    {
        int len = Scanner.DateLength(input.Source, input.Position, End(input));
        if (len == 0) return Fail<DateLiteral>(input, "a date");
        var iso = input.Source.Substring(input.Position, len);
        var span = new TextSpan(input.Position, len);
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
        int len = Scanner.NumberLength(input.Source, input.Position, End(input));
        if (len == 0) return Fail<NumberLiteral>(input, "a number");
        var text = input.Source.Substring(input.Position, len);
        var span = new TextSpan(input.Position, len);
        // The scanner takes a '.' or an 'e' only with the digits of a fraction or an exponent.
        bool integer = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            return Reported<NumberLiteral>(input, DiagnosticFacts.NumberOutOfRange(span, text));
        if (integer && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) integer = false;
        return Result.Success(new NumberLiteral(value, integer, text) { Span = span }, Skip(input, len));
    });

    /// <summary>A failure that carries a diagnostic worded by us (kept in the input's <see cref="ParseErrors"/>).</summary>
    public static IResult<T> Reported<T>(IInput at, Diagnostic d)
    {
        ((ScriptInput)at).Errors.Report(at.Position, d);
        return Result.Failure<T>(at, d.Message, []);
    }
}
