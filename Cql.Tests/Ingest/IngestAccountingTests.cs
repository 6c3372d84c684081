using Cql.Engine.Ingest;
using Cql.Tests.Support;
using System.Text.RegularExpressions;

namespace Cql.Tests.Ingest;

/// <summary>A failed ingest leaves no corpus behind (or the previous one as it was), and the summary accounts for
/// every record, agreeing with the lines that name the skipped ones.</summary>
public class IngestAccountingTests
{
    [Fact]
    public void Nothing_to_ingest_leaves_no_corpus_and_an_existing_one_untouched()
    {
        using var d = new TempDir();
        var r = CqlProcess.Run(null, "ingest", d.File("nonexistent"), "--out", d.File("c9"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nothing to ingest", r.Stderr);
        Assert.Contains("nonexistent", r.Stderr);
        Assert.False(Directory.Exists(d.File("c9")));

        d.Write("in/a.txt", "Overskrift\n\nEn kort artikkel om ingenting.");
        Assert.Equal(0, CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("c"), "-q").ExitCode);
        var before = Snapshot(d.File("c"));
        foreach (var mode in new[] { "--append", "--replace" })
        {
            var again = CqlProcess.Run(null, "ingest", d.File("nonexistent"), "--out", d.File("c"), mode);
            Assert.Equal(2, again.ExitCode);
            Assert.Equal(before, Snapshot(d.File("c")));
        }
    }

    [Fact]
    public async Task A_cancelled_first_ingest_takes_its_folder_away()
    {
        using var d = new TempDir();
        d.Write("in/a.txt", "Overskrift\n\nEn kort artikkel om ingenting.");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("c")), null, cts.Token));
        Assert.False(Directory.Exists(d.File("c")));
    }

    [Fact]
    public void Every_record_is_a_document_or_a_skipped_record_named_with_its_line()
    {
        using var d = new TempDir();
        d.Write("in/a.jsonl", """
            {"title":"En","text":"Første artikkel om været i Bergen."}
            {"title":"To", "text": oops}
            {"title":"Tre","text":"Tredje artikkel om været i Oslo."}
            """);
        d.Write("in/b.csv", "title,text\nFire,Fjerde artikkel om været.\nFem,\n");
        var r = CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("c"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("2 files: 2 read, 0 skipped, 0 failed; 5 records: 3 docs added", r.Stdout);
        Assert.Matches(@"\), 2 skipped;", r.Stdout);
        Assert.Contains("skipped record: a.jsonl:2: not valid JSON", r.Stderr);
        Assert.Contains("skipped record: b.csv, row 3: no text", r.Stderr);
        Assert.Equal(2, Regex.Matches(r.Stderr, "^skipped record: ", RegexOptions.Multiline).Count);
    }

    static string Snapshot(string dir) => string.Join("\n", Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => f + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
