using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>
/// Aggregation over a table in order by a key (the test quotes are sorted by doc_id, row groups of 2048 rows whose
/// boundary documents straddle two of them): finished groups are handed on as the scan passes them. With a budget
/// of a few groups it hands them on hundreds of times; the answer, and its order of first appearance, must be
/// DuckDB's.
/// </summary>
public sealed class ClusteredAggregateTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;
    static readonly ExecutionBudget Tiny = new(7);
    static readonly AggregateExpr CountAll = new(AggregateFunction.Count, null, "count");

    static List<string> RunWith(LogicalPlan plan, CorpusFiles files, ExecutionBudget budget) =>
        TestCorpus.Rows(PhysicalPlanner.Execute(Optimizer.Optimize(plan), files, CancellationToken.None, 2, budget));

    [Fact]
    public void Two_keys_in_first_appearance_order_match_duckdb_when_groups_are_handed_on_every_few()
    {
        var plan = new Aggregate(Quotes(), [new NamedExpr("speaker", Str("speaker")), new NamedExpr("doc_id", Int("doc_id"))], [CountAll]);
        var expected = _c.DuckRows($"SELECT speaker, doc_id, count(*) FROM {_c.Table("quotes")} GROUP BY speaker, doc_id ORDER BY min(quote_id)");
        Assert.Equal(expected, RunWith(plan, _c.Files, Tiny));
        Assert.Equal(expected, RunWith(plan, _c.Files, ExecutionBudget.Default));
    }

    [Fact]
    public void Every_aggregate_after_a_filter_and_a_projection_matches_duckdb()
    {
        var input = Select(new Filter(Quotes(), new InList(Str("lang"), [L("no"), L("de")])), "doc_id", "speaker", "score", "cue");
        var plan = new Aggregate(input, [new NamedExpr("doc_id", Int("doc_id"))],
        [
            CountAll,
            new AggregateExpr(AggregateFunction.Sum, Int("score"), "sum"),
            new AggregateExpr(AggregateFunction.Max, Str("cue"), "cue"),
            new AggregateExpr(AggregateFunction.CountDistinct, Str("speaker"), "speakers"),
        ]);
        Assert.Equal(
            _c.DuckRows($"SELECT doc_id, count(*), sum(score), max(cue), count(DISTINCT speaker) FROM {_c.Table("quotes")} WHERE lang IN ('no', 'de') GROUP BY doc_id ORDER BY min(quote_id)"),
            RunWith(plan, _c.Files, Tiny));
    }

    [Fact]
    public void Distinct_and_a_top_n_over_handed_on_groups_match_duckdb()
    {
        var distinct = new Distinct(Select(Quotes(), "lang", "doc_id"));
        Assert.Equal(_c.DuckRows($"SELECT lang, doc_id FROM {_c.Table("quotes")} GROUP BY lang, doc_id ORDER BY min(quote_id)"),
            RunWith(distinct, _c.Files, Tiny));
        var counted = new Aggregate(Quotes(), [new NamedExpr("lang", Str("lang")), new NamedExpr("doc_id", Int("doc_id"))], [CountAll]);
        var top = new Limit(new Sort(counted, [new SortKey(new ColumnRef("count", ColumnType.Int64), Descending: true), new SortKey(Int("doc_id"))]), 5);
        Assert.Equal(
            _c.DuckRows($"SELECT lang, doc_id, count(*) AS c FROM {_c.Table("quotes")} GROUP BY lang, doc_id ORDER BY c DESC, doc_id LIMIT 5"),
            RunWith(top, _c.Files, Tiny));
    }

    [Fact]
    public void Groups_are_handed_on_in_many_batches_only_for_a_key_the_table_is_in_order_by()
    {
        using var open = new ParquetFileCache();
        var byDoc = PhysicalPlanner.Plan(new Aggregate(Quotes(), [new NamedExpr("doc_id", Int("doc_id"))], [CountAll]), _c.Files, open, 2,
            CancellationToken.None, Tiny);
        Assert.IsType<ClusteredAggregateOperator>(byDoc);
        // 2048 documents in 10 row groups: the groups of about one row group at a time, not all 2048 at the end.
        int batches = 0;
        while (byDoc.Next(CancellationToken.None) is { } b) { batches++; Assert.True(b.RowCount < 300, $"a batch of {b.RowCount} groups"); }
        Assert.Equal(10, batches);
        byDoc.Dispose();
        // Scores cycle through every row group: no order to use.
        var byScore = PhysicalPlanner.Plan(new Aggregate(Quotes(), [new NamedExpr("score", Int("score"))], [CountAll]), _c.Files, open, 2,
            CancellationToken.None, Tiny);
        Assert.IsType<AggregateOperator>(byScore);
        byScore.Dispose();
    }

    [Fact]
    public void Explain_says_when_groups_are_handed_on()
    {
        var byDoc = new Aggregate(new Filter(Quotes(), Eq(Str("lang"), L("de"))), [new NamedExpr("doc_id", Int("doc_id"))], [CountAll]);
        Assert.Contains("groups handed on as the scan passes doc_id", PhysicalPlanPrinter.Print(Optimizer.Optimize(byDoc), _c.Files));
        var byScore = new Aggregate(Quotes(), [new NamedExpr("score", Int("score"))], [CountAll]);
        Assert.DoesNotContain("handed on", PhysicalPlanPrinter.Print(Optimizer.Optimize(byScore), _c.Files));
    }

    [Fact]
    public void Rows_out_of_order_inside_row_groups_whose_statistics_are_in_order_give_the_same_answer()
    {
        // Row group k holds doc (k + 1) * 10 on even rows and k * 10 + 0..6 on odd ones: the groups' ranges touch
        // (k * 10 + 10 in both) but the rows of a row group go up and down, so the clustering must be given up.
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "quotes"));
        var file = Path.Combine(dir.Path, "quotes", "part-00000.parquet");
        _c.Exec($"""
            COPY (SELECT i::INT AS quote_id, (CASE WHEN i % 2 = 0 THEN (i // 2048 + 1) * 10 ELSE (i // 2048) * 10 + i % 7 END)::INT AS doc_id,
              ['a', 'b', 'c'][1 + (i % 3)::INT] AS lang FROM range(8192) t(i) ORDER BY i)
            TO '{file}' (FORMAT parquet, ROW_GROUP_SIZE 2048)
            """);
        var files = CorpusFiles.From(new TableFiles("quotes", [file]));
        var scan = new Scan("quotes", [new("quote_id", ColumnType.Int32), new("doc_id", ColumnType.Int32), new("lang", ColumnType.String)]);
        var plan = new Aggregate(scan, [new NamedExpr("doc_id", Int("doc_id")), new NamedExpr("lang", Str("lang"))], [CountAll]);
        Assert.Equal(
            _c.DuckRows($"SELECT doc_id, lang, count(*) FROM read_parquet('{file}') GROUP BY doc_id, lang ORDER BY min(quote_id)"),
            RunWith(plan, files, Tiny));
    }
}
