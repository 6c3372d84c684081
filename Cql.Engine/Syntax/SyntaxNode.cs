using Cql.Engine.Diagnostics;

namespace Cql.Engine.Syntax;

/// <summary>A node of the syntax tree: what the user wrote, with where they wrote it (offsets into the script).</summary>
public abstract record SyntaxNode
{
    public TextSpan Span { get; init; }
}

/// <summary>A name as written, with its span (a table, a column, a let name, an alias).</summary>
public sealed record Name(string Text) : SyntaxNode
{
    public override string ToString() => Text;
}
