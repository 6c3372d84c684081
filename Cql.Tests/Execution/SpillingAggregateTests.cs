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
/// Aggregation past its group budget: with room for 5 groups, the rows of later keys go to partition files, which are
/// partitioned again while they are too large (20,480 distinct texts go four levels deep). Every aggregate, and the
/// order of first appearance, must still be DuckDB's; the spill folder must exist while the query runs and be gone
/// after it, after an error and after a cancellation.
/// </summary>
public sealed class SpillingAggregateTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>, IDisposable
{
    readonly TestCorpus _c = fx.Corpus;
    readonly TempDir _spill = new();
    ExecutionBudget Tiny => new(1 << 16, GroupsBeforeSpill: 5, SpillFolder: _spill.Path);
    static readonly AggregateExpr CountAll = new(AggregateFunction.Count, null, "count");

    public void Dispose() => _spill.Dispose();

    /// <summary>Runs the plan with the tiny budget, checking that it spilled (its folder exists once the groups held
    /// in memory are out) and that nothing is left once the stream is disposed.</summary>
    List<string> RunSpilling(LogicalPlan plan) => RunSpilling(PhysicalPlanner.Execute(Optimizer.Optimize(plan), _c.Files, CancellationToken.None, 2, Tiny));

    /// <summary>The plain aggregation over a scan of the quotes, also where the planner would take the clustered one
    /// (a key the quotes are sorted by).</summary>
    List<string> RunSpillingOverQuotes(IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates)
    {
        var open = new ParquetFileCache();
        var scan = PhysicalPlanner.Plan(Optimizer.Optimize(Quotes()), _c.Files, open, 2, CancellationToken.None, Tiny);
        var aggregate = new AggregateOperator(scan, keys, aggregates, new Aggregate(Quotes(), keys, aggregates).Schema, Tiny);
        return RunSpilling(QueryExecutor.Run(aggregate, open));
    }

    List<string> RunSpilling(IBatchStream started)
    {
        var rows = new List<string>();
        int held;
        using (var stream = started)
        {
            Assert.True(stream.MoveNext(CancellationToken.None));
            held = stream.Current.RowCount;
            Assert.NotEmpty(Directory.GetDirectories(_spill.Path, "cql-spill-*"));
            rows.AddRange(TestCorpus.Rows(new FromCurrent(stream)));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));
        Assert.True(held < rows.Count, $"all {rows.Count} groups were held in memory"); // the rest came from partitions
        return rows;
    }

    [Fact]
    public void Two_keys_past_the_budget_match_duckdb_in_first_appearance_order()
    {
        Assert.Equal(
            _c.DuckRows($"SELECT speaker, doc_id, count(*) FROM {_c.Table("quotes")} GROUP BY speaker, doc_id ORDER BY min(quote_id)"),
            RunSpillingOverQuotes([new NamedExpr("speaker", Str("speaker")), new NamedExpr("doc_id", Int("doc_id"))], [CountAll]));
        var deep = new Aggregate(Quotes(), [new NamedExpr("text", Str("text")), new NamedExpr("lang", Str("lang"))], [CountAll]);
        Assert.Equal(
            _c.DuckRows($"SELECT text, lang, count(*) FROM {_c.Table("quotes")} GROUP BY text, lang ORDER BY min(quote_id)"),
            RunSpilling(deep));
    }

    [Fact]
    public void Every_aggregate_kind_sees_all_its_rows_in_order_when_groups_spill()
    {
        // Languages change every 13 quotes and documents every 10, so groups of up to ten rows open all through the input.
        NamedExpr[] keys = [new NamedExpr("lang", Str("lang")), new NamedExpr("doc_id", Int("doc_id"))];
        AggregateExpr[] aggregates =
        [
            CountAll,
            new AggregateExpr(AggregateFunction.CountDistinct, Int("score"), "scores"),
            new AggregateExpr(AggregateFunction.Min, Str("cue"), "cue_min"),
            new AggregateExpr(AggregateFunction.Max, Str("text"), "text_max"),
            new AggregateExpr(AggregateFunction.Sum, Int("quote_id"), "sum"),
            new AggregateExpr(AggregateFunction.Avg, Int("quote_id"), "avg"),
            new AggregateExpr(AggregateFunction.Percentile, Int("quote_id"), "p37") { Fraction = 0.37 },
            new AggregateExpr(AggregateFunction.ArgMax, Int("quote_id"), "top") { By = Str("speaker") },
            new AggregateExpr(AggregateFunction.ArgMin, Int("quote_id"), "first_cue") { By = Str("cue") },
            new AggregateExpr(AggregateFunction.List, Int("quote_id"), "ids"),
            new AggregateExpr(AggregateFunction.Set, Str("speaker"), "speakers"),
        ];
        var expected = _c.DuckRows($"""
            SELECT lang, doc_id, count(*), count(DISTINCT score), min(cue), max(text), sum(quote_id), avg(quote_id),
                   quantile_cont(quote_id, 0.37), first(quote_id ORDER BY speaker DESC, quote_id) FILTER (WHERE speaker IS NOT NULL),
                   first(quote_id ORDER BY cue, quote_id) FILTER (WHERE cue IS NOT NULL),
                   string_agg(quote_id::VARCHAR, '; ' ORDER BY quote_id),
                   CASE WHEN count(speaker) = 0 THEN NULL ELSE array_to_string(list_sort(list_distinct(list(speaker))), '; ') END
            FROM {_c.Table("quotes")} GROUP BY lang, doc_id ORDER BY min(quote_id)
            """);
        Assert.True(expected.Count > 2048);
        Assert.Equal(expected, RunSpillingOverQuotes(keys, aggregates));
    }

    [Fact]
    public void Distinct_past_the_budget_matches_duckdb()
    {
        var plan = new Distinct(Select(Quotes(), "lang", "cue", "text"));
        Assert.Equal(
            _c.DuckRows($"SELECT lang, cue, text FROM {_c.Table("quotes")} GROUP BY lang, cue, text ORDER BY min(quote_id)"),
            RunSpilling(plan));
    }

    [Fact]
    public void Spill_files_are_gone_after_an_error_and_after_a_cancellation()
    {
        using (var failing = Counting(new BrokenInput(10, 100)))
        {
            var e = Assert.Throws<QueryRuntimeException>(() => failing.Next(CancellationToken.None));
            Assert.Equal("broken input", e.Message);
            Assert.NotEmpty(Directory.GetDirectories(_spill.Path, "cql-spill-*"));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));

        using var cts = new CancellationTokenSource();
        using (var cancelled = Counting(new BrokenInput(10, 100, cts)))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => cancelled.Next(cts.Token));
            Assert.NotEmpty(Directory.GetDirectories(_spill.Path, "cql-spill-*"));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));
    }

    AggregateOperator Counting(BrokenInput input) =>
        new(input, [new NamedExpr("n", new ColumnRef("n", ColumnType.Int32))], [CountAll],
            [new ResultColumn("n", ColumnType.Int32), new ResultColumn("count", ColumnType.Int64)], Tiny);
}
