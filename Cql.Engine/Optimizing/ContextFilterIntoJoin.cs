using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// `quotes where doc.date >= 2020-01-01 | count` filters two million joined rows on a field of a hundred thousand
/// documents. The conjuncts that read only the linked fields (doc., sent., para.) and cannot be true for a missing
/// target (comparisons, in, text tests — not `is null`) move into the target side of the join, which becomes inner:
/// the documents (or paragraphs) are filtered once, in their own scan, and rows whose target fails drop out at the
/// lookup. Runs before predicate pushdown, which then pushes the moved conjuncts into the target's scan.
/// </summary>
public static class ContextFilterIntoJoin
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        if (plan is not Filter { Input: ContextJoin j } f) return plan;
        var moved = new List<Expr>();
        var kept = new List<Expr>();
        foreach (var c in Exprs.Conjuncts(f.Predicate))
            (OnlyLinkedFields(c, j.Link) && NullRejecting(c) ? moved : kept).Add(c);
        if (moved.Count == 0) return plan;
        var map = new Dictionary<string, ColumnRef>(StringComparer.Ordinal);
        foreach (var c in j.Target.Schema) map[j.Link.Prefix + c.Name] = new ColumnRef(c.Name, c.Type);
        var target = new Filter(j.Target, PredicatePushdown.Rename(Exprs.AndAll(moved)!, map));
        LogicalPlan joined = j with { Target = target, Inner = true };
        return kept.Count > 0 ? new Filter(joined, Exprs.AndAll(kept)!) : joined;
    }

    static bool OnlyLinkedFields(Expr e, ContextLink link)
    {
        var cols = Exprs.Columns(e);
        return cols.Count > 0 && cols.All(c => c.StartsWith(link.Prefix, StringComparison.Ordinal));
    }

    /// <summary>Whether the predicate is never true when every column it reads is null (so a missing target fails it).</summary>
    static bool NullRejecting(Expr e) => e switch
    {
        Compare c => c.Left is not Literal { Value: null } && c.Right is not Literal { Value: null } && (HasColumn(c.Left) || HasColumn(c.Right)),
        InList i => HasColumn(i.Operand),
        TextMatch t => HasColumn(t.Operand),
        And a => NullRejecting(a.Left) || NullRejecting(a.Right),
        Or o => NullRejecting(o.Left) && NullRejecting(o.Right),
        Not { Operand: Compare or InList or TextMatch } n => NullRejecting(n.Operand),
        _ => false,
    };

    // A column, or a function of one that is null when an argument is (coalesce and if are not).
    static bool HasColumn(Expr e) => e is ColumnRef
        || e is FunctionCall { Function: not (ScalarFunction.Coalesce or ScalarFunction.If) } f && f.Arguments.Any(HasColumn)
        || e is DateBucket { Argument: var d } && HasColumn(d);
}
