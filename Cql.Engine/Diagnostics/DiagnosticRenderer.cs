using System.Text;

namespace Cql.Engine.Diagnostics;

/// <summary>
/// Renders a diagnostic for a person: "error: MESSAGE" with line:column, the line of the script, a caret under the
/// span, and the suggestion. The REPL and the CLI print exactly this.
/// </summary>
public static class DiagnosticRenderer
{
    public static string Render(Diagnostic d, string script)
    {
        var (line, column) = LineColumn(script, d.Span.Start);
        int lineStart = d.Span.Start - (column - 1);
        int lineEnd = script.IndexOf('\n', Math.Min(lineStart, script.Length));
        if (lineEnd < 0) lineEnd = script.Length;
        var text = script[lineStart..lineEnd].TrimEnd('\r');
        var sb = new StringBuilder();
        sb.Append(d.IsError ? "error" : "note").Append(' ').Append(d.Code).Append(" at ").Append(line).Append(':').Append(column)
          .Append(": ").Append(d.Message).Append('\n');
        var gutter = line.ToString();
        sb.Append("  ").Append(gutter).Append(" | ").Append(text.Replace('\t', ' ')).Append('\n');
        int caretLength = Math.Max(1, Math.Min(d.Span.Length, Math.Max(1, text.Length - (column - 1))));
        sb.Append("  ").Append(' ', gutter.Length).Append(" | ").Append(' ', column - 1).Append('^', caretLength);
        if (d.Suggestion is not null) sb.Append('\n').Append("  = ").Append(d.Suggestion);
        return sb.ToString();
    }

    /// <summary>1-based line and column of a character offset (tabs count as one column).</summary>
    public static (int Line, int Column) LineColumn(string script, int offset)
    {
        offset = Math.Clamp(offset, 0, script.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (script[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }
}
