using Cql.Tests.Support;
using System.Text.Json;

namespace Cql.Tests.Cli;

/// <summary>The command line as scripts use it: output, exit codes, messages without stack traces.</summary>
public class CommandLineTests
{
    [Fact]
    public void Docs_as_jsonl_lists_the_five_seed_documents_with_their_languages()
    {
        var r = CqlProcess.Run(null, "-c", "docs", "--format", "jsonl");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var docs = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, docs.Count);
        Assert.Equal(["no", "sv", "no", "de", "it"], docs.OrderBy(d => d.GetProperty("source").GetString(), StringComparer.Ordinal).Select(d => d.GetProperty("lang").GetString()));
        Assert.All(docs, d => Assert.True(d.GetProperty("text").GetString()!.Length > 1000));
    }

    [Fact]
    public void Help_and_version_exit_zero()
    {
        var help = CqlProcess.Run(null, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("cql -c QUERY", help.Stdout);
        var ingestHelp = CqlProcess.Run(null, "ingest", "--help");
        Assert.Equal(0, ingestHelp.ExitCode);
        Assert.Contains("--append", ingestHelp.Stdout);
        var version = CqlProcess.Run(null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("cql ", version.Stdout);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("-c")]
    [InlineData("--format", "xml", "-c", "docs")]
    [InlineData("-c", "docs", "-o", "out.xyz")]
    [InlineData("-c", "docs | count", "-c", "quotes | count")]
    [InlineData("ingest")]
    [InlineData("ingest", "somewhere")]
    [InlineData("bogus-command")]
    [InlineData("ingest", "in", "--out", "c", "--checkpoint", "0")]
    [InlineData("ingest", "in", "--out", "c", "--checkpoint", "soon")]
    public void Usage_errors_exit_2_with_a_hint_and_no_stack_trace(params string[] args)
    {
        var r = CqlProcess.Run(null, args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("cql", r.Stderr);
        Assert.Contains("--help", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_missing_corpus_exits_3_and_says_how_to_build_one()
    {
        using var d = new TempDir();
        var r = CqlProcess.Run(null, "--corpus", d.File("nothing-here"), "-c", "docs");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("cql ingest", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Ingest_then_query_the_new_corpus()
    {
        using var d = new TempDir();
        d.Write("in/a.jsonl", """
            {"title":"Møte i Oslo","text":"– Vi er enige om det meste, sier statsministeren til NTB.\n\nMøtet varte i to timer.","date":"2024-11-02"}
            {"title":"Meeting in London","text":"\"We agreed on most things,\" the prime minister told reporters.\n\nThe meeting lasted two hours.","lang":"en"}
            """);
        var ing = CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("corpus"));
        Assert.True(ing.ExitCode == 0, ing.Stderr);
        Assert.Contains("2 docs added", ing.Stdout);
        var q = CqlProcess.Run(null, "--corpus", d.File("corpus"), "-c", "docs", "--format", "csv");
        Assert.True(q.ExitCode == 0, q.Stderr);
        Assert.Contains("Møte i Oslo", q.Stdout);
        Assert.Contains("2024-11-02", q.Stdout);
    }
}
