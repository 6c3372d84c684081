using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>Applies the rewrite rules in order. Row-group pruning happens when a scan is laid out, from the pushed
/// predicate (<see cref="RowGroupPruning"/>).</summary>
public static class Optimizer
{
    public static LogicalPlan Optimize(LogicalPlan plan)
    {
        plan = DocFilterIntoJoin.Apply(plan);
        plan = PredicatePushdown.Apply(plan);
        plan = LimitPushdown.Apply(plan);
        plan = ColumnPruning.Apply(plan);
        plan = TermIndexRule.Apply(plan);
        plan = ValueCountRule.Apply(plan);
        return plan;
    }
}
