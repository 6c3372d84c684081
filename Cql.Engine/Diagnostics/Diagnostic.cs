namespace Cql.Engine.Diagnostics;

/// <summary>How bad a diagnostic is: errors stop a statement; notes explain what the binder did (shown by explain).</summary>
public enum Severity { Error, Note }

/// <summary>
/// A problem (or a note) about the text of a statement, as data: a stable code, the message, where it is, and
/// what to do next. Parsing and binding return these; they never throw at the user.
/// </summary>
/// <param name="Code">Stable identifier, e.g. CQL0102; documented in grammar.md.</param>
/// <param name="Suggestion">A "did you mean" or a next step; null when there is none.</param>
public sealed record Diagnostic(string Code, string Message, TextSpan Span, string? Suggestion = null, Severity Severity = Severity.Error)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The error is in a file the statement reads (a user's table), not in the statement: the CLI exits 3
    /// for it, as for any input that cannot be read, instead of 1.</summary>
    public bool IsInputError { get; init; }
}
