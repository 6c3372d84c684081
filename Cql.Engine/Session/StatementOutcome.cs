using Cql.Engine.Execution;

namespace Cql.Engine.Session;

/// <summary>What running one statement produced. The caller prints it; rows are streamed and must be disposed.</summary>
public abstract record StatementOutcome(string StatementText);

/// <summary>A query's rows, still to be read. <see cref="Chart"/> is the chart its chart stage asks for: a terminal
/// draws it (<see cref="Charts.TextChart"/>), anything else gets the rows.</summary>
public sealed record RowsOutcome(string StatementText, IBatchStream Rows) : StatementOutcome(StatementText)
{
    public ChartSpec? Chart { get; init; }
}

/// <summary>Text to show: an explain plan, `show tables`, `describe`, a `let` confirmation.</summary>
public sealed record TextOutcome(string StatementText, string Text) : StatementOutcome(StatementText);

/// <summary>An `export` stage wrote the whole result to a file (or its chart as an image: <see cref="Rows"/> is then
/// the number of rows charted).</summary>
public sealed record ExportOutcome(string StatementText, string Path, long Rows) : StatementOutcome(StatementText);

/// <summary>The statement failed: <see cref="Rendered"/> is the message with line:column and a caret.
/// IsRuntime distinguishes corpus/IO failures (exit 3) from query errors (exit 1).</summary>
public sealed record ErrorOutcome(string StatementText, string Rendered, bool IsRuntime) : StatementOutcome(StatementText);
