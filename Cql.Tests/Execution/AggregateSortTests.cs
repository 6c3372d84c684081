using Cql.Engine.Core;
using Cql.Engine.Planning;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>Aggregates, distinct, sort and top-N against DuckDB.</summary>
public sealed class AggregateSortTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    [Fact]
    public void Count_where_matches_duckdb()
    {
        var plan = new Aggregate(new Filter(Quotes(), new And(Eq(Str("speaker"), L("Vladimir Putin")), new InList(Str("lang"), [L("no"), L("de")]))),
            [], [new AggregateExpr(AggregateFunction.Count, null, "count")]);
        Assert.Equal(_c.DuckRows($"SELECT count(*) FROM {_c.Table("quotes")} WHERE speaker = 'Vladimir Putin' AND lang IN ('no','de')"), Run(plan, _c.Files));
    }

    [Fact]
    public void Count_over_no_rows_is_one_row_of_zero()
    {
        var plan = new Aggregate(new Filter(Quotes(), Eq(Str("speaker"), L("Nobody"))), [], [new AggregateExpr(AggregateFunction.Count, null, "count")]);
        Assert.Equal(["0"], Run(plan, _c.Files));
    }

    [Fact]
    public void Group_by_with_every_aggregate_matches_duckdb()
    {
        var plan = new Aggregate(Quotes(), [new NamedExpr("speaker", Str("speaker")), new NamedExpr("lang", Str("lang"))],
        [
            new AggregateExpr(AggregateFunction.Count, null, "n"),
            new AggregateExpr(AggregateFunction.Min, Int("score"), "lo"),
            new AggregateExpr(AggregateFunction.Max, Str("cue"), "cue_max"),
            new AggregateExpr(AggregateFunction.Avg, Int("score"), "avg"),
            new AggregateExpr(AggregateFunction.Sum, Int("score"), "sum"),
            new AggregateExpr(AggregateFunction.CountDistinct, Int("doc_id"), "docs"),
        ]);
        var expected = _c.DuckRows($"SELECT speaker, lang, count(*), min(score), max(cue), avg(score), sum(score), count(DISTINCT doc_id) FROM {_c.Table("quotes")} GROUP BY speaker, lang");
        Assert.Equal(24, expected.Count); // 5 speakers and none, by 4 languages
        Assert.Equal(Sorted(expected), Sorted(Run(plan, _c.Files)));
    }

    [Fact]
    public void Aggregates_that_keep_values_take_the_first_of_ties_and_skip_nulls_as_duckdb()
    {
        // score repeats within a speaker, so arg_max must take the first row read of the tied ones (the files hold
        // the rows in quote_id order); cue is sometimes null, and arg_min skips those rows.
        var plan = new Aggregate(Quotes(), [new NamedExpr("speaker", Str("speaker"))],
        [
            new AggregateExpr(AggregateFunction.ArgMax, Int("quote_id"), "top") { By = Int("score") },
            new AggregateExpr(AggregateFunction.ArgMin, Int("quote_id"), "first_cue") { By = Str("cue") },
            new AggregateExpr(AggregateFunction.Percentile, Int("score"), "p37") { Fraction = 0.37 },
            new AggregateExpr(AggregateFunction.Set, Str("cue"), "cues"),
        ]);
        var expected = _c.DuckRows($"""
            SELECT speaker, first(quote_id ORDER BY score DESC, quote_id), first(quote_id ORDER BY cue, quote_id) FILTER (WHERE cue IS NOT NULL),
                   quantile_cont(score, 0.37), CASE WHEN count(cue) = 0 THEN NULL ELSE array_to_string(list_sort(list_distinct(list(cue))), '; ') END
            FROM {_c.Table("quotes")} GROUP BY speaker
            """);
        Assert.True(expected.Count > 3);
        Assert.Equal(Sorted(expected), Sorted(Run(plan, _c.Files)));
    }

    [Fact]
    public void Count_by_sorted_by_count_descending_with_top_n()
    {
        var agg = new Aggregate(Quotes(), [new NamedExpr("speaker", Str("speaker"))], [new AggregateExpr(AggregateFunction.Count, null, "count")]);
        var plan = new Limit(new Sort(agg, [new SortKey(new ColumnRef("count", ColumnType.Int64), Descending: true), new SortKey(Str("speaker"))]), 3);
        Assert.Equal(
            _c.DuckRows($"SELECT speaker, count(*) AS c FROM {_c.Table("quotes")} GROUP BY speaker ORDER BY c DESC, speaker NULLS LAST LIMIT 3"),
            Run(plan, _c.Files));
    }

    [Fact]
    public void Sort_puts_nulls_last_and_top_n_over_many_batches_is_exact()
    {
        var plan = new Limit(new Sort(Select(Quotes(), "quote_id", "speaker", "score"),
            [new SortKey(Str("speaker"), Descending: true), new SortKey(Int("score")), new SortKey(Int("quote_id"), Descending: true)]), 40);
        Assert.Equal(
            _c.DuckRows($"SELECT quote_id, speaker, score FROM {_c.Table("quotes")} ORDER BY speaker DESC NULLS LAST, score, quote_id DESC LIMIT 40"),
            Run(plan, _c.Files));
        var nullsLast = new Sort(Select(new Filter(Quotes(), new Compare(CompareOp.Lt, Int("quote_id"), L(30))), "quote_id", "speaker"), [new SortKey(Str("speaker"))]);
        Assert.Equal(
            _c.DuckRows($"SELECT quote_id, speaker FROM {_c.Table("quotes")} WHERE quote_id < 30 ORDER BY speaker NULLS LAST, quote_id"),
            Run(nullsLast, _c.Files));
    }

    [Fact]
    public void Distinct_matches_duckdb()
    {
        var plan = new Distinct(Select(Quotes(), "lang", "cue"));
        Assert.Equal(Sorted(_c.DuckRows($"SELECT DISTINCT lang, cue FROM {_c.Table("quotes")}")), Sorted(Run(plan, _c.Files)));
    }

    [Fact]
    public void Sample_is_reproducible_by_seed_and_draws_from_the_input()
    {
        var input = Select(new Filter(Quotes(), Eq(Str("lang"), L("sv"))), "quote_id", "lang");
        var a = Run(new Sample(input, 50, Seed: 7), _c.Files);
        var b = Run(new Sample(input, 50, Seed: 7), _c.Files);
        var other = Run(new Sample(input, 50, Seed: 8), _c.Files);
        Assert.Equal(50, a.Count);
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal(50, a.Distinct().Count());
        Assert.All(a, r => Assert.EndsWith("|sv", r));
    }

    [Fact]
    public void Doc_fields_join_by_doc_id_and_missing_docs_give_nulls()
    {
        var join = new ContextJoin(Quotes(), Docs(), ContextLink.Doc);
        var plan = new Project(new Filter(join, new Or(
                Eq(new FunctionCall(ScalarFunction.Year, [new ColumnRef("doc.date", ColumnType.Date)], ColumnType.Int32), L(2021)),
                new Compare(CompareOp.GtEq, Int("doc_id"), L(2035)))),
            [new NamedExpr("quote_id", Int("quote_id")), new NamedExpr("doc.title", Str("doc.title")),
             new NamedExpr("month", new FunctionCall(ScalarFunction.Month, [new ColumnRef("doc.date", ColumnType.Date)], ColumnType.Int32))]);
        var expected = _c.DuckRows($"""
            SELECT q.quote_id, d.title, CAST(substr(d.date, 6, 2) AS INT) FROM {_c.Table("quotes")} q LEFT JOIN {_c.Table("docs")} d ON q.doc_id = d.doc_id
            WHERE CAST(substr(d.date, 1, 4) AS INT) = 2021 OR q.doc_id >= 2035 ORDER BY q.quote_id
            """);
        Assert.Contains(expected, r => r.Contains("|∅|", StringComparison.Ordinal));
        Assert.Equal(expected, Run(plan, _c.Files));
    }
}
