using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Moves filters into the scan below them, where they prune row groups and are evaluated before other columns are
/// read. Passes through doc joins (conjuncts on the input's own columns go below the join), merges stacked filters,
/// and through projections of plain columns.
/// </summary>
public static class PredicatePushdown
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        return plan is Filter f ? Push(f.Input, f.Predicate) : plan;
    }

    static LogicalPlan Push(LogicalPlan input, Expr predicate)
    {
        switch (input)
        {
            case Scan s:
                return s.Limit is null
                    ? s with { Predicate = s.Predicate is null ? predicate : new And(s.Predicate, predicate) }
                    : new Filter(s, predicate); // a limit counts the rows before this filter
            case Filter f:
                return Push(f.Input, new And(f.Predicate, predicate));
            case DocJoin j:
            {
                var own = new HashSet<string>(j.Input.Schema.Select(c => c.Name), StringComparer.Ordinal);
                var below = new List<Expr>();
                var above = new List<Expr>();
                foreach (var c in Exprs.Conjuncts(predicate))
                    (Exprs.Columns(c).All(own.Contains) ? below : above).Add(c);
                LogicalPlan result = below.Count > 0 ? j with { Input = Push(j.Input, Exprs.AndAll(below)!) } : j;
                return above.Count > 0 ? new Filter(result, Exprs.AndAll(above)!) : result;
            }
            case Project p when p.Columns.All(c => c.Expr is ColumnRef):
            {
                // Rename the predicate's columns to the projection's inputs.
                var map = p.Columns.ToDictionary(c => c.Name, c => (ColumnRef)c.Expr, StringComparer.Ordinal);
                return p with { Input = Push(p.Input, Rename(predicate, map)) };
            }
            default:
                return new Filter(input, predicate);
        }
    }

    internal static Expr Rename(Expr e, IReadOnlyDictionary<string, ColumnRef> map) =>
        e.Transform(x => x is ColumnRef c && map.TryGetValue(c.Name, out var r) ? r : x);
}
