using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Text;

namespace Cql.Repl.Scripting;

/// <summary>
/// Inserts <see cref="SubmissionCancellation.Check"/> at the start of every loop body and after every label of a C#
/// submission, as text inserted into the original (no reformatting), and maps positions in the result back to the
/// original so compile errors point at what the user typed. A .NET thread cannot be aborted; code that looks at a
/// token can stop, so the loops the user writes are made to look.
/// </summary>
public sealed class CancellationChecks
{
    const string Call = "global::Cql.Repl.Scripting.SubmissionCancellation.Check();";
    static readonly CSharpParseOptions ScriptParse = new(kind: SourceCodeKind.Script);

    readonly List<(int Position, string Text)> _inserts;

    CancellationChecks(string code, List<(int, string)> inserts)
    {
        Code = code;
        _inserts = inserts;
    }

    /// <summary>The code to run: the original with the checks inserted (the original itself when it does not parse,
    /// so syntax errors keep their positions).</summary>
    public string Code { get; }

    /// <summary>Rewrites <paramref name="code"/>.</summary>
    public static CancellationChecks Insert(string code)
    {
        var root = SyntaxFactory.ParseSyntaxTree(code, ScriptParse).GetRoot();
        if (root.ContainsDiagnostics) return new CancellationChecks(code, []);
        var inserts = new List<(int Position, string Text)>();
        foreach (var node in root.DescendantNodes())
        {
            var body = node switch
            {
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                ForStatementSyntax f => f.Statement,
                CommonForEachStatementSyntax f => f.Statement,
                _ => null,
            };
            if (body is BlockSyntax block) inserts.Add((block.OpenBraceToken.Span.End, Call));
            else if (body is not null)
            {
                // A single statement becomes a block holding the check and the statement.
                inserts.Add((body.SpanStart, "{" + Call));
                inserts.Add((body.Span.End, "}"));
            }
            // A backward goto is a loop too: check where it lands.
            if (node is LabeledStatementSyntax label) inserts.Add((label.ColonToken.Span.End, Call));
        }
        inserts.Sort((a, b) => a.Position.CompareTo(b.Position));
        var sb = new StringBuilder(code.Length + inserts.Count * Call.Length);
        int at = 0;
        foreach (var (position, text) in inserts)
        {
            sb.Append(code, at, position - at).Append(text);
            at = position;
        }
        sb.Append(code, at, code.Length - at);
        return new CancellationChecks(sb.ToString(), inserts);
    }

    /// <summary>The offset in what the user typed of <paramref name="offset"/> in <see cref="Code"/> (an offset
    /// inside an inserted check maps to where the check was inserted).</summary>
    public int ToOriginal(int offset)
    {
        int shift = 0;
        foreach (var (position, text) in _inserts)
        {
            if (offset < position + shift) break;
            if (offset < position + shift + text.Length) return position;
            shift += text.Length;
        }
        return offset - shift;
    }
}
