using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

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

    /// <summary>
    /// For a column whose row groups come in order by their statistics (each one's min at least the one before's
    /// max: a table written sorted by it), the minimum over each row group and every one after it, and +∞ after the
    /// last; null when a row group has no statistics for it or they are out of order.
    /// </summary>
    public static double[]? RestMinima(IReadOnlyList<ScanUnit> units, string column)
    {
        var mins = new double[units.Count + 1];
        double lastMax = double.NegativeInfinity;
        for (int i = 0; i < units.Count; i++)
        {
            if (units[i].RowGroup.Get(column) is not { Min: double min, Max: double max } || min < lastMax) return null;
            mins[i] = min;
            lastMax = max;
        }
        mins[units.Count] = double.PositiveInfinity;
        for (int i = units.Count - 1; i >= 0; i--) mins[i] = Math.Min(mins[i], mins[i + 1]);
        return mins;
    }

    /// <summary>The scan below filters and projections, or null.</summary>
    public static Scan? ScanBelow(LogicalPlan p) => p switch
    {
        Scan s => s,
        Filter f => ScanBelow(f.Input),
        Project pr => ScanBelow(pr.Input),
        _ => null,
    };

    static bool ReachesScan(LogicalPlan p, string column) => p switch
    {
        Scan s => s.Limit is null && s.Columns.Any(c => c.Name == column),
        Filter f => ReachesScan(f.Input, column),
        Project pr => pr.Columns.Any(c => c.Name == column && c.Expr is ColumnRef r && r.Name == column) && ReachesScan(pr.Input, column),
        _ => false,
    };
}
