using Cql.Engine.Ingest;
using System.Globalization;

namespace Cql.Repl.Cli;

/// <summary>`cql ingest INPUT... --out DIR [--append|--replace] [--aliases FILE] [--jobs N]`.</summary>
public static class IngestCommand
{
    public const string Help = """
        Usage: cql ingest INPUT... --out DIR [options]

        Builds a Parquet corpus from article files. INPUT is files or folders (read recursively).
        Formats: .txt/.md (one article a file), .jsonl/.ndjson (one a line), .json, .csv/.tsv (with a header;
        fields text, title, date, url, source, lang are used when present).

        Options:
          -o, --out DIR      the corpus folder to write (required)
          --append           add to the corpus in DIR; files already in it (same content) are skipped
          --replace          rebuild the corpus in DIR from these inputs
          --aliases FILE     the gazetteer of speakers and entities (default: corpora/aliases.tsv shipped with cql)
          -j, --jobs N       worker threads (default: all cores)
          --checkpoint S     commit what is done every S seconds (default 60; 0.5 is allowed): an interrupted
                             ingest keeps its work, and running it again with --append finishes it without
                             duplicates
          -q, --quiet        no progress bar, only the summary
          -h, --help         this help
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string? outDir = null, aliases = null;
        bool append = false, replace = false, quiet = false, help = false;
        int? jobs = null;
        double? checkpoint = null;
        var r = new ArgReader(args, "ingest");
        r.Read(flag =>
        {
            switch (flag)
            {
                case "-o" or "--out": outDir = r.Value(flag); return true;
                case "--append": append = true; return true;
                case "--replace": replace = true; return true;
                case "--aliases": aliases = r.Value(flag); return true;
                case "-j" or "--jobs": jobs = Math.Max(1, r.IntValue(flag)); return true;
                case "--checkpoint": checkpoint = r.SecondsValue(flag); return true;
                case "-q" or "--quiet": quiet = true; return true;
                case "-h" or "--help": help = true; return true;
                default: return false;
            }
        });
        if (help) { stdout.WriteLine(Help); return ExitCodes.Ok; }
        if (r.Positionals.Count == 0) throw new UsageException("give at least one INPUT file or folder", "ingest");
        if (outDir is null) throw new UsageException("say where the corpus goes: --out DIR", "ingest");
        if (append && replace) throw new UsageException("--append and --replace exclude each other", "ingest");
        if (aliases is not null && !File.Exists(aliases)) throw new UsageException($"aliases file '{aliases}' does not exist", "ingest");

        var bar = !quiet && !Console.IsErrorRedirected ? new ProgressBar(stderr) : null;
        IngestSummary s;
        try
        {
            s = await Ingestor.RunAsync(new IngestOptions(r.Positionals, outDir, append, replace, aliases, jobs,
                    checkpoint is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
                bar is null ? null : new SyncProgress<IngestProgress>(bar.Report), ct);
        }
        catch (IngestUsageException e)
        {
            throw new UsageException(e.Message, "ingest");
        }
        finally
        {
            bar?.Clear();
        }
        PrintSummary(s, outDir, stdout, stderr);
        return ExitCodes.Ok;
    }

    static void PrintSummary(IngestSummary s, string outDir, TextWriter stdout, TextWriter stderr)
    {
        foreach (var (input, problem) in s.InputProblems) stderr.WriteLine($"warning: {input}: {problem}");
        foreach (var f in s.Files)
            if (f.Status != "read") stderr.WriteLine($"{(f.Status == "failed" ? "error" : "skipped")}: {f.Source}: {f.Reason}");
        foreach (var w in s.SkippedRecords) stderr.WriteLine("skipped record: " + w);
        foreach (var n in s.Notes ?? []) stderr.WriteLine("note: " + n);
        var mb = s.BytesRead / 1e6;
        var notPages = s.RecordsNotPages > 0 ? $", {s.RecordsNotPages} WARC records not pages (counted in the notes)" : "";
        var secs = Math.Max(s.Elapsed.TotalSeconds, 1e-3);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {s.Files.Count} files: {s.FilesRead} read, {s.FilesSkipped} skipped, {s.FilesFailed} failed; " +
            $"{s.RecordsRead} records: {s.DocsAdded} docs added ({s.SentencesAdded} sentences, {s.QuotesAdded} quotes), {s.SkippedRecords.Count} skipped{notPages}; " +
            $"corpus now {s.DocsInCorpus} docs in {outDir}; " +
            $"{mb:0.0} MB in {secs:0.00} s ({mb / secs:0.0} MB/s)"));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the summary).</summary>
    sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
