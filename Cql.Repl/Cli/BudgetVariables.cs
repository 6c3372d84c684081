using Cql.Engine.Execution;

namespace Cql.Repl.Cli;

/// <summary>
/// The memory budget a user may set for a query's operators through the environment: CQL_SPILL_GROUPS, the groups
/// a grouping holds before it sets the rows of new keys aside in temporary files, and CQL_SPILL_SORT_BYTES, the bytes
/// of rows an <c>order by</c> without a limit holds before it writes them out as a sorted run. Unset means the
/// defaults, under which ordinary queries never spill.
/// </summary>
static class BudgetVariables
{
    public const string Groups = "CQL_SPILL_GROUPS";
    public const string SortBytes = "CQL_SPILL_SORT_BYTES";

    public static ExecutionBudget Read(Func<string, string?> variable)
    {
        var budget = ExecutionBudget.Default;
        if (variable(Groups) is { Length: > 0 } groups) budget = budget with { GroupsBeforeSpill = (int)Positive(Groups, groups, int.MaxValue) };
        if (variable(SortBytes) is { Length: > 0 } bytes) budget = budget with { SortBytes = Positive(SortBytes, bytes, long.MaxValue) };
        return budget;
    }

    static long Positive(string name, string text, long max) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) && n > 0 && n <= max
            ? n
            : throw new UsageException($"{name}={text}: give a whole number from 1 to {max}");
}
