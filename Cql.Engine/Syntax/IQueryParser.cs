using Cql.Engine.Diagnostics;

namespace Cql.Engine.Syntax;

/// <summary>One statement of a script: its span, and its tree or why it has none.</summary>
public sealed record ParsedStatement(TextSpan Span, Statement? Statement, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Statement is not null;
}

/// <summary>
/// Text → syntax trees with diagnostics; never throws. Behind an interface so another parser library (Superpower)
/// could replace Sprache without touching the binder or the session.
/// </summary>
public interface IQueryParser
{
    /// <summary>The statements of a script, in order; each parsed on its own, so one bad statement does not hide
    /// the others.</summary>
    IReadOnlyList<ParsedStatement> Parse(string script);
}
