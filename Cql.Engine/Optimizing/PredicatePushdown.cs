using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Moves filters into the scan below them, where they prune row groups and are evaluated before other columns are
/// read. Passes through context joins (conjuncts on the input's own columns go below the join), merges stacked filters,
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
            case ContextJoin j:
            {
                var own = new HashSet<string>(j.Input.Schema.Select(c => c.Name), StringComparer.Ordinal);
                var below = new List<Expr>();
                var above = new List<Expr>();
                foreach (var c in Exprs.Conjuncts(predicate))
                    (Exprs.Columns(c).All(own.Contains) ? below : above).Add(c);
                LogicalPlan result = below.Count > 0 ? j with { Input = Push(j.Input, Exprs.AndAll(below)!) } : j;
                return above.Count > 0 ? new Filter(result, Exprs.AndAll(above)!) : result;
            }
            case Join j:
            {
                // This side's conjuncts go below (a left join keeps a row for each row of this side, so they filter
                // the same rows); the other side's go into it when the join is inner (a left join would keep the row
                // with nulls instead of dropping it).
                var own = new HashSet<string>(j.Input.Schema.Select(c => c.Name), StringComparer.Ordinal);
                var map = j.Other.Schema.ToDictionary(c => j.Prefix + c.Name, c => new ColumnRef(c.Name, c.Type), StringComparer.Ordinal);
                var below = new List<Expr>();
                var other = new List<Expr>();
                var above = new List<Expr>();
                foreach (var c in Exprs.Conjuncts(predicate))
                {
                    var cols = Exprs.Columns(c);
                    if (cols.All(own.Contains)) below.Add(c);
                    else if (!j.Left && cols.Count > 0 && cols.All(map.ContainsKey)) other.Add(Rename(c, map));
                    else above.Add(c);
                }
                LogicalPlan result = j with
                {
                    Input = below.Count > 0 ? Push(j.Input, Exprs.AndAll(below)!) : j.Input,
                    Other = other.Count > 0 ? Push(j.Other, Exprs.AndAll(other)!) : j.Other,
                };
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
