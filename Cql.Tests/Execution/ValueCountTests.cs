using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>`count by` from the value counts gives what a scan gives, falls back when the counts do not cover the
/// table, and stays right across an append.</summary>
public sealed class ValueCountTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    public static TheoryData<string> Queries => new()
    {
        "quotes | count by lang",
        "quotes | count by speaker | order by count desc | limit 10",
        "quotes | count by cue",
        "quotes | count by via",
        "quotes | count by speaker as who",
        "docs | count by date | order by count desc, date | limit 20",
        "docs | count by source | limit 5", // too many distinct sources: counted as given up, so it scans
        "tokens | count by norm | order by count desc | limit 10",
        "sentences | count by lang",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Counts_and_scan_agree(string query)
    {
        using var scanning = new ScanOnlyCopy(corpus.Dir);
        Assert.Equal(ScanOnlyCopy.Rows(scanning.Session, query), corpus.CqlRows(query));
    }

    [Fact]
    public void Used_only_for_a_whole_unfiltered_table()
    {
        Assert.Contains("CountedGroups", Explain(corpus.Session, "quotes | count by lang"));
        Assert.DoesNotContain("CountedGroups", Explain(corpus.Session, "quotes where kind = full | count by lang"));
        Assert.DoesNotContain("CountedGroups", Explain(corpus.Session, "quotes | group by lang aggregate count()"));
    }

    [Fact]
    public async Task Append_keeps_counts_right()
    {
        using var d = new TempDir();
        d.Write("a/one.txt", "Første artikkel\n\n«Vi trenger mer samarbeid nå,» sa statsministeren.");
        d.Write("b/two.txt", "Zweiter Artikel\n\n„Wir brauchen mehr Zusammenarbeit“, sagte der Kanzler. Das war gut.");
        var dir = d.File("corpus");
        await Ingestor.RunAsync(new IngestOptions([d.File("a")], dir), null, CancellationToken.None);
        await Ingestor.RunAsync(new IngestOptions([d.File("a"), d.File("b")], dir, Append: true), null, CancellationToken.None);
        using var session = CqlSession.Open(dir);
        using var scanning = new ScanOnlyCopy(dir);
        foreach (var q in new[] { "docs | count by lang", "sentences | count by lang", "quotes | count by speaker" })
        {
            Assert.Contains("CountedGroups", Explain(session, q));
            Assert.Equal(ScanOnlyCopy.Rows(scanning.Session, q), ScanOnlyCopy.Rows(session, q));
        }
    }

    static string Explain(CqlSession s, string q) => ((TextOutcome)s.Run("explain " + q, CancellationToken.None).Single()).Text;
}
