namespace Cql.Engine.Syntax;

/// <summary>One stage of a query: rows in, rows out.</summary>
public abstract record Stage : SyntaxNode
{
    /// <summary>The keyword that starts the stage, for messages ("where", "count by").</summary>
    public abstract string Keyword { get; }
}

/// <summary>An expression with an optional name (select x as y, count by x as y).</summary>
public sealed record SelectItem(SyntaxExpr Expr, Name? Alias) : SyntaxNode;

/// <summary>An order-by key.</summary>
public sealed record OrderKey(SyntaxExpr Expr, bool Descending) : SyntaxNode;

/// <summary>An aggregate call: count(), min(x), max(x), avg(x), sum(x), count_distinct(x), median(x), percentile(x, P),
/// arg_max(x, BY), arg_min(x, BY), list(x), set(x) [as NAME].</summary>
public sealed record AggregateItem(Name Function, SyntaxExpr? Argument, Name? Alias) : SyntaxNode
{
    /// <summary>The arguments after the first (percentile's P, arg_max's BY), as written.</summary>
    public IReadOnlyList<SyntaxExpr> More { get; init; } = [];
}

public sealed record WhereStage(SyntaxExpr Condition) : Stage { public override string Keyword => "where"; }

public sealed record SelectStage(IReadOnlyList<SelectItem> Items) : Stage { public override string Keyword => "select"; }

/// <summary>extend NAME = expr, …: the rows keep every column and gain (or replace) the named ones.</summary>
public sealed record ExtendStage(IReadOnlyList<SelectItem> Items) : Stage { public override string Keyword => "extend"; }

public sealed record OrderByStage(IReadOnlyList<OrderKey> Keys) : Stage { public override string Keyword => "order by"; }

/// <summary>limit N, or limit N by KEYS: the first N rows of each group (top-N per group after an order by).</summary>
public sealed record LimitStage(NumberLiteral Count, IReadOnlyList<SelectItem> By) : Stage { public override string Keyword => By.Count == 0 ? "limit" : "limit by"; }

/// <summary>[left] join ROWS on KEY [= OTHERKEY] [as ALIAS]: the rows of a table or let (a <see cref="NamedSource"/>)
/// or of a user's file (join "PATH": a <see cref="ReadSource"/>) whose OTHERKEY equals KEY; <see cref="OtherKey"/> is
/// null when both sides name the key alike.</summary>
public sealed record JoinStage(Source Rows, SyntaxExpr Key, SyntaxExpr? OtherKey, Name? Alias, bool Left) : Stage
{
    public override string Keyword => Left ? "left join" : "join";
}

/// <summary>count (no keys) or count by KEYS; with distinct VALUE, the different values counted instead of the rows.</summary>
public sealed record CountStage(IReadOnlyList<SelectItem> Keys, SyntaxExpr? DistinctOf = null) : Stage
{
    public override string Keyword => DistinctOf is not null ? "count distinct" : Keys.Count == 0 ? "count" : "count by";
}

public sealed record GroupByStage(IReadOnlyList<SelectItem> Keys, IReadOnlyList<AggregateItem> Aggregates) : Stage { public override string Keyword => "group by"; }

/// <summary>distinct (every column) or distinct COLS.</summary>
public sealed record DistinctStage(IReadOnlyList<SelectItem> Columns) : Stage { public override string Keyword => "distinct"; }

public sealed record SampleStage(NumberLiteral Count, NumberLiteral? Seed) : Stage { public override string Keyword => "sample"; }

public sealed record ExportStage(StringLiteral Path) : Stage { public override string Keyword => "export"; }

/// <summary>| collocations "TERM" [window N] [min N] [by SCORE]: over the text of the rows coming in.</summary>
public sealed record CollocationsStage(CollocationsSpec Spec) : Stage { public override string Keyword => "collocations"; }

/// <summary>| cooccur [in sentences|paragraphs|docs]: entity pairs over the mentions coming in.</summary>
public sealed record CooccurStage(Name? Unit) : Stage { public override string Keyword => "cooccur"; }

/// <summary>fill [COLUMN]: the empty periods of a time series added with 0.</summary>
public sealed record FillStage(Name? Column) : Stage { public override string Keyword => "fill"; }

/// <summary>chart KIND [x COL] [y COL {, COL}] [by COL] [title STRING].</summary>
public sealed record ChartStage(Name Kind, Name? X, IReadOnlyList<Name> Y, Name? By, StringLiteral? Title) : Stage
{
    public override string Keyword => "chart";
}
