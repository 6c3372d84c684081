using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;

namespace Cql.Engine.Binding;

/// <summary>A statement with every name resolved: what the session runs. Notes say what the binder decided
/// (an alias resolved, a word read as text); explain shows them.</summary>
public abstract record BoundStatement(IReadOnlyList<Diagnostic> Notes);

/// <summary>A query: its logical plan (not yet optimised), where to export the rows, if anywhere, and the chart
/// its chart stage asks for, if any.</summary>
public sealed record BoundQuery(LogicalPlan Plan, BoundExport? Export, IReadOnlyList<Diagnostic> Notes, ChartSpec? Chart = null) : BoundStatement(Notes);

/// <summary>export "PATH" at the end of a query: rows in <paramref name="Format"/>, or, when
/// <paramref name="Image"/> is set, the query's chart drawn as that image.</summary>
public sealed record BoundExport(string Path, OutputFormat Format, ChartImageFormat? Image = null);

public sealed record BoundLet(LetBinding Binding, IReadOnlyList<Diagnostic> Notes) : BoundStatement(Notes);

public sealed record BoundExplain(LogicalPlan Plan, BoundExport? Export, IReadOnlyList<Diagnostic> Notes, ChartSpec? Chart = null) : BoundStatement(Notes);

public sealed record BoundShowTables() : BoundStatement([]);

/// <summary>describe: the columns of a table (with descriptions) or of a let.</summary>
public sealed record BoundDescribe(string Name, IReadOnlyList<ColumnSchema> Columns) : BoundStatement([]);

/// <summary>The statement bound, or the diagnostics that say why not (never both).</summary>
public sealed record BindResult(BoundStatement? Statement, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Statement is not null;
}
