using Cql.Bench;
using Cql.Tests.Support;

namespace Cql.Tests.Bench;

/// <summary>`Cql.Bench duck` answers a missing or broken corpus, bad arguments and a bad query with one line and
/// cql's exit codes instead of a stack trace.</summary>
public sealed class DuckRunnerTests
{
    static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringWriter();
        int code = DuckRunner.Run(args, output, error);
        return (code, System.Text.Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void A_folder_without_a_corpus_is_exit_3_with_its_path()
    {
        using var dir = new TempDir();
        var (code, output, error) = Run("--corpus", dir.Path, "select 1");
        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.Contains($"no corpus at '{dir.Path}'", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_broken_manifest_is_exit_3()
    {
        using var dir = new TempDir();
        dir.Write("corpus.json", "{\"format_version\": \"x\"");
        var (code, _, error) = Run("--corpus", dir.Path, "select 1");
        Assert.Equal(3, code);
        Assert.StartsWith("Cql.Bench duck: ", error);
        Assert.Contains("is not a valid manifest", error);
    }

    [Theory]
    [InlineData]
    [InlineData("--corpus")]
    [InlineData("--corpus", "DIR")]
    [InlineData("select 1", "--corpus", "DIR")]
    [InlineData("--corpus", "DIR", "select 1", "extra")]
    public void Missing_or_misplaced_arguments_are_a_usage_error(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("usage: Cql.Bench duck --corpus DIR SQL", error.Trim());
    }

    [Fact]
    public async Task A_query_DuckDB_rejects_is_exit_1_and_a_good_one_answers()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", "Talks\n\n\"We will talk again,\" Xi Jinping said on Monday.\n");
        await Cql.Engine.Ingest.Ingestor.RunAsync(new Cql.Engine.Ingest.IngestOptions([dir.File("in")], dir.File("corpus")), null, CancellationToken.None);

        var (bad, _, error) = Run("--corpus", dir.File("corpus"), "select nosuchcolumn from {docs}");
        Assert.Equal(1, bad);
        Assert.StartsWith("Cql.Bench duck: ", error);
        Assert.DoesNotContain("   at ", error);

        var (good, output, _) = Run("--corpus", dir.File("corpus"), "select count(*) as n from {docs}");
        Assert.Equal(0, good);
        Assert.Equal("n\n1\n", output.ReplaceLineEndings("\n"));
    }
}
