namespace Cql.Engine.Planning;

/// <summary>
/// The one walker over expression trees, as DataFusion's TreeNode: <see cref="Children"/> and
/// <see cref="WithChildren"/> are the only places that know each node kind's shape, and every walk, rewrite and
/// column collection goes through them. A new <see cref="Expr"/> kind is one arm in each of the two switches; a
/// kind missing there is an error, never silently passed through.
/// </summary>
public static class ExprTree
{
    /// <summary>The sub-expressions of a node, in order (the list items of <see cref="InList"/> are constants, and the query of <see cref="InSubquery"/> is a plan of its own, not children).</summary>
    public static IReadOnlyList<Expr> Children(Expr e) => e switch
    {
        ColumnRef or Literal => [],
        Compare c => [c.Left, c.Right],
        InList i => [i.Operand],
        InSubquery i => [i.Operand],
        InValueSet i => [i.Operand],
        TextMatch t => [t.Operand],
        And a => [a.Left, a.Right],
        Or o => [o.Left, o.Right],
        Not n => [n.Operand],
        IsNull n => [n.Operand],
        FunctionCall f => f.Arguments,
        DateBucket b => [b.Argument],
        _ => throw Unknown(e),
    };

    /// <summary>The same node over new children (same count and order as <see cref="Children"/>); the node itself
    /// when they are the same objects.</summary>
    public static Expr WithChildren(Expr e, IReadOnlyList<Expr> children)
    {
        var old = Children(e);
        if (children.Count != old.Count) throw new ArgumentException($"{e.GetType().Name} takes {old.Count} children, not {children.Count}");
        bool same = true;
        for (int i = 0; i < old.Count; i++) same &= ReferenceEquals(old[i], children[i]);
        if (same) return e;
        return e switch
        {
            Compare c => c with { Left = children[0], Right = children[1] },
            InList i => i with { Operand = children[0] },
            InSubquery i => i with { Operand = children[0] },
            InValueSet i => i with { Operand = children[0] },
            TextMatch t => t with { Operand = children[0] },
            And a => new And(children[0], children[1]),
            Or o => new Or(children[0], children[1]),
            Not => new Not(children[0]),
            IsNull n => n with { Operand = children[0] },
            FunctionCall f => f with { Arguments = [.. children] },
            DateBucket b => b with { Argument = children[0] },
            _ => throw Unknown(e),
        };
    }

    /// <summary>Rewrites bottom-up: children first, then <paramref name="rewrite"/> on the node over the new children.</summary>
    public static Expr Transform(this Expr e, Func<Expr, Expr> rewrite)
    {
        var children = Children(e);
        if (children.Count == 0) return rewrite(e);
        var rewritten = new Expr[children.Count];
        for (int i = 0; i < children.Count; i++) rewritten[i] = Transform(children[i], rewrite);
        return rewrite(WithChildren(e, rewritten));
    }

    /// <summary>Calls <paramref name="visit"/> on the node and then on each descendant, parents before children.</summary>
    public static void Visit(this Expr e, Action<Expr> visit)
    {
        visit(e);
        foreach (var c in Children(e)) Visit(c, visit);
    }

    static NotSupportedException Unknown(Expr e) =>
        new($"expression kind {e.GetType().Name} is not known to {nameof(ExprTree)}: add it to Children and WithChildren");
}
