using System.Diagnostics;
using System.Security.Cryptography;
using Cql.Engine.Quotes;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Writing;
using Cql.Engine.Text;

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
    /// <summary>How far the analysing workers may run ahead of the writer: bounds the analysed files held in memory.</summary>
    const int FilesAheadPerWorker = 16;
    const int ProgressEveryFiles = 32;
    /// <summary>Files larger than this are not read whole into memory (with the others in the window).</summary>
    const long MaxFileBytes = 256L << 20;

    public static async Task<IngestSummary> RunAsync(IngestOptions o, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var outDir = Path.GetFullPath(o.OutDir);
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

        var problems = new List<(string, string)>();
        var files = InputCollector.Collect(o.Inputs, problems);
        // Never ingest the corpus's own files when the output folder sits inside an input folder.
        files.RemoveAll(f => f.FullPath.StartsWith(outDir + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        long bytesTotal = 0;
        foreach (var f in files) bytesTotal += SafeLength(f.FullPath);

        var gazetteer = o.AliasesPath is null ? Gazetteer.Default : LoadGazetteer(o.AliasesPath);
        var entities = EntityRegistry.Create(exists && o.Append ? manifest.FilesOf(outDir, CorpusSchema.Entities.Name) : [], gazetteer);
        var knownHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in manifest.Inputs)
            if (i.Status == "read") knownHashes.TryAdd(i.Sha256, i.Source);

        int docId = manifest.NextId("doc"), paraId = manifest.NextId("para"), sentId = manifest.NextId("sent"), quoteId = manifest.NextId("quote");
        int docsAdded = 0, quotesAdded = 0, sentencesAdded = 0, filesDone = 0;
        long bytesDone = 0;
        var outcomes = new List<IngestFileOutcome>(files.Count);
        var warnings = new List<string>();
        int workers = Math.Max(1, o.Parallelism ?? Environment.ProcessorCount);
        var extractor = new QuoteExtractor(gazetteer);

        await using var writer = new CorpusWriter(outDir);
        var checkpointEvery = o.CheckpointEvery ?? TimeSpan.FromSeconds(60);
        var sinceCheckpoint = Stopwatch.StartNew();

        // Commits everything written so far; the end of the run is the last checkpoint.
        async Task CheckpointAsync()
        {
            await entities.WriteAllAsync(writer);
            manifest.NextIds["doc"] = docId;
            manifest.NextIds["para"] = paraId;
            manifest.NextIds["sent"] = sentId;
            manifest.NextIds["quote"] = quoteId;
            manifest.CorpusHash = CorpusHash(manifest);
            await writer.CommitAsync(manifest, new HashSet<string> { CorpusSchema.Entities.Name }, ct);
            // The parts the new manifest no longer lists (the entities of the commit before; everything, after --replace).
            CorpusWriter.RemoveOrphans(outDir, manifest);
            sinceCheckpoint.Restart();
        }
        // Each worker analyses with a context of its own: its buffers, caches and pools, reused file after file.
        using (var pipeline = new OrderedPipeline<InputFile, AnalysisContext, FileWork>(files, () => new AnalysisContext(),
                   (f, context) => Process(f, extractor, context), workers, workers * FilesAheadPerWorker, ct))
            for (int i = 0; i < files.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var r = await pipeline.NextAsync();
                filesDone++;
                bytesDone += r.Bytes;
                warnings.AddRange(r.Warnings);
                if (r.Status != "read")
                {
                    outcomes.Add(new(r.File.Source, r.Status, 0, r.Reason));
                    manifest.Inputs.Add(new ManifestInput { Source = r.File.Source, Sha256 = r.Sha256, Bytes = r.Bytes, Status = r.Status, Reason = r.Reason });
                }
                else if (knownHashes.TryGetValue(r.Sha256, out var earlier))
                {
                    var why = earlier == r.File.Source ? "already in the corpus" : $"same content as {earlier}, already in the corpus";
                    outcomes.Add(new(r.File.Source, "skipped", 0, why));
                }
                else
                {
                    knownHashes[r.Sha256] = r.File.Source;
                    foreach (var a in r.Articles)
                    {
                        await WriteArticleAsync(writer, entities, a, docId, paraId, sentId, quoteId);
                        docId++;
                        paraId += a.Doc.Paragraphs.Count;
                        sentId += a.Doc.Sentences.Count;
                        quoteId += a.Extraction.Quotes.Count;
                        quotesAdded += a.Extraction.Quotes.Count;
                        sentencesAdded += a.Doc.Sentences.Count;
                    }
                    docsAdded += r.Articles.Count;
                    outcomes.Add(new(r.File.Source, "read", r.Articles.Count, null));
                    manifest.Inputs.Add(new ManifestInput { Source = r.File.Source, Sha256 = r.Sha256, Bytes = r.Bytes, Docs = r.Articles.Count });
                }
                if (filesDone % ProgressEveryFiles == 0 || filesDone == files.Count)
                    progress?.Report(new IngestProgress(filesDone, files.Count, bytesDone, bytesTotal, docsAdded));
                if (sinceCheckpoint.Elapsed >= checkpointEvery && filesDone < files.Count) await CheckpointAsync();
            }
        await CheckpointAsync();
        return new IngestSummary(outcomes, warnings, problems, docsAdded, quotesAdded, sentencesAdded, bytesDone, clock.Elapsed, docId);
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

    /// <summary>One analysed article: everything the writer needs, computed off the writing thread.</summary>
    /// <summary>Words and Norms are the strings of Tokens, made by the worker so the writer only copies references.</summary>
    sealed record ArticleWork(RawArticle Raw, AnalyzedDocument Doc, string ContentHash, QuoteExtraction Extraction, TextRange[] Tokens, int[] TokensPerSentence,
        string[] Words, string[] Norms);

    sealed record FileWork(InputFile File, string Status, string? Reason, long Bytes, string Sha256, List<ArticleWork> Articles, IReadOnlyList<string> Warnings);

    static FileWork Process(InputFile file, QuoteExtractor extractor, AnalysisContext context)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            // A link is measured by what it points to.
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
            if (!info.Exists) return new(file, "failed", "not readable: it is a link to nothing", 0, "", [], []);
            var len = info.Length;
            // Pipes, sockets and devices have no length: they are never opened (reading a pipe would wait forever).
            if (len == 0) return new(file, "skipped", "empty file (0 bytes)", 0, "", [], []);
            if (len > MaxFileBytes)
                return new(file, "skipped", $"larger than {MaxFileBytes >> 20} MB", len, "", [], []);
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(file, "failed", "not readable: " + e.Message, 0, "", [], []);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var read = ArticleReader.Read(file, bytes);
        if (read.SkipReason is not null) return new(file, "skipped", read.SkipReason, bytes.Length, sha, [], read.Warnings);
        var articles = new List<ArticleWork>(read.Articles.Count);
        foreach (var raw in read.Articles)
        {
            var doc = DocumentAnalyzer.Analyze(raw, context);
            var extraction = extractor.Extract(doc, context.Quotes);
            var tokens = context.TokenRanges();
            var perSentence = new int[doc.Sentences.Count];
            for (int s = 0; s < doc.Sentences.Count; s++)
            {
                int before = tokens.Count;
                Tokenizer.Tokenize(doc.Text, doc.Sentences[s].Range, tokens);
                perSentence[s] = tokens.Count - before;
            }
            // Pooled strings: the same as Slice and Tokenizer.Normalize, one instance per distinct word.
            var words = new string[tokens.Count];
            var norms = new string[tokens.Count];
            var pool = context.Words;
            for (int t = 0; t < tokens.Count; t++)
                (words[t], norms[t]) = pool.Get(doc.Text.AsSpan(tokens[t].Start, tokens[t].Length));
            var hash = ContentHash(doc.Text);
            articles.Add(new ArticleWork(raw, doc, hash, extraction, tokens.ToArray(), perSentence, words, norms));
        }
        return new(file, "read", null, bytes.Length, sha, articles, read.Warnings);
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, in hex, encoded into a pooled buffer.</summary>
    static string ContentHash(string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        int n = System.Text.Encoding.UTF8.GetBytes(text, buffer);
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, n)));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return hash;
    }

    static async Task WriteArticleAsync(CorpusWriter w, EntityRegistry entities, ArticleWork a, int docId, int paraBase, int sentBase, int quoteBase)
    {
        var doc = a.Doc;
        var text = doc.Text;
        await w.WriteDocAsync(docId, doc, a.Raw, a.ContentHash);
        for (int p = 0; p < doc.Paragraphs.Count; p++)
            await w.WriteParagraphAsync(docId, paraBase + p, p, doc.Paragraphs[p], text);
        int t = 0;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sent = doc.Sentences[s];
            await w.WriteSentenceAsync(docId, paraBase + sent.ParagraphIndex, sentBase + s, s, sent, text);
            int n = a.TokensPerSentence[s];
            await w.WriteTokensAsync(docId, sentBase + s, a.Words.AsMemory(t, n), a.Norms.AsMemory(t, n), a.Tokens.AsMemory(t, n));
            t += n;
        }
        foreach (var e in a.Extraction.NewEntities) entities.Add(e);
        for (int q = 0; q < a.Extraction.Quotes.Count; q++)
        {
            var quote = a.Extraction.Quotes[q];
            int sentIndex = quote.SentenceIndex >= 0 ? quote.SentenceIndex : SentenceAt(doc, quote.Range.Start);
            await w.WriteQuoteAsync(quoteBase + q, docId, paraBase + quote.ParagraphIndex, sentBase + Math.Max(0, sentIndex), quote.Range,
                quote.Text, quote.Speaker, quote.SpeakerText, quote.Cue, quote.Via, quote.Kind, quote.Lang);
        }
        foreach (var m in a.Extraction.Mentions)
            if (entities.IdOf(m.EntityName) is int id)
                await w.WriteMentionAsync(docId, id, m.Range, m.Text);
    }

    static int SentenceAt(AnalyzedDocument doc, int offset)
    {
        for (int i = 0; i < doc.Sentences.Count; i++)
            if (doc.Sentences[i].Range.End > offset) return i;
        return doc.Sentences.Count - 1;
    }

    static string CorpusHash(CorpusManifest m)
    {
        var hashes = new List<string>();
        foreach (var i in m.Inputs) if (i.Status == "read") hashes.Add(i.Sha256);
        hashes.Sort(StringComparer.Ordinal);
        var all = string.Join('\n', hashes) + "\nextraction=" + EngineInfo.ExtractionVersion;
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(all)))[..16];
    }
}
