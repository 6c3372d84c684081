using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Engine.Storage;
using Cql.Tests.Support;
using System.Diagnostics;

namespace Cql.Tests.Reliability;

/// <summary>
/// kill -9 at any moment leaves a whole corpus — for cql, which reads the manifest, and for DuckDB, which globs the
/// table folders — and running the ingest again with --append completes it with no duplicates.
/// </summary>
public class InterruptedIngestTests
{
    static readonly string[] Speakers = ["Ola Nordmann", "Kari Hansen", "Lars Kjeldsen", "Ingrid Berg", "Jonas Lie"];

    /// <summary>Distinct articles with a title, a date and quotes, numbered from <paramref name="from"/>, of a few
    /// kilobytes each, like news: ingest must take long enough to be killed mid-way on a quiet, fast machine (short
    /// articles were all ingested within a second of the first checkpoint).</summary>
    static void WriteArticles(string dir, int from, int count)
    {
        for (int i = from; i < from + count; i++)
        {
            var folder = Path.Combine(dir, $"{i / 500:D2}");
            Directory.CreateDirectory(folder);
            var who = Speakers[i % Speakers.Length];
            var background = string.Concat(Enumerable.Range(0, 12).Select(k =>
                $"\n\nI punkt {k + 1} av plan {i} står det at kommunene skal rapportere innen {1 + (i + k) % 28}. mars, " +
                $"og at {Speakers[(i + k) % Speakers.Length]} følger opp arbeidet med {3 + k} nye tiltak."));
            File.WriteAllText(Path.Combine(folder, $"a{i:D5}.txt"), $"""
                Sak nummer {i} om samarbeid i Norden

                Publisert 2024-{1 + i % 12:D2}-{1 + i % 28:D2}

                Regjeringen la fram planen for samarbeid nummer {i} i dag. {who} leder arbeidet.

                – Vi må samarbeide tettere om sak {i}, sier {who} til NTB.

                «Det er viktig for alle land i regionen», sa hun etter møtet. Saken skal opp igjen i {2025 + i % 3}.
                """ + background);
        }
    }

    static string Docs(string corpus) => $"read_parquet('{corpus}/docs/**/*.parquet', hive_partitioning=true)";

    /// <summary>Starts `cql ingest` and kills it (SIGKILL) once <paramref name="ready"/> holds, or after a while.</summary>
    static void IngestAndKill(Func<bool> ready, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cql.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var clock = Stopwatch.StartNew();
        while (!ready() && !p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
        Assert.False(p.HasExited, "the ingest finished before it could be killed: give it more to do");
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
    }

    /// <summary>What cql and DuckDB see must be one and the same whole corpus.</summary>
    static long AssertWhole(string corpus)
    {
        var manifest = CorpusManifest.Load(corpus);
        long rows = manifest.Tables["docs"].Rows;
        using (var session = CqlSession.Open(corpus))
        {
            var outcome = Assert.IsType<RowsOutcome>(session.Run("docs | count", CancellationToken.None).Single());
            using (outcome.Rows) { Assert.True(outcome.Rows.MoveNext(CancellationToken.None)); Assert.Equal(rows, outcome.Rows.Current.Columns[0].GetInt64(0)); }
        }
        Assert.Equal(rows, Duck.Count($"SELECT count(*) FROM {Docs(corpus)}"));
        Assert.Equal(rows, Duck.Count($"SELECT count(DISTINCT source) FROM {Docs(corpus)}"));
        Assert.Equal(manifest.Tables["quotes"].Rows, Duck.Count($"SELECT count(*) FROM read_parquet('{corpus}/quotes/**/*.parquet')"));
        return rows;
    }

    [Fact]
    public void A_killed_ingest_keeps_its_checkpoints_and_append_finishes_it_with_no_duplicates()
    {
        using var d = new TempDir();
        WriteArticles(d.File("in"), 0, 3000);
        var corpus = d.File("corpus");
        IngestAndKill(() => File.Exists(CorpusManifest.PathIn(corpus)), "ingest", d.File("in"), "--out", corpus, "--checkpoint", "0.2", "-q");

        long kept = AssertWhole(corpus);
        Assert.InRange(kept, 1, 2999);

        var again = CqlProcess.Run(null, "ingest", d.File("in"), "--out", corpus, "--append", "-q");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains($"{3000 - kept} docs added", again.Stdout);
        Assert.Equal(3000, AssertWhole(corpus));
        Assert.Equal(3000L, Duck.Count($"SELECT count(DISTINCT content_hash) FROM {Docs(corpus)}"));
        Assert.Empty(Directory.GetFiles(corpus, "*.pending", SearchOption.AllDirectories).Concat(Directory.GetFiles(corpus, "*.tmp", SearchOption.AllDirectories)));
    }

    [Fact]
    public void An_append_killed_before_its_first_checkpoint_leaves_the_corpus_as_it_was()
    {
        using var d = new TempDir();
        WriteArticles(d.File("first"), 0, 1000);
        WriteArticles(d.File("more"), 1000, 2000);
        var corpus = d.File("corpus");
        var first = CqlProcess.Run(null, "ingest", d.File("first"), "--out", corpus, "-q");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var manifestBefore = File.ReadAllText(CorpusManifest.PathIn(corpus));

        // Killed while it writes parts: they are .tmp or .pending, which neither cql nor a *.parquet glob reads.
        IngestAndKill(() => Directory.GetFiles(corpus, "*.tmp", SearchOption.AllDirectories).Length > 0,
            "ingest", d.File("more"), "--out", corpus, "--append", "--checkpoint", "3600", "-q");
        Assert.Equal(manifestBefore, File.ReadAllText(CorpusManifest.PathIn(corpus)));
        Assert.Equal(1000, AssertWhole(corpus));

        var again = CqlProcess.Run(null, "ingest", d.File("first"), d.File("more"), "--out", corpus, "--append", "-q");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("2000 docs added", again.Stdout);
        Assert.Equal(3000, AssertWhole(corpus));
    }

    [Fact]
    public async Task Readers_during_an_append_see_one_committed_version_or_the_next_never_a_mix()
    {
        using var d = new TempDir();
        WriteArticles(d.File("first"), 0, 300);
        WriteArticles(d.File("more"), 300, 2000);
        var corpus = d.File("corpus");
        Assert.Equal(0, CqlProcess.Run(null, "ingest", d.File("first"), "--out", corpus, "-q").ExitCode);

        // In process, checkpointing every 50 ms, so the readers' loop and the append share one clock and several
        // checkpoints fall within even a fast append.
        var append = Task.Run(() => Ingestor.RunAsync(new IngestOptions([d.File("more")], corpus, Append: true,
            CheckpointEvery: TimeSpan.FromMilliseconds(50)), null, CancellationToken.None));
        var seen = new SortedSet<long>();
        while (!append.IsCompleted)
        {
            using var session = CqlSession.Open(corpus);
            var outcome = Assert.IsType<RowsOutcome>(session.Run("docs | count", CancellationToken.None).Single());
            using (outcome.Rows)
            {
                Assert.True(outcome.Rows.MoveNext(CancellationToken.None));
                long n = outcome.Rows.Current.Columns[0].GetInt64(0);
                // The rows a reader counts are exactly those of the manifest it opened.
                Assert.Equal(session.Manifest.Tables["docs"].Rows, n);
                seen.Add(n);
            }
            // Give the thread back between reads: this loop runs on a pool thread and never awaits, and the scan's
            // row-group tasks take pool threads too; without a pause the pool can run out of threads for the append
            // itself (with the append in a cql process, for reading its output: the suite hung).
            await Task.Delay(5);
        }
        Assert.Equal(2000, (await append).DocsAdded);
        Assert.Equal(2300, AssertWhole(corpus));
        Assert.Equal(300, seen.Min);
        Assert.True(seen.Count >= 2, "the readers never saw a checkpoint: " + string.Join(", ", seen));
    }
}
