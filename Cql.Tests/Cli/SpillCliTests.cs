using Cql.Tests.Support;

namespace Cql.Tests.Cli;

/// <summary>
/// The spill budget as a user sets it (CQL_SPILL_GROUPS, CQL_SPILL_SORT_BYTES): the same answer as without it,
/// nothing left in the temporary folder, a clear error and exit 3 when the folder cannot take the rows, and exit 2
/// for a budget that is not a number.
/// </summary>
public sealed class SpillCliTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    const string Grouping = "tokens | count by norm, start";
    const string Sorting = "quotes | order by speaker desc | select quote_id, speaker, text";

    /// <summary>Runs cql without the runtime's diagnostics socket, which would be one more entry in TMPDIR.</summary>
    CqlProcess.Result Run(string query, Dictionary<string, string> env) =>
        CqlProcess.Run(null, new Dictionary<string, string>(env) { ["DOTNET_EnableDiagnostics"] = "0" }, "--corpus", corpus.Dir, "-c", query, "--format", "csv");

    [Fact]
    public void A_small_budget_gives_the_same_rows_and_leaves_the_temporary_folder_empty()
    {
        using var tmp = new TempDir();
        foreach (var (query, variable, value) in new[] { (Grouping, "CQL_SPILL_GROUPS", "50"), (Sorting, "CQL_SPILL_SORT_BYTES", "20000") })
        {
            var plain = Run(query, new() { ["TMPDIR"] = tmp.Path });
            var spilled = Run(query, new() { ["TMPDIR"] = tmp.Path, [variable] = value });
            Assert.Equal(0, plain.ExitCode);
            Assert.Equal(0, spilled.ExitCode);
            Assert.True(plain.Stdout.Split('\n').Length > 1000, query);
            Assert.Equal(plain.Stdout, spilled.Stdout);
            Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
        }
    }

    [Fact]
    public void A_temporary_folder_that_cannot_take_the_rows_is_a_runtime_error_naming_it()
    {
        using var tmp = new TempDir();
        var notAFolder = tmp.File("full");
        File.WriteAllText(notAFolder, "");
        var r = Run(Sorting, new() { ["TMPDIR"] = notAFolder, ["CQL_SPILL_SORT_BYTES"] = "20000" });
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("CQL0375: cannot set rows aside in " + notAFolder, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_budget_that_is_not_a_whole_number_is_a_usage_error()
    {
        var r = Run(Grouping, new() { ["CQL_SPILL_GROUPS"] = "lots" });
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("CQL_SPILL_GROUPS=lots: give a whole number from 1 to", r.Stderr);
    }

    [Fact]
    public void Explain_says_past_what_budget_a_grouping_or_a_sort_spills()
    {
        var env = new Dictionary<string, string> { ["CQL_SPILL_GROUPS"] = "50", ["CQL_SPILL_SORT_BYTES"] = "20000" };
        var grouping = Run("explain " + Grouping, env);
        Assert.Equal(0, grouping.ExitCode);
        Assert.Contains("past 50 groups, the rows of new keys go to temporary files, partitioned by key", grouping.Stdout);
        var sorting = Run("explain " + Sorting, env);
        Assert.Contains("past 20,000 bytes of rows, sorted runs go to temporary files and are merged", sorting.Stdout);
        // A top-N holds its N rows, and a count of groups needs neither their order nor a spill line for a sort.
        Assert.DoesNotContain("sorted runs", Run("explain quotes | order by speaker | limit 5", env).Stdout);
        Assert.DoesNotContain("sorted runs", Run("explain " + Grouping + " | count", env).Stdout);
    }
}
