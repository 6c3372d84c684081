using Cql.Engine.Core;
using Cql.Engine.Planning;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>Filters over a multi-file, multi-row-group table, each compared with DuckDB over the same files.</summary>
public sealed class ScanAndFilterTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    [Fact]
    public void Speaker_equality_and_lang_in_match_duckdb()
    {
        var plan = Select(new Filter(Quotes(), new And(Eq(Str("speaker"), L("Xi Jinping")),
            new InList(Str("lang"), [L("sv"), L("de")]))), "quote_id", "speaker", "lang");
        var expected = _c.DuckRows($"SELECT quote_id, speaker, lang FROM {_c.Table("quotes")} WHERE speaker = 'Xi Jinping' AND lang IN ('sv','de') ORDER BY quote_id");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Run(plan, _c.Files));
    }

    [Fact]
    public void Contains_is_case_insensitive_substring_like_ilike()
    {
        var plan = Select(new Filter(Quotes(), new TextMatch(TextOp.Contains, Str("text"), "samarbeid")), "quote_id", "text");
        var expected = _c.DuckRows($"SELECT quote_id, text FROM {_c.Table("quotes")} WHERE text ILIKE '%samarbeid%' ORDER BY quote_id");
        Assert.Contains(expected, r => r.Contains("SAMARBEID", StringComparison.Ordinal));
        Assert.Contains(expected, r => r.Contains("samarbeidsavtale", StringComparison.Ordinal));
        Assert.Equal(expected, Run(plan, _c.Files));
    }

    [Fact]
    public void Has_matches_whole_words_only()
    {
        var plan = Select(new Filter(Quotes(), new TextMatch(TextOp.Has, Str("text"), "samarbeid")), "quote_id");
        var expected = _c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE regexp_matches(text, '(^|[^[:alnum:]])samarbeid($|[^[:alnum:]])', 'i') ORDER BY quote_id");
        var got = Run(plan, _c.Files);
        Assert.Equal(expected, got);
        Assert.Equal(_c.DuckRows($"SELECT count(*) FROM {_c.Table("quotes")} WHERE quote_id % 97 = 0")[0], got.Count.ToString());
    }

    [Fact]
    public void Matches_is_an_unanchored_regular_expression()
    {
        var plan = Select(new Filter(Quotes(), new TextMatch(TextOp.Matches, Str("text"), "number 1[0-9]?5 ")), "quote_id");
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE regexp_matches(text, 'number 1[0-9]?5 ') ORDER BY quote_id"), Run(plan, _c.Files));
    }

    [Fact]
    public void Null_semantics_follow_sql_three_valued_logic()
    {
        // not (speaker = X) must drop rows without a speaker, as SQL does; "is null" finds exactly them.
        var notXi = Select(new Filter(Quotes(), new Not(Eq(Str("speaker"), L("Xi Jinping")))), "quote_id");
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE NOT (speaker = 'Xi Jinping') ORDER BY quote_id"), Run(notXi, _c.Files));

        var noSpeakerOrCue = Select(new Filter(Quotes(), new Or(new IsNull(Str("speaker")), Eq(Str("cue"), L("said")))), "quote_id", "speaker", "cue");
        Assert.Equal(_c.DuckRows($"SELECT quote_id, speaker, cue FROM {_c.Table("quotes")} WHERE speaker IS NULL OR cue = 'said' ORDER BY quote_id"), Run(noSpeakerOrCue, _c.Files));

        var notIn = Select(new Filter(Quotes(), new Not(new InList(Str("speaker"), [L("Xi Jinping"), L("Giorgia Meloni")]))), "quote_id");
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE speaker NOT IN ('Xi Jinping', 'Giorgia Meloni') ORDER BY quote_id"), Run(notIn, _c.Files));
    }

    [Fact]
    public void Range_predicates_on_numbers_and_functions_match_duckdb()
    {
        var plan = Select(new Filter(Quotes(), new And(
            new Compare(CompareOp.GtEq, Int("quote_id"), L(2500)),
            new And(new Compare(CompareOp.Lt, Int("quote_id"), L(4100)),
                new Or(new Compare(CompareOp.NotEq, Int("score"), L(3)),
                    Eq(new FunctionCall(ScalarFunction.Lower, [Str("speaker")], ColumnType.String), L("vladimir putin")))))), "quote_id", "score");
        Assert.Equal(
            _c.DuckRows($"SELECT quote_id, score FROM {_c.Table("quotes")} WHERE quote_id >= 2500 AND quote_id < 4100 AND (score <> 3 OR lower(speaker) = 'vladimir putin') ORDER BY quote_id"),
            Run(plan, _c.Files));
    }

    [Fact]
    public void One_worker_and_two_workers_give_the_same_rows_in_file_order()
    {
        var plan = Select(new Filter(Quotes(), new TextMatch(TextOp.StartsWith, Str("speaker"), "V")), "quote_id", "speaker");
        var one = Run(plan, _c.Files, workers: 1);
        Assert.Equal(one, Run(plan, _c.Files, workers: 2));
        Assert.Equal(_c.DuckRows($"SELECT quote_id, speaker FROM {_c.Table("quotes")} WHERE speaker ILIKE 'V%' ORDER BY quote_id"), one);
    }

    [Fact]
    public void A_scan_with_its_own_limit_returns_exactly_that_many_rows()
    {
        // No Limit node above: the scan alone must stop, although other row groups are already being read.
        var scan = Q.Quotes() with { Columns = [new("quote_id", ColumnType.Int32)], Limit = 2500 };
        var rows = TestCorpus.Rows(Cql.Engine.PhysicalPlanning.PhysicalPlanner.Execute(scan, _c.Files, CancellationToken.None, 2));
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} ORDER BY quote_id LIMIT 2500"), rows);
    }

    [Fact]
    public void Limit_stops_after_n_rows_in_file_order()
    {
        var plan = new Limit(Select(new Filter(Quotes(), Eq(Str("lang"), L("it"))), "quote_id"), 25);
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE lang = 'it' ORDER BY quote_id LIMIT 25"), Run(plan, _c.Files));
    }
}

/// <summary>One corpus for all tests of a class (DuckDB writes it once).</summary>
public sealed class TestCorpusFixture : IDisposable
{
    public TestCorpus Corpus { get; } = new();
    public void Dispose() => Corpus.Dispose();
}
