using Cql.Engine.Session;
using Cql.Tests.Support;

namespace Cql.Tests.Differential;

/// <summary>The re-laid-out corpus is what the random differential suite claims to exercise: partition folders,
/// several files, row groups that statistics prune.</summary>
public sealed class RelaidLayoutTests(RelaidCorpus corpus) : IClassFixture<RelaidCorpus>
{
    [Fact]
    public void Docs_live_in_lang_partition_folders_and_quotes_in_many_small_row_groups()
    {
        Assert.All(corpus.Session.FilesOf("docs"), f => Assert.Matches(@"/docs/lang=[a-z]+/", f.Replace('\\', '/')));
        Assert.Equal(2, corpus.Session.FilesOf("quotes").Count);
    }

    [Fact]
    public void A_speaker_filter_reads_only_some_row_groups_and_a_partition_filter_only_some_files()
    {
        var speaker = corpus.DuckRows("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC LIMIT 1")[0];
        var plan = Explain($"quotes where speaker = \"{speaker}\" | count");
        var m = System.Text.RegularExpressions.Regex.Match(plan, @"row groups: (\d+) of (\d+) kept");
        Assert.True(m.Success, plan);
        Assert.True(int.Parse(m.Groups[1].Value) < int.Parse(m.Groups[2].Value), plan);

        var docs = Explain("docs where lang = de | count");
        var d = System.Text.RegularExpressions.Regex.Match(docs, @"row groups: (\d+) of (\d+) kept");
        Assert.True(int.Parse(d.Groups[1].Value) < int.Parse(d.Groups[2].Value), docs);
        Assert.Equal(corpus.DuckRows("SELECT count(*) FROM docs WHERE lang = 'de'"), corpus.CqlRows("docs where lang = de | count"));
    }

    string Explain(string query) =>
        Assert.IsType<TextOutcome>(corpus.Session.Run("explain " + query, CancellationToken.None).Single()).Text;
}
