using Cql.Engine.Execution;
using Cql.Engine.Planning;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// An aggregation whose groups can be handed on as the scan passes them (<see cref="ClusteredAggregateOperator"/>):
/// an integer key that reaches a scan unchanged through filters and projections, which hand on each row group's rows
/// as they come. Whether the table is in order by it is the scan's to say, from its row groups' statistics.
/// </summary>
public static class ClusteredKeyChoice
{
    /// <summary>The keys that may cluster the input, in key order; empty when the input is not a scan below filters
    /// and projections.</summary>
    public static IReadOnlyList<string> Candidates(LogicalPlan input, IReadOnlyList<NamedExpr> keys)
    {
        var names = new List<string>();
        foreach (var k in keys)
            if (k.Expr is ColumnRef { Type: ColumnType.Int32 or ColumnType.Int64 } r && r.Name == k.Name && ReachesScan(input, r.Name))
                names.Add(r.Name);
        return names;
    }

    static bool ReachesScan(LogicalPlan p, string column) => p switch
    {
        Scan s => s.Limit is null && s.Columns.Any(c => c.Name == column),
        Filter f => ReachesScan(f.Input, column),
        Project pr => pr.Columns.Any(c => c.Name == column && c.Expr is ColumnRef r && r.Name == column) && ReachesScan(pr.Input, column),
        _ => false,
    };
}
