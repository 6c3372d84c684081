using Cql.Engine.Diagnostics;
using Sprache;

namespace Cql.Engine.Syntax;

/// <summary>The Sprache implementation of <see cref="IQueryParser"/>: splits the script into statements and parses
/// each with <see cref="Grammar"/>, turning a failure into one diagnostic at the place it happened.</summary>
public sealed class SpracheQueryParser : IQueryParser
{
    public static readonly SpracheQueryParser Instance = new();

    public IReadOnlyList<ParsedStatement> Parse(string script)
    {
        var result = new List<ParsedStatement>();
        foreach (var span in StatementSplitter.Split(script))
            result.Add(ParseStatement(script, span));
        return result;
    }

    /// <summary>Brackets (or nots) nested deeper than this are refused before parsing: the parser recurses once per
    /// level, and a stack overflow would end the process rather than the statement.</summary>
    public const int MaxNesting = 200;

    static ParsedStatement ParseStatement(string script, TextSpan span)
    {
        if (TooDeep(script, span) is { } deep) return new ParsedStatement(span, null, [deep]);
        var errors = new ParseErrors();
        IResult<Statement> r;
        try
        {
            r = Grammar.Statement(new ScriptInput(script, span.Start, span.End, errors));
        }
        catch (ParseException e)
        {
            // Sprache throws only for grammar bugs; report it as a diagnostic rather than crash the session.
            return new ParsedStatement(span, null, [DiagnosticFacts.InternalParserError(new TextSpan(span.Start, 1), e.Message)]);
        }
        if (!r.WasSuccessful)
        {
            int at = r.Remainder.Position;
            var d = errors.At(at) ?? DiagnosticFacts.Unexpected(Token(script, at, span.End), r.Expectations.ToList(), SyntaxFacts.SuggestedWords);
            return new ParsedStatement(span, null, [d]);
        }
        if (!r.Remainder.AtEnd)
            return new ParsedStatement(span, null, [DiagnosticFacts.UnexpectedAfterStatement(Token(script, r.Remainder.Position, span.End),
                r.Value is QueryStatement or LetStatement or ExplainStatement, SyntaxFacts.SuggestedWords)]);
        return new ParsedStatement(span, r.Value, []);
    }

    /// <summary>The first bracket or 'not' that nests deeper than <see cref="MaxNesting"/>, found with a flat walk
    /// over the statement's tokens, or null.</summary>
    static Diagnostic? TooDeep(string script, TextSpan span)
    {
        int depth = 0, nots = 0;
        foreach (var token in Scanner.Tokens(script, span.Start, span.End))
        {
            var at = token.Span;
            switch (token.Kind)
            {
                case TokenKind.Symbol when script[at.Start] == '(':
                    if (++depth > MaxNesting) return DiagnosticFacts.NestedTooDeeply(at, MaxNesting);
                    break;
                case TokenKind.Symbol:
                    if (script[at.Start] == ')') depth = Math.Max(0, depth - 1);
                    nots = 0;
                    break;
                case TokenKind.Word:
                    // Only a run of nots nests: "not not not x".
                    bool isNot = at.Length == 3 && string.Compare(script, at.Start, "not", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                    nots = isNot ? nots + 1 : 0;
                    if (nots > MaxNesting) return DiagnosticFacts.NestedTooDeeply(at, MaxNesting);
                    break;
                case TokenKind.Number or TokenKind.Date:
                    nots = 0;
                    break;
            }
        }
        return null;
    }

    /// <summary>The token at an offset, for messages: a word, a quoted string's start, one character, or the end.</summary>
    internal static (string Text, TextSpan Span) Token(string script, int at, int end)
    {
        if (at >= end) return ("", new TextSpan(Math.Max(0, Math.Min(at, script.Length) - 0), 0));
        int i = at;
        if (Scanner.IsNameStart(script[i]) || char.IsDigit(script[i]))
            while (i < end && (Scanner.IsNameChar(script[i]) || script[i] is '-' or '.' && i + 1 < end && char.IsDigit(script[i + 1]))) i++;
        else i++;
        return (script[at..i], TextSpan.FromBounds(at, i));
    }
}
