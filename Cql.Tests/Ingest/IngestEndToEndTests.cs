using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Storage;
using Cql.Tests.Support;
using System.Text;

namespace Cql.Tests.Ingest;

/// <summary>Ingest as a user runs it: folders in, a corpus out that other Parquet readers open.</summary>
public class IngestEndToEndTests
{
    static async Task<IngestSummary> Ingest(string outDir, bool append, params string[] inputs) =>
        await Ingestor.RunAsync(new IngestOptions(inputs, outDir, Append: append), null, CancellationToken.None);

    [Fact]
    public async Task Seeds_become_a_corpus_that_duckdb_reads_table_by_table()
    {
        using var d = new TempDir();
        var summary = await Ingest(d.File("corpus"), false, RepoPaths.Seeds);
        Assert.Equal(5, summary.FilesRead);
        Assert.Equal(5, summary.DocsAdded);

        using var db = Duck.Open();
        foreach (var t in CorpusSchema.Tables)
        {
            var glob = d.File($"corpus/{t.Name}/**/*.parquet");
            var cols = Duck.Rows(db, $"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning=true)").Select(r => (string)r[0]!).ToList();
            Assert.Equal(t.Columns.Select(c => c.Name), cols);
        }
        var langs = Duck.Rows(db, $"SELECT source, lang FROM read_parquet('{d.File("corpus/docs/**/*.parquet")}', hive_partitioning=true) ORDER BY source")
            .Select(r => $"{r[0]}={r[1]}");
        Assert.Equal(["000_ec84314081129a3a.txt=no", "001_8fa1af74d4c97d9e.txt=sv", "002_66b4c24dfe62b857.txt=no", "003_e7046ab981153f44.txt=de", "004_a3bf1baf7ef32c25.txt=it"], langs);

        // Every sentence lies inside its paragraph, and ids join across tables.
        var orphans = Duck.Rows(db, $"""
            SELECT count(*) FROM read_parquet('{d.File("corpus/sentences/*.parquet")}') s
            LEFT JOIN read_parquet('{d.File("corpus/paragraphs/*.parquet")}') p ON s.para_id = p.para_id
            WHERE p.para_id IS NULL OR s.start < p.start OR s."end" > p."end" OR s.doc_id <> p.doc_id
            """);
        Assert.Equal(0L, Convert.ToInt64(orphans[0][0]));
        // Sentence text is the slice of the document text its offsets name.
        var mismatched = Duck.Rows(db, $"""
            SELECT count(*) FROM read_parquet('{d.File("corpus/sentences/*.parquet")}') s
            JOIN read_parquet('{d.File("corpus/docs/*.parquet")}') d USING (doc_id)
            WHERE substring(d.text, s.start + 1, s."end" - s.start) <> s.text
            """);
        Assert.Equal(0L, Convert.ToInt64(mismatched[0][0]));
    }

    [Fact]
    public async Task Append_skips_files_already_in_the_corpus_and_continues_ids()
    {
        using var d = new TempDir();
        d.Write("a/one.txt", "Første artikkel\n\nStatsministeren sier at samarbeidet er godt. Det er en god dag for Norge.");
        d.Write("b/two.txt", "Second article\n\nThe minister said the talks went well. Everyone was pleased with the result.");
        var corpus = d.File("corpus");
        await Ingest(corpus, false, d.File("a"));
        var again = await Ingest(corpus, true, d.File("a"), d.File("b"));
        Assert.Equal(1, again.DocsAdded);
        Assert.Contains(again.Files, f => f.Source == "one.txt" && f.Status == "skipped" && f.Reason!.Contains("already in the corpus"));
        Assert.Equal(2, again.DocsInCorpus);

        var m = CorpusManifest.Load(corpus);
        Assert.Equal(2, m.Tables["docs"].Rows);
        using var db = Duck.Open();
        var ids = Duck.Rows(db, $"SELECT doc_id FROM read_parquet([{string.Join(",", m.FilesOf(corpus, "docs").Select(f => $"'{f}'"))}]) ORDER BY doc_id");
        Assert.Equal([0, 1], ids.Select(r => (int)r[0]!));
    }

    [Fact]
    public async Task Ingest_refuses_to_overwrite_an_existing_corpus_without_append_or_replace()
    {
        using var d = new TempDir();
        d.Write("in/x.txt", "Ein kurzer Artikel über Politik in Berlin und anderswo.");
        await Ingest(d.File("corpus"), false, d.File("in"));
        var e = await Assert.ThrowsAsync<IngestUsageException>(() => Ingest(d.File("corpus"), false, d.File("in")));
        Assert.Contains("--append", e.Message);
    }

    [Fact]
    public async Task Every_input_is_accounted_for_even_odd_ones()
    {
        using var d = new TempDir();
        d.Write("in/good.txt", "Le ministre a déclaré que les négociations avançaient bien.");
        d.Write("in/empty.txt", "");
        d.Write("in/image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 });
        d.Write("in/latin1.txt", Encoding.Latin1.GetBytes("Møller sagde, at aftalen var på plads. Ministeren var glad for resultatet."));
        d.Write("in/utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("El ministro dijo que el acuerdo era bueno para España.")]);
        d.Write("in/report.pdf", "%PDF-1.4 not really");
        var s = await Ingest(d.File("corpus"), false, d.File("in"));
        Assert.Equal(6, s.Files.Count);
        Assert.Equal(3, s.FilesRead);
        Assert.Equal(3, s.FilesSkipped);
        Assert.All(s.Files.Where(f => f.Status != "read"), f => Assert.False(string.IsNullOrEmpty(f.Reason)));

        using var db = Duck.Open();
        var texts = Duck.Rows(db, $"SELECT source, encoding, text FROM read_parquet('{d.File("corpus/docs/*.parquet")}') ORDER BY source");
        var latin = texts.Single(r => (string)r[0]! == "latin1.txt");
        Assert.Equal("windows-1252", latin[1]);
        Assert.StartsWith("Møller sagde", (string)latin[2]!);
        Assert.StartsWith("El ministro", (string)texts.Single(r => (string)r[0]! == "utf16.txt")[2]!);
    }
}
