using Cql.Engine.Core;
using Cql.Engine.Optimizing;
using Cql.Engine.Planning;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Planning;

/// <summary>The rewrite rules: what ends up in the scan.</summary>
public sealed class OptimizerTests
{
    static Scan Find(LogicalPlan p) => p as Scan ?? Find(p.Inputs[0]);

    [Fact]
    public void Filter_is_pushed_into_the_scan_and_only_needed_columns_are_read()
    {
        var plan = Optimizer.Optimize(Select(new Filter(Scan.All(CorpusSchema.Quotes), Eq(Str("speaker"), L("Xi"))), "quote_id"));
        var scan = Find(plan);
        Assert.Equal(Eq(Str("speaker"), L("Xi")), scan.Predicate);
        Assert.Equal(["quote_id"], scan.Columns.Select(c => c.Name));
        Assert.IsType<Project>(plan);
    }

    [Fact]
    public void A_count_reads_no_column_and_a_count_where_only_the_predicate_columns()
    {
        var count = new AggregateExpr(AggregateFunction.Count, null, "count");
        var bare = Optimizer.Optimize(new Aggregate(Scan.All(CorpusSchema.Quotes), [], [count]));
        Assert.Empty(Find(bare).Columns);
        var where = Optimizer.Optimize(new Aggregate(new Filter(Scan.All(CorpusSchema.Quotes), Eq(Str("lang"), L("de"))), [], [count]));
        Assert.Empty(Find(where).Columns);
        Assert.NotNull(Find(where).Predicate);
    }

    [Fact]
    public void Limit_reaches_the_scan_through_projection_and_becomes_top_n_over_a_sort()
    {
        var limited = Optimizer.Optimize(new Limit(Select(Scan.All(CorpusSchema.Quotes), "text"), 10));
        Assert.Equal(10, Find(limited).Limit);

        var sorted = Optimizer.Optimize(new Limit(new Sort(Scan.All(CorpusSchema.Quotes), [new SortKey(Int("quote_id"))]), 5));
        var sort = Assert.IsType<Sort>(((Limit)sorted).Input);
        Assert.Equal(5, sort.Limit);
        Assert.Null(Find(sorted).Limit);
    }

    [Fact]
    public void A_filter_above_a_limit_stays_above_it()
    {
        var plan = Optimizer.Optimize(new Filter(new Limit(Scan.All(CorpusSchema.Quotes), 10), Eq(Str("lang"), L("de"))));
        Assert.IsType<Filter>(plan);
        Assert.Null(Find(plan).Predicate);
    }

    [Fact]
    public void Doc_join_pushes_own_conjuncts_below_and_doc_conjuncts_into_the_docs_scan()
    {
        var join = new ContextJoin(Scan.All(CorpusSchema.Quotes), Scan.All(CorpusSchema.Docs), ContextLink.Doc);
        var pred = new And(Eq(Str("lang"), L("de")), Eq(Str("doc.outlet"), L("NRK")));
        var plan = Optimizer.Optimize(Select(new Filter(join, pred), "text", "doc.title"));
        // A missing document cannot have outlet NRK: the filter runs on the documents and the join drops the rest.
        var j = Assert.IsType<ContextJoin>(((Project)plan).Input);
        Assert.True(j.Inner);
        Assert.Equal(Eq(Str("lang"), L("de")), ((Scan)j.Input).Predicate);
        var docs = (Scan)j.Target;
        Assert.Equal(Eq(Str("outlet"), L("NRK")), docs.Predicate);
        Assert.Equal(["doc_id", "title"], docs.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Doc_conjuncts_that_a_missing_document_passes_stay_above_an_outer_join()
    {
        var join = new ContextJoin(Scan.All(CorpusSchema.Quotes), Scan.All(CorpusSchema.Docs), ContextLink.Doc);
        var isNull = new IsNull(new ColumnRef("doc.date", ColumnType.Date));
        var plan = Optimizer.Optimize(Select(new Filter(join, isNull), "text"));
        var filter = Assert.IsType<Filter>(((Project)plan).Input);
        Assert.Equal(isNull, filter.Predicate);
        Assert.False(Assert.IsType<ContextJoin>(filter.Input).Inner);
    }

    [Fact]
    public void A_full_sort_under_a_grouping_that_ignores_order_goes_and_one_it_would_change_stays()
    {
        static bool Sorts(LogicalPlan p) => p is Sort || p.Inputs.Any(Sorts);
        var count = new AggregateExpr(AggregateFunction.Count, null, "count");
        // count by speaker, lang | where count > 1 | count: count by orders its groups by count, which the count ignores
        var groups = new Aggregate(Scan.All(CorpusSchema.Quotes), [new NamedExpr("speaker", Str("speaker")), new NamedExpr("lang", Str("lang"))], [count]);
        var byCount = new Sort(groups, [new SortKey(new ColumnRef("count", ColumnType.Int64), Descending: true)]);
        var over = new Filter(byCount, new Compare(CompareOp.Gt, new ColumnRef("count", ColumnType.Int64), L(1)));
        Assert.False(Sorts(Optimizer.Optimize(new Aggregate(over, [], [count, new AggregateExpr(AggregateFunction.Sum, new ColumnRef("count", ColumnType.Int64), "rows")]))));

        // What the order decides stays sorted: a list's order, a float sum's last digits, the groups of a keyed grouping, a top-N.
        Assert.True(Sorts(Optimizer.Optimize(new Aggregate(byCount, [], [new AggregateExpr(AggregateFunction.List, Str("speaker"), "speakers")]))));
        var floatSum = new AggregateExpr(AggregateFunction.Sum, new FunctionCall(ScalarFunction.Log, [new ColumnRef("count", ColumnType.Int64)], ColumnType.Float64), "s");
        Assert.True(Sorts(Optimizer.Optimize(new Aggregate(byCount, [], [floatSum]))));
        Assert.True(Sorts(Optimizer.Optimize(new Aggregate(byCount, [new NamedExpr("lang", Str("lang"))], [count]))));
        Assert.True(Sorts(Optimizer.Optimize(new Aggregate(byCount with { Limit = 10 }, [], [count]))));
    }
}
