using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Engine.Storage;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>
/// The term index gives exactly the rows a scan gives: every text query runs on the generated corpus twice, once with
/// its index and once with the index switched off in a copy of the manifest (so the engine scans the text), and the
/// answers must be equal. Also: DuckDB reads the index, an append keeps it complete, and an incomplete one is unused.
/// </summary>
public sealed class TermIndexTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    public static TheoryData<string> Queries => new()
    {
        """quotes where text has "samarbeid" | select quote_id""",
        """quotes where text has "SAMARBEID" | count""",
        """quotes where text has "Putin" and lang = de | select quote_id, speaker""",
        """quotes where not (text has "og") | count""",
        """quotes where text has "og" or text has "und" | count""",
        """quotes where text contains "samarbeid" | select quote_id""",
        """quotes where text contains "arbei" | count""",
        """quotes where text contains "ar" | count""",
        """sentences where text has "bilaterale samarbeidet" | select sent_id""",
        """sentences where text has "xi jinping" | count""",
        """sentences where text has "samarbeid," | count""",
        """sentences where text has "nosuchwordanywhere" | count""",
        """quotes where text has "samarbeid" and speaker = "Xi Jinping" | count""",
        """kwic "samarbeid" | count""",
        """kwic "Samarbeid*" | count""",
        """kwic "*arbeid" | count""",
        """kwic "s*d" in quotes | count""",
        """kwic "samarbeid" | select sent_id, match""",
        """kwic "bilaterale samarbeidet" | count""",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Index_and_scan_agree(string query)
    {
        using var scanning = new ScanOnlyCopy(corpus.Dir);
        var viaIndex = corpus.CqlRows(query);
        var viaScan = Rows(scanning.Session, query);
        Assert.Equal(viaScan, viaIndex);
    }

    [Fact]
    public void The_index_is_used_and_explain_says_so()
    {
        var plan = QueryPlanOf(corpus.Session, """quotes where text has "samarbeid" | select quote_id""");
        Assert.Contains("term index: quote_terms", plan);
        var count = QueryPlanOf(corpus.Session, """quotes where text has "samarbeid" | count""");
        Assert.Contains("from the term index of quotes", count);
        var kwic = QueryPlanOf(corpus.Session, """kwic "samarbeid" | count""");
        Assert.Contains("KwicCount", kwic);
    }

    [Fact]
    public void DuckDB_reads_the_index_and_finds_the_same_rows()
    {
        var fromIndex = corpus.DuckRows($"""
            SELECT unnest(ids) AS id FROM read_parquet('{Path.Combine(corpus.Dir, "quote_terms")}/**/*.parquet')
            WHERE term = 'samarbeid' ORDER BY id
            """);
        var fromText = corpus.DuckRows("""
            SELECT quote_id FROM quotes WHERE list_contains(regexp_extract_all(lower(text), '[\pL\p{Nd}]+'), 'samarbeid') ORDER BY quote_id
            """);
        Assert.NotEmpty(fromText);
        Assert.Equal(fromText, fromIndex);
    }

    [Fact]
    public async Task Append_keeps_the_index_complete_and_right()
    {
        using var d = new TempDir();
        d.Write("a/one.txt", "Første artikkel\n\n«Vi trenger mer samarbeid nå,» sa statsministeren. Samarbeidet er godt.");
        d.Write("b/two.txt", "Andre artikkel\n\n«Samarbeid mellom landene er viktig,» sa Jonas Gahr Støre. Det var en god dag.");
        var dir = d.File("corpus");
        await Ingestor.RunAsync(new IngestOptions([d.File("a")], dir), null, CancellationToken.None);
        await Ingestor.RunAsync(new IngestOptions([d.File("a"), d.File("b")], dir, Append: true), null, CancellationToken.None);
        var m = CorpusManifest.Load(dir);
        foreach (var t in new[] { "quotes", "sentences" })
            Assert.NotNull(m.CompleteIndexOf(dir, t));
        using var session = CqlSession.Open(dir);
        using var scanning = new ScanOnlyCopy(dir);
        foreach (var q in new[] { """sentences where text has "samarbeid" | select sent_id""", """kwic "samarbeid*" | count""", """quotes where text contains "arbeid" | count""" })
            Assert.Equal(Rows(scanning.Session, q), Rows(session, q));
        Assert.Equal(["2"], Rows(session, """sentences where text has "samarbeid" | count"""));
    }

    [Fact]
    public void An_incomplete_index_is_not_used()
    {
        using var scanning = new ScanOnlyCopy(corpus.Dir);
        Assert.Null(scanning.Session.Manifest.CompleteIndexOf(scanning.Session.CorpusDir, "quotes"));
        var plan = QueryPlanOf(scanning.Session, """quotes where text has "samarbeid" | count""");
        Assert.Contains("no complete term index", plan);
    }

    static string QueryPlanOf(CqlSession s, string q)
    {
        var outcome = s.Run("explain " + q, CancellationToken.None).Single();
        return ((TextOutcome)outcome).Text;
    }

    static List<string> Rows(CqlSession session, string script) => ScanOnlyCopy.Rows(session, script);
}
