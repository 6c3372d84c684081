using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Tests.Support;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>
/// <c>order by</c> without a limit past its sort budget: with room for a couple of kilobytes, the quotes are sorted
/// in stretches written to temporary files and merged. The order must be DuckDB's with ties in input order (the
/// in-memory sort is stable), and the spill folder must be gone after the query, after an error and after a
/// cancellation.
/// </summary>
public sealed class ExternalSortTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>, IDisposable
{
    readonly TestCorpus _c = fx.Corpus;
    readonly TempDir _spill = new();
    ExecutionBudget Tiny => new(1 << 16, SortBytes: 4096, SpillFolder: _spill.Path);

    public void Dispose() => _spill.Dispose();

    List<string> RunSpilling(LogicalPlan plan)
    {
        var rows = new List<string>();
        using (var stream = PhysicalPlanner.Execute(Optimizer.Optimize(plan), _c.Files, CancellationToken.None, 2, Tiny))
        {
            Assert.True(stream.MoveNext(CancellationToken.None));
            // The runs are on disk while the merge reads them; the first batch is a merged one, not the whole sort.
            Assert.NotEmpty(Directory.GetFiles(_spill.Path, "*.bin", SearchOption.AllDirectories));
            Assert.True(stream.Current.RowCount <= RowBatchBuilder.Capacity);
            rows.AddRange(TestCorpus.Rows(new FromCurrent(stream)));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));
        return rows;
    }

    [Fact]
    public void A_sort_past_its_budget_merges_runs_in_duckdbs_order_and_keeps_ties_in_input_order()
    {
        // speaker and lang repeat, so most rows tie with others: their order is the input's (quote_id).
        var plan = new Sort(Select(Quotes(), "quote_id", "speaker", "lang", "text"), [new SortKey(Str("speaker"), Descending: true), new SortKey(Str("lang"))]);
        var expected = _c.DuckRows($"SELECT quote_id, speaker, lang, text FROM {_c.Table("quotes")} ORDER BY speaker DESC NULLS LAST, lang NULLS LAST, quote_id");
        Assert.True(expected.Count > 1000);
        Assert.Equal(expected, RunSpilling(plan));

        var byLength = Select(new Sort(Quotes(), [new SortKey(Int("score")), new SortKey(new FunctionCall(ScalarFunction.Length, [Str("text")], ColumnType.Int64), Descending: true)]), "quote_id", "score");
        Assert.Equal(
            _c.DuckRows($"SELECT quote_id, score FROM {_c.Table("quotes")} ORDER BY score NULLS LAST, length(text) DESC NULLS LAST, quote_id"),
            RunSpilling(byLength));
    }

    [Fact]
    public void Runs_are_gone_after_an_error_and_after_a_cancellation()
    {
        using (var failing = Sorting(new BrokenInput(10, 1000)))
        {
            var e = Assert.Throws<QueryRuntimeException>(() => failing.Next(CancellationToken.None));
            Assert.Equal("broken input", e.Message);
            Assert.NotEmpty(Directory.GetFiles(_spill.Path, "*.bin", SearchOption.AllDirectories));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));

        using var cts = new CancellationTokenSource();
        using (var cancelled = Sorting(new BrokenInput(10, 1000, cts)))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => cancelled.Next(cts.Token));
            Assert.NotEmpty(Directory.GetFiles(_spill.Path, "*.bin", SearchOption.AllDirectories));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_spill.Path));
    }

    [Fact]
    public void A_spill_folder_that_cannot_be_made_is_a_spill_error_naming_it()
    {
        var notAFolder = Path.Combine(_spill.Path, "file");
        File.WriteAllText(notAFolder, "");
        using var sort = new SortOperator(new BrokenInput(3, 1000), [new SortKey(new ColumnRef("n", ColumnType.Int32))], null,
            budget: Tiny with { SpillFolder = notAFolder });
        var e = Assert.Throws<SpillException>(() => sort.Next(CancellationToken.None));
        Assert.StartsWith("CQL0375: cannot set rows aside in " + notAFolder, e.Message);
    }

    SortOperator Sorting(BrokenInput input) => new(input, [new SortKey(new ColumnRef("n", ColumnType.Int32), Descending: true)], null, budget: Tiny);
}
