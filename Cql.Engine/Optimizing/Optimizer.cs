using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>Applies the logical rewrite rules in order. What depends on the corpus (the term index, value counts,
/// row groups skipped by statistics) is decided after, by the physical planner.</summary>
public static class Optimizer
{
    public static LogicalPlan Optimize(LogicalPlan plan)
    {
        plan = ContextFilterIntoJoin.Apply(plan);
        plan = PredicatePushdown.Apply(plan);
        plan = OrderFreeAggregate.Apply(plan);
        plan = LimitPushdown.Apply(plan);
        plan = ColumnPruning.Apply(plan);
        return plan;
    }
}
