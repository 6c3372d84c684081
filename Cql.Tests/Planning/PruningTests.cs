using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Tests.Execution;
using System.Text.RegularExpressions;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Planning;

/// <summary>Row-group pruning by min/max statistics, seen through explain, and checked sound against DuckDB.</summary>
public sealed class PruningTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    (int Kept, int Total) Explain(Expr predicate)
    {
        var text = PhysicalPlanPrinter.Print(Optimizer.Optimize(new Filter(Quotes(), predicate)), _c.Files);
        var m = Regex.Match(text, @"row groups: (\d+) of (\d+) kept");
        Assert.True(m.Success, text);
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    [Fact]
    public void Explain_shows_files_columns_predicate_and_row_groups_kept()
    {
        var text = PhysicalPlanPrinter.Print(Optimizer.Optimize(Select(new Filter(Quotes(), new Compare(CompareOp.Lt, Int("quote_id"), L(3000))), "text")), _c.Files);
        Assert.Contains("Scan quotes columns=[text] predicate=quote_id < 3000 reads=[text, quote_id]", text);
        Assert.Contains("row groups: 2 of 10 kept", text);
        Assert.Contains("part-00000.parquet (2 of 2 row groups)", text);
        Assert.Contains("part-00004.parquet (0 of 2 row groups)", text);
    }

    [Theory]
    [InlineData("lt", 2)]      // quote_id < 3000: the first file's two groups
    [InlineData("not-ge", 2)]  // not (quote_id >= 3000): same rows, through not
    [InlineData("eq", 1)]      // quote_id = 4321
    [InlineData("in", 2)]      // quote_id in (5, 20000)
    [InlineData("or-null", 10)] // quote_id = 5 or speaker is null: nulls everywhere
    [InlineData("and-range", 3)] // 5000 <= quote_id <= 9000
    public void Statistics_prune_row_groups_soundly(string form, int kept)
    {
        Expr p = form switch
        {
            "lt" => new Compare(CompareOp.Lt, Int("quote_id"), L(3000)),
            "not-ge" => new Not(new Compare(CompareOp.GtEq, Int("quote_id"), L(3000))),
            "eq" => Eq(Int("quote_id"), L(4321)),
            "in" => new InList(Int("quote_id"), [L(5), L(20000)]),
            "or-null" => new Or(Eq(Int("quote_id"), L(5)), new IsNull(Str("speaker"))),
            _ => new And(new Compare(CompareOp.GtEq, Int("quote_id"), L(5000)), new Compare(CompareOp.GtEq, L(9000), Int("quote_id"))),
        };
        var (k, total) = Explain(p);
        Assert.Equal(10, total);
        Assert.Equal(kept, k);
        // Sound: pruning never loses a row DuckDB finds.
        var sql = form switch
        {
            "lt" => "quote_id < 3000", "not-ge" => "NOT (quote_id >= 3000)", "eq" => "quote_id = 4321",
            "in" => "quote_id IN (5, 20000)", "or-null" => "quote_id = 5 OR speaker IS NULL", _ => "quote_id >= 5000 AND quote_id <= 9000",
        };
        Assert.Equal(_c.DuckRows($"SELECT quote_id FROM {_c.Table("quotes")} WHERE {sql} ORDER BY quote_id"), Run(Select(new Filter(Quotes(), p), "quote_id"), _c.Files));
    }

    [Fact]
    public void Three_valued_logic_keeps_groups_where_not_of_unknown_could_matter()
    {
        // Every row group has speakers other than X and nulls; "not (speaker = X)" may be true anywhere.
        var (k, total) = Explain(new Not(Eq(Str("speaker"), L("Xi Jinping"))));
        Assert.Equal(total, k);
        // A value above every row group's max prunes everything.
        var (none, _) = Explain(Eq(Str("lang"), L("zz")));
        Assert.Equal(0, none);
    }
}
