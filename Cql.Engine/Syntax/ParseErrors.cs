using Cql.Engine.Diagnostics;

namespace Cql.Engine.Syntax;

/// <summary>
/// Diagnostics worded by the grammar itself (an unknown stage, an unterminated string), collected during one parse.
/// Sprache failures carry only a message and a position; these carry the code, span and suggestion. Each is kept
/// with the position its failure was raised at, and is used when the whole parse fails at exactly that position
/// (so one raised in a branch that was later abandoned is never shown). One instance per statement, carried by its
/// <see cref="ScriptInput"/>, so a parse's errors are its own whatever thread runs it.
/// </summary>
internal sealed class ParseErrors
{
    readonly List<(int FailedAt, Diagnostic Diagnostic)> _reported = [];

    public void Report(int failedAt, Diagnostic d) => _reported.Add((failedAt, d));

    /// <summary>The last diagnostic raised at <paramref name="failedAt"/>, or null.</summary>
    public Diagnostic? At(int failedAt)
    {
        for (int i = _reported.Count - 1; i >= 0; i--)
            if (_reported[i].FailedAt == failedAt) return _reported[i].Diagnostic;
        return null;
    }
}
