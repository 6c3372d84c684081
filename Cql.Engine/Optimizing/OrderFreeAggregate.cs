using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Drops a full sort (no limit) under an aggregation that gives one row whatever order its input comes in: no keys
/// (whose groups would follow first appearance) and only aggregates whose value does not depend on the order. <c>count
/// by a, b | count</c> sorts every group by count first (count by's order), and holding millions of groups for that
/// sort was the query's peak and most of its time. Filters between keep their rows in any order, so the sort goes
/// from under them too. A float sum or avg keeps the sort: the order of additions moves its last digits.
/// </summary>
public static class OrderFreeAggregate
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        return plan is Aggregate { Keys.Count: 0 } a && a.Aggregates.All(IgnoresOrder) ? a with { Input = Unsorted(a.Input) } : plan;
    }

    static LogicalPlan Unsorted(LogicalPlan input) => input switch
    {
        Sort { Limit: null } s => Unsorted(s.Input),
        Filter f => f with { Input = Unsorted(f.Input) },
        _ => input,
    };

    static bool IgnoresOrder(AggregateExpr a) => a.Function switch
    {
        AggregateFunction.Count or AggregateFunction.CountDistinct or AggregateFunction.Min or AggregateFunction.Max
            or AggregateFunction.Percentile or AggregateFunction.Set => true,
        AggregateFunction.Sum or AggregateFunction.Avg => a.Argument?.Type is ColumnType.Int32 or ColumnType.Int64,
        _ => false, // list keeps the order of its values, arg_max/arg_min give ties to the first row
    };
}
