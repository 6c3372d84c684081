using Cql.Engine.Ingest;
using Cql.Tests.Support;

namespace Cql.Tests.Ingest;

public class InputCollectorTests
{
    [Fact]
    public void Folders_are_walked_recursively_in_a_stable_order_with_relative_sources()
    {
        using var d = new TempDir();
        d.Write("in/b.txt", "b");
        d.Write("in/a/z.txt", "z");
        d.Write("in/a/deep/er/y.jsonl", "{}");
        d.Write("in/.hidden/x.txt", "x");
        d.Write("in/.DS_Store", "x");
        var problems = new List<(string, string)>();
        var files = InputCollector.Collect([d.File("in")], problems);
        Assert.Equal(["a/deep/er/y.jsonl", "a/z.txt", "b.txt"], files.Select(f => f.Source));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_missing_input_is_reported_not_thrown()
    {
        using var d = new TempDir();
        var one = d.Write("one.txt", "x");
        var problems = new List<(string Input, string Problem)>();
        var files = InputCollector.Collect([one, d.File("nope"), one], problems);
        Assert.Single(files);
        Assert.Equal("one.txt", files[0].Source);
        Assert.Single(problems);
        Assert.Contains("no such file", problems[0].Problem);
    }
}
