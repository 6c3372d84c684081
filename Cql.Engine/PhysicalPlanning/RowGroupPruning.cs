using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// Describes a scan's predicate to the storage in the terms its row-group statistics can judge
/// (<see cref="StatisticsPredicate"/>): comparisons of a column with a constant, null tests, in-lists, semi-joins on ids, and/or/not.
/// A text test says nothing beyond whether the column has values, unless the term index answered it (its row ids
/// then bound the row groups); anything else can take every value, so pruning stays sound.
/// </summary>
public static class RowGroupPruning
{
    /// <summary>The statistics' view of <paramref name="predicate"/>, with the index's answers in <paramref name="hits"/>.
    /// Tests in <paramref name="unresolved"/> (marked for the index, its answer not looked up: explain) can be anything.</summary>
    public static StatisticsPredicate Describe(Expr predicate, IndexHits hits, TermIndexMarks? unresolved = null) => predicate switch
    {
        And a => new StatisticsPredicate.And(Describe(a.Left, hits, unresolved), Describe(a.Right, hits, unresolved)),
        Or o => new StatisticsPredicate.Or(Describe(o.Left, hits, unresolved), Describe(o.Right, hits, unresolved)),
        Not n => new StatisticsPredicate.Not(Describe(n.Operand, hits, unresolved)),
        TextMatch t when unresolved?.Exact(t) is not null => StatisticsPredicate.Anything.Instance,
        Literal { Value: bool b } => new StatisticsPredicate.Constant(b),
        Literal { Value: null } => new StatisticsPredicate.Constant(null),
        IsNull { Operand: ColumnRef c } x => new StatisticsPredicate.IsNull(c.Name, x.Negated),
        Compare { Left: ColumnRef c, Right: Literal l } x => new StatisticsPredicate.Compare(c.Name, c.Type, Op(x.Op), l.Value),
        Compare { Left: Literal l, Right: ColumnRef c } x => new StatisticsPredicate.Compare(c.Name, c.Type, Op(Compare.Flip(x.Op)), l.Value),
        InList { Operand: ColumnRef c } x => new StatisticsPredicate.InList(c.Name, c.Type, x.Values.Select(v => v.Value).ToList()),
        // A semi-join's ids bound the row groups as the index's do (doc_id in xidocs reads only their documents).
        InValueSet { Operand: ColumnRef { Type: ColumnType.Int32 } c } x when SemiJoinSets.AsIds(x.Values) is { } ids
            => new StatisticsPredicate.IdIn(c.Name, ids),
        TextMatch t when hits.Find(t) is { } hit => hit.Exact
            ? new StatisticsPredicate.IdIn(hit.Id.Name, hit.Ids)
            : new StatisticsPredicate.And(new StatisticsPredicate.IdIn(hit.Id.Name, hit.Ids), Describe(t, IndexHits.None)),
        TextMatch { Operand: ColumnRef c } => new StatisticsPredicate.AnyValue(c.Name),
        _ => StatisticsPredicate.Anything.Instance,
    };

    /// <summary>False only when no row of a row group with these statistics can satisfy the predicate.</summary>
    public static bool MayMatch(Expr predicate, IRowGroupStatistics stats) => StatisticsPruning.MayMatch(Describe(predicate, IndexHits.None), stats);

    static StatisticsOp Op(CompareOp op) => op switch
    {
        CompareOp.Eq => StatisticsOp.Eq, CompareOp.NotEq => StatisticsOp.NotEq, CompareOp.Lt => StatisticsOp.Lt,
        CompareOp.LtEq => StatisticsOp.LtEq, CompareOp.Gt => StatisticsOp.Gt, _ => StatisticsOp.GtEq,
    };
}
