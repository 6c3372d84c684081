namespace Cql.Engine.Execution;

/// <summary>What operators may hold in memory. Tests set it small to drive the paths large inputs take.</summary>
/// <param name="GroupsHeld">Finished groups an aggregation gathers before handing them on: enough to make each batch
/// worth a sort's attention, few enough that its table stays in the cache.</param>
public sealed record ExecutionBudget(int GroupsHeld)
{
    public static readonly ExecutionBudget Default = new(1 << 16);
}
