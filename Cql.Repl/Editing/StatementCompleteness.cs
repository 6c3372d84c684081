using Cql.Engine.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using System.Runtime.CompilerServices;

namespace Cql.Repl.Editing;

/// <summary>
/// Decides whether Enter runs what was typed or the editor reads another line: a statement of the language goes on
/// by the rules of <see cref="StatementSplitter"/> (the ones `cql run` uses); a C# line (starting with '>') goes on
/// while Roslyn says the submission is incomplete (an open brace, bracket, parenthesis or verbatim string).
/// </summary>
public static class StatementCompleteness
{
    static readonly CSharpParseOptions ScriptParse = new(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script);

    /// <summary>True when <paramref name="text"/> is unfinished and the editor should read another line.</summary>
    public static bool NeedsMore(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith(':')) return false;
        return trimmed.StartsWith('>') ? CSharpNeedsMore(trimmed[1..]) : StatementSplitter.NeedsMore(text);
    }

    // Kept out of NeedsMore's body so a line of the language never loads Roslyn.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool CSharpNeedsMore(string code) =>
        !SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(code, ScriptParse));
}
