using Cql.Engine.Quotes;
using Cql.Engine.Statements;
using Cql.Engine.Storage;
using System.Diagnostics;

namespace Cql.Engine.Ingest;

/// <summary>A request that cannot be carried out as asked (an existing corpus without --append, a stale corpus);
/// the CLI reports it with exit code 2.</summary>
public sealed class IngestUsageException(string message) : Exception(message);

/// <summary>
/// `cql ingest`: input files → analysed documents → Parquet tables, committed by replacing the manifest last.
/// Files are analysed on worker threads a bounded window ahead of the writer (memory stays flat however many files
/// there are) and written in input order on the calling thread, so ids are deterministic for the same inputs.
/// </summary>
public static class Ingestor
{
    /// <summary>How far the analysing workers may run ahead of the writer: bounds the analysed files (or batches of a
    /// WARC file's records) held in memory.</summary>
    const int FilesAheadPerWorker = 16;
    const int ProgressEveryFiles = 32;

    public static async Task<IngestSummary> RunAsync(IngestOptions o, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var outDir = Path.GetFullPath(o.OutDir);
        // Everything that can be refused is refused before the output folder is touched: a failed ingest leaves no
        // corpus behind, and an existing one as it was.
        var problems = new List<(string, string)>();
        var files = InputCollector.Collect(o.Inputs, problems);
        // Never ingest the corpus's own files when the output folder sits inside an input folder.
        files.RemoveAll(f => f.FullPath.StartsWith(outDir + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (files.Count == 0 && problems.Count > 0)
            throw new IngestUsageException("nothing to ingest: " + string.Join("; ", problems.Select(p => $"{p.Item1}: {p.Item2}")));
        bool created = !Directory.Exists(outDir);
        try
        {
            return await IngestAsync(o, outDir, files, problems, clock, progress, ct);
        }
        catch when (created && !File.Exists(CorpusManifest.PathIn(outDir)))
        {
            // Nothing was committed to the folder this run made: take it away again (a run that committed a
            // checkpoint keeps it, to be finished with --append).
            try { Directory.Delete(outDir, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    static async Task<IngestSummary> IngestAsync(IngestOptions o, string outDir, List<InputFile> files, List<(string, string)> problems,
        Stopwatch clock, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var (manifest, appending) = OpenCorpus(o, outDir);
        long bytesTotal = 0;
        foreach (var f in files) bytesTotal += SafeLength(f.FullPath);

        var gazetteer = o.AliasesPath is null ? Gazetteer.Default : LoadGazetteer(o.AliasesPath);
        var entities = EntityRegistry.Create(appending ? manifest.FilesOf(outDir, CorpusSchema.Entities.Name) : [], gazetteer);
        var extractor = new QuoteExtractor(gazetteer);
        int workers = Math.Max(1, o.Parallelism ?? Environment.ProcessorCount);
        var checkpointEvery = o.CheckpointEvery ?? TimeSpan.FromSeconds(60);
        var sinceCheckpoint = Stopwatch.StartNew();

        await using var writer = new CorpusWriter(outDir);
        IngestRun run;
        // The statement lexicon loads (~0.3 s) while the workers analyse the first files, not before they start.
        var lexicon = Task.Run(() => StatementLexicon.Default, ct);
        // Each worker analyses with a context of its own: its buffers, caches and pools, reused file after file.
        var units = IngestUnits.Of(files, IngestRun.HashesIn(manifest));
        using (var pipeline = new OrderedPipeline<IngestUnit, AnalysisContext, FileWork>(units, () => new AnalysisContext(),
                   (u, context) => u.Process(extractor, context), workers, workers * FilesAheadPerWorker, ct))
        {
            var statements = new StatementGrouper(await lexicon, entities.IsOrganisation);
            if (appending) StatementHistory.Replay(outDir, manifest, statements);
            run = new IngestRun(outDir, manifest, writer, entities, statements);
            while (await pipeline.NextAsync() is { } work)
            {
                ct.ThrowIfCancellationRequested();
                await run.AcceptAsync(work);
                if (!work.Complete || run.FilesDone % ProgressEveryFiles == 0 || run.FilesDone == files.Count)
                    progress?.Report(new IngestProgress(run.FilesDone, files.Count, run.BytesDone, bytesTotal, run.DocsAdded));
                // A checkpoint commits whole files only: a WARC file's parts are committed with its last.
                if (work.Complete && sinceCheckpoint.Elapsed >= checkpointEvery && run.FilesDone < files.Count)
                {
                    await run.CheckpointAsync(ct);
                    sinceCheckpoint.Restart();
                }
            }
        }
        await run.CheckpointAsync(ct);
        return run.Summary(problems, clock.Elapsed);
    }

    /// <summary>The manifest to add to (the corpus's own with --append, else a new one), after refusing what cannot
    /// be done as asked and removing what a killed run left behind.</summary>
    static (CorpusManifest Manifest, bool Appending) OpenCorpus(IngestOptions o, string outDir)
    {
        bool exists = File.Exists(CorpusManifest.PathIn(outDir));
        if (exists && !o.Append && !o.Replace)
            throw new IngestUsageException($"'{o.OutDir}' already holds a corpus; add --append to add to it, or --replace to rebuild it");
        var manifest = exists && o.Append ? CorpusManifest.Load(outDir) : new CorpusManifest();
        // Parts of an earlier run that never became part of the corpus (a killed ingest) go first.
        // (--replace may be rebuilding a corpus whose manifest is broken: then there is nothing to go by.)
        if (exists && (o.Append ? manifest : TryLoad(outDir)) is { } previous) CorpusWriter.RemoveOrphans(outDir, previous);
        // A first ingest killed before its first checkpoint left parts and no manifest.
        else if (!exists && Directory.Exists(outDir)) CorpusWriter.RemoveOrphans(outDir, new CorpusManifest());
        if (exists && o.Append && manifest.ExtractionVersion != EngineInfo.ExtractionVersion)
            throw new IngestUsageException($"'{o.OutDir}' was built by extraction version {manifest.ExtractionVersion}, this cql has {EngineInfo.ExtractionVersion}; rebuild it with --replace");
        Directory.CreateDirectory(outDir);
        return (manifest, exists && o.Append);
    }

    static CorpusManifest? TryLoad(string dir)
    {
        try { return CorpusManifest.Load(dir); }
        catch (CorpusException) { return null; }
    }

    static Gazetteer LoadGazetteer(string path)
    {
        using var r = File.OpenText(path);
        return Gazetteer.Load(r);
    }

    static long SafeLength(string path)
    {
        try { return new FileInfo(path).Length; } catch (IOException) { return 0; }
    }
}
