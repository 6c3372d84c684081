using Cql.Engine.Planning;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Pushes a limit to where rows are produced: into the scan (which then stops reading row groups), through
/// projections and outer context joins (one row out per row in), and into a sort below it (top-N).
/// </summary>
public static class LimitPushdown
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        return plan is Limit l ? l with { Input = Push(l.Input, l.Count) } : plan;
    }

    static LogicalPlan Push(LogicalPlan input, long n) => input switch
    {
        Scan s => s with { Limit = s.Limit is { } m ? Math.Min(m, n) : n },
        Project p => p with { Input = Push(p.Input, n) },
        ContextJoin { Inner: false } j => j with { Input = Push(j.Input, n) }, // an inner join may drop rows: not below it
        Sort s => s with { Limit = s.Limit is { } m ? Math.Min(m, n) : n },
        Limit l => l with { Count = Math.Min(l.Count, n), Input = Push(l.Input, Math.Min(l.Count, n)) },
        _ => input,
    };
}
