namespace Cql.Engine.Execution;

/// <summary>What operators may hold in memory. Tests set it small to drive the paths large inputs take.</summary>
/// <param name="GroupsHeld">Finished groups an aggregation gathers before handing them on: enough to make each batch
/// worth a sort's attention, few enough that its table stays in the cache.</param>
/// <param name="GroupsBeforeSpill">Groups an aggregation holds in one table before it sends the rows of new keys to
/// temporary partition files (<see cref="PartitionedAggregation"/>). A group of two keys and a count took about
/// 140 bytes of the process's peak (4.2 million groups, 650 MB), so the default keeps a table near 300 MB, and no
/// suite shape comes near it.</param>
/// <param name="SortBytes">Bytes of rows (as <see cref="BatchBytes"/> estimates them) a sort without a limit holds
/// before it writes them out as a sorted run (<see cref="SortedRuns"/>) and merges the runs at the end. 256 MB: a
/// sort of 2 million quotes with their text held 810 MB whole and 310 MB in runs, at the same CPU.</param>
/// <param name="SpillFolder">Where spilled rows go (a folder of their own inside it); the system's temporary folder
/// when null.</param>
public sealed record ExecutionBudget(int GroupsHeld, int GroupsBeforeSpill = 1 << 21, long SortBytes = 1L << 28, string? SpillFolder = null)
{
    public static readonly ExecutionBudget Default = new(1 << 16);
}
