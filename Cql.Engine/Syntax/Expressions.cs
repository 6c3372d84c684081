namespace Cql.Engine.Syntax;

/// <summary>An expression as written, before names and types are resolved.</summary>
public abstract record SyntaxExpr : SyntaxNode;

/// <summary>A bare name: a column, or a symbol when no column has that name (lang = de). doc.FIELD has Qualifier "doc".</summary>
public sealed record NameExpr(Name? Qualifier, Name Name) : SyntaxExpr
{
    public string FullName => Qualifier is null ? Name.Text : Qualifier.Text + "." + Name.Text;
    public override string ToString() => FullName;
}

/// <summary>A literal value.</summary>
public abstract record LiteralExpr : SyntaxExpr;

public sealed record StringLiteral(string Value) : LiteralExpr
{
    public override string ToString() => "\"" + Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

/// <summary>A number as written; IsInteger when it has no fraction or exponent.</summary>
public sealed record NumberLiteral(double Value, bool IsInteger, string Text) : LiteralExpr
{
    public override string ToString() => Text;
}

/// <summary>A date: 2022, 2022-06 or 2022-06-15 (Iso keeps the precision written).</summary>
public sealed record DateLiteral(string Iso) : LiteralExpr
{
    public override string ToString() => Iso;
}

public sealed record BoolLiteral(bool Value) : LiteralExpr
{
    public override string ToString() => Value ? "true" : "false";
}

public sealed record NullLiteral : LiteralExpr
{
    public override string ToString() => "null";
}

public enum BinaryOp { And, Or, Eq, NotEq, Lt, LtEq, Gt, GtEq }

public sealed record BinaryExpr(BinaryOp Op, SyntaxExpr Left, SyntaxExpr Right) : SyntaxExpr;

public sealed record NotExpr(SyntaxExpr Operand) : SyntaxExpr;

/// <summary>X [not] in (V, ...).</summary>
public sealed record InExpr(SyntaxExpr Operand, IReadOnlyList<SyntaxExpr> Values, bool Negated) : SyntaxExpr;

/// <summary>X [not] in NAME[.COLUMN] or X [not] in (QUERY): the values of one column of another query's rows (a
/// semi-join). <see cref="Column"/> is null when the column is left to the binder.</summary>
public sealed record InQueryExpr(SyntaxExpr Operand, Query Query, Name? Column, bool Negated) : SyntaxExpr;

public enum TextOperator { Contains, Has, Matches, StartsWith }

/// <summary>X [not] contains|has|matches|startswith "pattern".</summary>
public sealed record TextPredicateExpr(TextOperator Op, SyntaxExpr Operand, SyntaxExpr Pattern, bool Negated) : SyntaxExpr;

/// <summary>X is [not] null.</summary>
public sealed record IsNullExpr(SyntaxExpr Operand, bool Negated) : SyntaxExpr;

/// <summary>f(args): lower, upper, length, year, month, and in group by the aggregates.</summary>
public sealed record CallExpr(Name Function, IReadOnlyList<SyntaxExpr> Arguments) : SyntaxExpr;
