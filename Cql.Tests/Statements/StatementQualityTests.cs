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
        // Measured on main after indirect/mixed speech and terms were merged: within 0.789 / 0.652, across 1.000 / 0.196,
        // all 0.867 / 0.329 (short unattributed fragments became terms, which never join; mixed rows hold whole statements).
        Assert.True(s.Within.Precision >= 0.78 && s.Within.Recall >= 0.64, $"within: {s.Within}");
        Assert.True(s.Across.Precision >= 0.95 && s.Across.Recall >= 0.19, $"across: {s.Across}");
        Assert.True(s.All.Precision >= 0.86 && s.All.Recall >= 0.32, $"all: {s.All}");
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
