using Cql.Engine.Core;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

namespace Cql.Tests.Planning;

/// <summary>
/// Row-group pruning may skip a row group only when no row in it can match. Two things min/max do not show: NaN
/// (left out of a Float64 column's statistics, as the format asks, yet ordered below every number by the
/// evaluator) and text above U+D7FF (statistics are extremes in UTF-8 byte order, comparisons in UTF-16 order).
/// </summary>
public sealed class RowGroupPruningSoundnessTests
{
    sealed class Stats(string column, object? min, object? max) : IRowGroupStatistics
    {
        public long RowCount => 100;
        public ColumnStatistics? Get(string name) => name == column ? new(min, max, 0) : null;
    }

    static bool MayMatch(Expr e, string column, object? min, object? max) => RowGroupPruning.MayMatch(e, new Stats(column, min, max));

    static Compare Cmp(CompareOp op, string column, ColumnType type, object value, ColumnType literalType) =>
        new(op, new ColumnRef(column, type), new Literal(value, literalType));

    [Fact]
    public void A_float_row_group_may_hold_nan_rows_that_its_min_and_max_do_not_show()
    {
        // Values 5..7 and perhaps NaN: NaN < 0 holds for the evaluator, and not (NaN >= 0) holds.
        Assert.True(MayMatch(Cmp(CompareOp.Lt, "x", ColumnType.Float64, 0.0, ColumnType.Float64), "x", 5.0, 7.0));
        Assert.True(MayMatch(new Not(Cmp(CompareOp.GtEq, "x", ColumnType.Float64, 0.0, ColumnType.Float64)), "x", 5.0, 7.0));
        // What NaN cannot satisfy is still pruned.
        Assert.False(MayMatch(Cmp(CompareOp.Gt, "x", ColumnType.Float64, 10.0, ColumnType.Float64), "x", 5.0, 7.0));
    }

    [Fact]
    public void Integer_row_groups_are_still_pruned_by_range()
    {
        Assert.False(MayMatch(Cmp(CompareOp.Lt, "n", ColumnType.Int32, 0, ColumnType.Int32), "n", 5.0, 7.0));
        Assert.False(MayMatch(new Not(Cmp(CompareOp.GtEq, "n", ColumnType.Int32, 0, ColumnType.Int32)), "n", 5.0, 7.0));
        Assert.True(MayMatch(Cmp(CompareOp.Eq, "n", ColumnType.Int32, 6, ColumnType.Int32), "n", 5.0, 7.0));
    }

    [Fact]
    public void Text_above_the_surrogates_is_never_pruned_on_an_order_it_was_not_written_in()
    {
        // {"\uFFFD", "😀"}: in UTF-8 byte order (the statistics') min is U+FFFD and max the emoji; in UTF-16 order the
        // emoji sorts first, and comparing that way would skip a row group that holds it.
        Assert.True(MayMatch(Cmp(CompareOp.Eq, "s", ColumnType.String, "😀", ColumnType.String), "s", "\uFFFD", "😀"));
        Assert.True(MayMatch(Cmp(CompareOp.Lt, "s", ColumnType.String, "\uE000", ColumnType.String), "s", "\uFFFD", "😀"));
        // Below the surrogates the orders agree and pruning goes on.
        Assert.False(MayMatch(Cmp(CompareOp.Eq, "s", ColumnType.String, "z", ColumnType.String), "s", "b", "d"));
        Assert.True(MayMatch(Cmp(CompareOp.Eq, "s", ColumnType.String, "c", ColumnType.String), "s", "b", "d"));
    }
}
