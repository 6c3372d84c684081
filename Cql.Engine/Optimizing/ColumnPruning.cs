using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Narrows every scan to the columns something above it uses, so a count over quotes never reads the text.
/// Walks down with the set of column names each node's consumers need.
/// </summary>
public static class ColumnPruning
{
    public static LogicalPlan Apply(LogicalPlan plan) => Prune(plan, plan.Schema.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));

    static LogicalPlan Prune(LogicalPlan plan, HashSet<string> needed)
    {
        switch (plan)
        {
            case Scan s:
            {
                // May end with no column at all: a count needs rows, not values, and batches carry their row count.
                return s with { Columns = s.Columns.Where(c => needed.Contains(c.Name)).ToList() };
            }
            case Filter f:
                return f with { Input = Prune(f.Input, Union(needed, Exprs.Columns(f.Predicate))) };
            case Project p:
            {
                var cols = p.Columns.Where(c => needed.Contains(c.Name)).ToList();
                var below = new HashSet<string>(StringComparer.Ordinal);
                foreach (var c in cols) Exprs.CollectColumns(c.Expr, below);
                return new Project(Prune(p.Input, below), cols);
            }
            case Aggregate a:
            {
                var below = new HashSet<string>(StringComparer.Ordinal);
                foreach (var k in a.Keys) Exprs.CollectColumns(k.Expr, below);
                foreach (var g in a.Aggregates) foreach (var e in g.Inputs()) Exprs.CollectColumns(e, below);
                return a with { Input = Prune(a.Input, below) };
            }
            case Sort s:
            {
                var below = new HashSet<string>(needed, StringComparer.Ordinal);
                foreach (var k in s.Keys) Exprs.CollectColumns(k.Expr, below);
                return s with { Input = Prune(s.Input, below) };
            }
            case ContextJoin j:
            {
                var targetNeeded = new HashSet<string>(StringComparer.Ordinal) { j.Link.Key };
                foreach (var n in needed) if (n.StartsWith(j.Link.Prefix, StringComparison.Ordinal)) targetNeeded.Add(n[j.Link.Prefix.Length..]);
                var inputNeeded = new HashSet<string>(needed, StringComparer.Ordinal) { j.Link.Key };
                return j with { Input = Prune(j.Input, inputNeeded), Target = Prune(j.Target, targetNeeded) };
            }
            case Join j:
            {
                var otherNeeded = new HashSet<string>(StringComparer.Ordinal) { j.OtherKey };
                foreach (var n in needed) if (n.StartsWith(j.Prefix, StringComparison.Ordinal)) otherNeeded.Add(n[j.Prefix.Length..]);
                var inputNeeded = new HashSet<string>(needed, StringComparer.Ordinal);
                Exprs.CollectColumns(j.Key, inputNeeded);
                return j with { Input = Prune(j.Input, inputNeeded), Other = Prune(j.Other, otherNeeded) };
            }
            case LimitBy l:
            {
                var below = new HashSet<string>(needed, StringComparer.Ordinal);
                foreach (var k in l.Keys) Exprs.CollectColumns(k, below);
                return l with { Input = Prune(l.Input, below) };
            }
            case Kwic k:
                return k with { Input = Prune(k.Input, [WellKnownColumns.DocId, k.IdColumn, WellKnownColumns.Text]) };
            case Collocations c:
                return c with { Input = Prune(c.Input, [WellKnownColumns.Text]) };
            case Keywords k:
                return k with { Input = Prune(k.Input, k.ReferenceColumn is null ? [WellKnownColumns.Text, k.TargetColumn] : [WellKnownColumns.Text, k.TargetColumn, k.ReferenceColumn]) };
            case Cooccur c:
                // Each input's columns are fixed by the planner; a scan keeps its own.
                return c.WithInputs(c.Inputs.Select(i => Prune(i, i.Schema.Select(s => s.Name).ToHashSet(StringComparer.Ordinal))).ToList());
            case Fill f:
                // Every column decides the series and the values a filled row gets.
                return f with { Input = Prune(f.Input, f.Input.Schema.Select(c => c.Name).ToHashSet(StringComparer.Ordinal)) };
            case Distinct d:
                // Every column decides which rows are distinct.
                return d with { Input = Prune(d.Input, d.Input.Schema.Select(c => c.Name).ToHashSet(StringComparer.Ordinal)) };
            default:
                return plan.WithInputs(plan.Inputs.Select(i => Prune(i, needed)).ToList());
        }
    }

    static HashSet<string> Union(HashSet<string> a, HashSet<string> b)
    {
        var u = new HashSet<string>(a, StringComparer.Ordinal);
        u.UnionWith(b);
        return u;
    }
}
