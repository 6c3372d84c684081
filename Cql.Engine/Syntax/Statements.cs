namespace Cql.Engine.Syntax;

/// <summary>One statement of a script.</summary>
public abstract record Statement : SyntaxNode;

/// <summary>A query whose rows are the result: SOURCE [where EXPR] (| STAGE)*.</summary>
public sealed record QueryStatement(Query Query) : Statement;

/// <summary>let NAME = QUERY: names a query for later statements.</summary>
public sealed record LetStatement(Name Name, Query Query) : Statement;

/// <summary>explain QUERY: the optimised plan instead of the rows.</summary>
public sealed record ExplainStatement(Query Query) : Statement;

/// <summary>show tables.</summary>
public sealed record ShowTablesStatement : Statement;

/// <summary>describe TABLE (or a let name, or "PATH" of a user's file): its columns.</summary>
public sealed record DescribeStatement(Source Target) : Statement;

/// <summary>A source and the stages it flows through. A `where` right after the source is the first stage.</summary>
public sealed record Query(Source Source, IReadOnlyList<Stage> Stages) : SyntaxNode;

/// <summary>Where rows come from.</summary>
public abstract record Source : SyntaxNode;

/// <summary>A corpus table or a let name.</summary>
public sealed record NamedSource(Name Name) : Source;

/// <summary>read "PATH": a user's own CSV or Parquet file, or a folder of them, as a table.</summary>
public sealed record ReadSource(StringLiteral Path) : Source;

/// <summary>kwic "term" [in TABLE] [width N].</summary>
public sealed record KwicSource(StringLiteral Term, Name? Table, NumberLiteral? Width) : Source;

/// <summary>The options of collocations: "TERM" [window N] [min N] [by SCORE] (and, as a source, [in TABLE]).</summary>
public sealed record CollocationsSpec(StringLiteral Term, NumberLiteral? Window, NumberLiteral? Min, Name? By) : SyntaxNode;

/// <summary>collocations "TERM" [in TABLE] [window N] [min N] [by SCORE]: TABLE | collocations ….</summary>
public sealed record CollocationsSource(CollocationsSpec Spec, Name? Table) : Source;

/// <summary>keywords [in TABLE] where COND [vs where COND] [all]: keyness of the words of one part against another.</summary>
public sealed record KeywordsSource(Name? Table, SyntaxExpr Target, SyntaxExpr? Reference, bool All) : Source;

/// <summary>cooccur [in UNIT]: mentions | cooccur [in UNIT].</summary>
public sealed record CooccurSource(Name? Unit) : Source;
