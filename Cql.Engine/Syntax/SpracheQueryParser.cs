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

    static ParsedStatement ParseStatement(string script, TextSpan span)
    {
        ParseErrors.Begin();
        IResult<Statement> r;
        try
        {
            r = Grammar.Statement(new ScriptInput(script, span.Start, span.End));
        }
        catch (ParseException e)
        {
            // Sprache throws only for grammar bugs; report it as a diagnostic rather than crash the session.
            return new ParsedStatement(span, null, [DiagnosticFacts.InternalParserError(new TextSpan(span.Start, 1), e.Message)]);
        }
        if (!r.WasSuccessful)
        {
            int at = r.Remainder.Position;
            var d = ParseErrors.At(at) ?? DiagnosticFacts.Unexpected(Token(script, at, span.End), r.Expectations.ToList());
            return new ParsedStatement(span, null, [d]);
        }
        if (!r.Remainder.AtEnd)
            return new ParsedStatement(span, null, [DiagnosticFacts.UnexpectedAfterStatement(Token(script, r.Remainder.Position, span.End), r.Value)]);
        return new ParsedStatement(span, r.Value, []);
    }

    /// <summary>The token at an offset, for messages: a word, a quoted string's start, one character, or the end.</summary>
    internal static (string Text, TextSpan Span) Token(string script, int at, int end)
    {
        if (at >= end) return ("", new TextSpan(Math.Max(0, Math.Min(at, script.Length) - 0), 0));
        int i = at;
        if (Lexemes.IsNameStart(script[i]) || char.IsDigit(script[i]))
            while (i < end && (Lexemes.IsNameChar(script[i]) || script[i] is '-' or '.' && i + 1 < end && char.IsDigit(script[i + 1]))) i++;
        else i++;
        return (script[at..i], TextSpan.FromBounds(at, i));
    }
}
