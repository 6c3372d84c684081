using Cql.Engine.Planning;
using Cql.Engine.Storage;

namespace Cql.Engine.Optimizing;

/// <summary>
/// `quotes | count by lang` over the whole table is the sum of the value counts ingest keeps per part file
/// (<see cref="Storage.Writing.ValueCounter"/>): a few hundred rows instead of a scan. Applies to a count grouped by
/// one short text column of an unfiltered scan, under a sort that orders the groups completely (count by always
/// sorts by count, then the key), because the counts do not know the order in which groups first appear.
/// Whether the counts cover the table is known when the query runs; otherwise it scans.
/// </summary>
public static class ValueCountRule
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        if (plan is Sort { Input: Aggregate { Keys: [{ Expr: ColumnRef key } k] } a } sort
            && a.Aggregates.All(g => g.Function == AggregateFunction.Count && g.Argument is null)
            && a.Input is Scan { Predicate: null, Limit: null } scan
            && key.Type is ColumnType.String or ColumnType.Date
            && sort.Keys.Any(s => s.Expr is ColumnRef r && r.Name == k.Name))
            return sort with { Input = new CountedGroups(a, scan.Table, key.Name) };
        return plan;
    }
}
