using Cql.Engine.Core;
using Cql.Engine.Planning;

namespace Cql.Tests.Planning;

/// <summary>
/// <see cref="ExprTree"/> is the one place that knows each expression kind's shape. Every kind must be in it: one
/// that is not would be an error in every walker, so this test builds each <see cref="Expr"/> subtype by reflection
/// and checks that the walker finds its sub-expressions and rebuilds it over new ones.
/// </summary>
public sealed class ExprTreeTests
{
    static IEnumerable<Type> ExprKinds() =>
        typeof(Expr).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Expr)) && !t.IsAbstract);

    public static TheoryData<string> Kinds() => new(ExprKinds().Select(t => t.Name));

    /// <summary>An instance of the kind through its public constructor, with a distinct column for each
    /// sub-expression (returned in order).</summary>
    static (Expr Node, List<Expr> Children) Build(Type kind)
    {
        var ctor = kind.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var children = new List<Expr>();
        var args = ctor.GetParameters().Select(p => Sample(p.ParameterType, children)).ToArray();
        return ((Expr)ctor.Invoke(args), children);
    }

    static object? Sample(Type type, List<Expr> children)
    {
        if (type == typeof(Expr))
        {
            var child = new ColumnRef("c" + children.Count, ColumnType.String);
            children.Add(child);
            return child;
        }
        if (type == typeof(string)) return "x";
        if (type == typeof(bool)) return false;
        if (type == typeof(object)) return "v";
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type == typeof(IReadOnlyList<Literal>)) return new List<Literal> { Literal.Of(1) };
        // A function call's arguments: two, so the walker must keep their order.
        if (type == typeof(IReadOnlyList<Expr>)) return new List<Expr> { (Expr)Sample(typeof(Expr), children)!, (Expr)Sample(typeof(Expr), children)! };
        // A semi-join's other query is a plan of its own, not a child expression.
        if (type == typeof(LogicalPlan)) return Scan.All(CorpusSchema.Quotes);
        if (type == typeof(ValueSet)) return new ValueSet(() => new ValueSet.Contents([], [], false));
        throw new InvalidOperationException($"the test cannot make a {type.Name}: teach Sample about it");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_expression_kind_is_walked_and_rebuilt_with_its_children(string name)
    {
        var kind = ExprKinds().Single(t => t.Name == name);
        var (node, children) = Build(kind);

        Assert.Equal(children, ExprTree.Children(node));

        var replaced = children.Select((_, i) => (Expr)new ColumnRef("new" + i, ColumnType.String)).ToList();
        var rebuilt = ExprTree.WithChildren(node, replaced);
        Assert.IsType(kind, rebuilt);
        Assert.Equal(replaced, ExprTree.Children(rebuilt));
        // Back over the old children it is the same expression again: nothing else was lost on the way.
        Assert.Equal(node, ExprTree.WithChildren(rebuilt, children));

        Assert.Equal(node, node.Transform(e => e));
        var visited = new List<Expr>();
        node.Visit(visited.Add);
        Assert.Equal([node, .. children], visited);
    }

    sealed record Stray : Expr
    {
        public override ColumnType Type => ColumnType.Bool;
    }

    [Fact]
    public void An_unknown_kind_is_an_error_in_every_walker_never_passed_over()
    {
        var stray = new And(new Stray(), new ColumnRef("a", ColumnType.Bool));
        Assert.Throws<NotSupportedException>(() => Exprs.Columns(stray));
        Assert.Throws<NotSupportedException>(() => stray.Transform(e => e));
        Assert.Throws<NotSupportedException>(() => PlanStages.Where(Scan.All(CorpusSchema.Quotes), stray));
    }

    [Fact]
    public void Transform_rewrites_bottom_up()
    {
        var e = new And(new Compare(CompareOp.Eq, new ColumnRef("a", ColumnType.String), Literal.Of("x")), new Not(new ColumnRef("b", ColumnType.Bool)));
        var renamed = e.Transform(x => x is ColumnRef { Name: "a" } c ? c with { Name = "z" } : x);
        Assert.Equal("(z = \"x\" and not b)", renamed.ToString());
        Assert.Same(e.Right, ((And)renamed).Right);
    }
}
