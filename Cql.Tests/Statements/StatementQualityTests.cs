using Cql.Tests.Support;
using StatementEval;
using Xunit.Abstractions;

namespace Cql.Tests.Statements;

/// <summary>Pairwise precision and recall of "the same statement" on hand-annotated gold (Gold/), by the scorer the
/// README's command runs (scripts/statement-eval).</summary>
public class StatementQualityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_seeds_statements_are_grouped()
    {
        using var d = new TempDir();
        var gold = StatementScorer.ReadGold(Path.Combine(RepoPaths.Root, "Cql.Tests", "Statements", "Gold", "seeds.tsv"));
        var s = await StatementScorer.ScoreAsync(RepoPaths.Seeds, gold, d.Path);
        output.WriteLine($"seeds: within P {s.Within.Precision:F3} R {s.Within.Recall:F3}; across P {s.Across.Precision:F3} R {s.Across.Recall:F3}; all P {s.All.Precision:F3} R {s.All.Recall:F3}");
        Assert.True(s.Matched >= gold.Count - 1, $"{s.Matched} of {gold.Count} gold reports matched an extracted quote");
        // Floors just under the measured numbers (README): a change that groups worse fails here.
        // Measured after reported clauses of one sentence became one statement: within 0.818 / 0.783, across 1.000 /
        // 0.283, all 0.897 / 0.422.
        Assert.True(s.Within.Precision >= 0.81 && s.Within.Recall >= 0.77, $"within: {s.Within}");
        Assert.True(s.Across.Precision >= 0.95 && s.Across.Recall >= 0.27, $"across: {s.Across}");
        Assert.True(s.All.Precision >= 0.88 && s.All.Recall >= 0.41, $"all: {s.All}");
    }

    [Fact]
    public async Task The_development_sets_statements_are_grouped()
    {
        var (s, reports) = await ScoreFolderAsync("Dev");
        Assert.Equal(reports, s.Matched);
        // Measured 1.000 everywhere (README; the rules were revised after looking at this set's errors, so it is
        // tuned on): one wrong or missed pair of the 48 still passes, two do not.
        Assert.True(s.Within.Precision >= 0.95 && s.Within.Recall >= 0.95, $"within: {s.Within}");
        Assert.True(s.Across.Precision >= 0.95 && s.Across.Recall >= 0.95, $"across: {s.Across}");
    }

    [Fact]
    public async Task The_second_development_sets_statements_are_grouped_without_its_look_alikes()
    {
        var (s, _) = await ScoreFolderAsync("Dev2");
        // Measured (README): all 1.000 / 0.750 (36 of 48 pairs, no wrong one; 0.667 before a report of the whole
        // merged the statements of the safety quote's two halves, 0.312 before the recall work).
        // One wrong pair of the 36 still passes, two do not; so does losing a pair, not two.
        Assert.True(s.All.Precision >= 0.97 && s.All.Recall >= 0.73, $"all: {s.All}");
        // The gold's same-language pairs are 4 (the passengers in en_wire and en_edit's two reports, safety in both);
        // the Swedish passengers report no quote covers makes its 5 pairs across languages, by its document.
        Assert.Equal(4, s.Within.TruePairs);
    }

    [Fact]
    public async Task A_gold_report_over_two_extracted_quotes_is_covered()
    {
        // One report as the annotator drew it, from the first quote's words to the second's: each quote holds under
        // half its words, the two together most of them.
        using var d = new TempDir();
        var articles = Directory.CreateDirectory(Path.Combine(d.Path, "articles")).FullName;
        File.WriteAllText(Path.Combine(articles, "wire-en.txt"),
            "Flood barrier opens\n\nThe new barrier on the river opened on Monday.\n\n"
            + "\"We will not stop building,\" Anna Berg said. \"The river is ours again now,\" she added.\n");
        var gold = new List<GoldReport> { new("wire-en", "We will not stop building,\" Anna Berg said. \"The river is ours again now", "Anna Berg", "S1", 1) };
        var s = await StatementScorer.ScoreAsync(articles, gold, Path.Combine(d.Path, "work"));
        Assert.Equal(1, s.Matched);
        Assert.True(s.Coverage[0] > 0.5, $"coverage {s.Coverage[0]}");
    }

    /// <summary>The scores of a development folder beside this file, and how many gold reports it has.</summary>
    async Task<(StatementScores Scores, int Reports)> ScoreFolderAsync(string folder)
    {
        using var d = new TempDir();
        var dev = Path.Combine(RepoPaths.Root, "Cql.Tests", "Statements", folder);
        var gold = StatementScorer.ReadGold(Path.Combine(dev, "statements.tsv"));
        var s = await StatementScorer.ScoreAsync(dev, gold, d.Path);
        output.WriteLine($"{folder}: within P {s.Within.Precision:F3} R {s.Within.Recall:F3}; across P {s.Across.Precision:F3} R {s.Across.Recall:F3}; all P {s.All.Precision:F3} R {s.All.Recall:F3}");
        return (s, gold.Count);
    }
}
