using Cql.Engine.Statements;
using Cql.Engine.Storage;
using Cql.Engine.Text;
using System.Security.Cryptography;

namespace Cql.Engine.Ingest;

/// <summary>
/// One ingest run's writing side, on the writer's thread: the next ids, the counts, every input's outcome, and the
/// manifest a checkpoint commits. Analysed files come in input order, so ids are deterministic for the same inputs.
/// </summary>
sealed class IngestRun(string outDir, CorpusManifest manifest, CorpusWriter writer, EntityRegistry entities, StatementGrouper statements)
{
    // The corpus-wide ids continue where the corpus left them (manifest.NextIds, saved at every checkpoint).
    const string DocIds = "doc", ParaIds = "para", SentIds = "sent", QuoteIds = "quote";
    int _docId = manifest.NextId(DocIds), _paraId = manifest.NextId(ParaIds), _sentId = manifest.NextId(SentIds),
        _quoteId = manifest.NextId(QuoteIds);
    readonly Dictionary<string, string> _knownHashes = KnownHashes(manifest);
    readonly List<IngestFileOutcome> _outcomes = [];
    readonly List<string> _skippedRecords = [];
    readonly List<string> _notes = [];
    int _notPages;

    public int FilesDone { get; private set; }
    public long BytesDone { get; private set; }
    public int DocsAdded { get; private set; }
    int _quotesAdded, _sentencesAdded;

    /// <summary>SHA-256 of the files a corpus has (a run's at its start), so a WARC file it has already is not read.</summary>
    public static IReadOnlySet<string> HashesIn(CorpusManifest manifest) => new HashSet<string>(KnownHashes(manifest).Keys, StringComparer.Ordinal);

    // The file whose parts are coming in (a WARC file's batches), until its last part: whether it is a duplicate
    // (its parts are passed over), and its documents so far.
    InputFile? _open;
    bool _openDuplicate;
    int _openDocs;
    long _openBytes;

    /// <summary>Writes a read file's articles (or a part of a WARC file's), unless the corpus has its content
    /// already, and records its outcome once it is complete.</summary>
    public async Task AcceptAsync(FileWork r)
    {
        BytesDone += r.Bytes;
        if (_open is null)
        {
            _open = r.File;
            _openDocs = 0;
            _openBytes = 0;
            _openDuplicate = r.Status == "read" && _knownHashes.ContainsKey(r.Sha256);
            if (!_openDuplicate && r.Status == "read") _knownHashes[r.Sha256] = r.File.Source;
        }
        _openBytes += r.Bytes;
        bool duplicate = _openDuplicate;
        if (r.Complete) _open = null;
        if (r.Status != "read")
        {
            FilesDone++;
            if (r.Notes is { } skippedNotes && !_knownHashes.ContainsKey(r.Sha256)) _notes.AddRange(skippedNotes);
            _outcomes.Add(new(r.File.Source, r.Status, 0, r.Reason));
            manifest.Inputs.Add(new ManifestInput { Source = r.File.Source, Sha256 = r.Sha256, Bytes = r.Bytes, Status = r.Status, Reason = r.Reason });
            return;
        }
        if (duplicate)
        {
            if (!r.Complete) return;
            FilesDone++;
            var earlier = _knownHashes[r.Sha256];
            var why = earlier == r.File.Source ? "already in the corpus" : $"same content as {earlier}, already in the corpus";
            _outcomes.Add(new(r.File.Source, "skipped", 0, why));
            return;
        }
        // Only a file that is read has its notes and bad records to report (a duplicate's were reported when it was read).
        if (r.Notes is { } notes) _notes.AddRange(notes);
        _skippedRecords.AddRange(r.SkippedRecords);
        _notPages += r.NotPages;
        foreach (var a in r.Articles)
        {
            await WriteArticleAsync(writer, entities, statements, a, _docId, _paraId, _sentId, _quoteId);
            a.ReturnTokenArrays();
            _docId++;
            _paraId += a.Doc.Paragraphs.Count;
            _sentId += a.Doc.Sentences.Count;
            _quoteId += a.Extraction.Quotes.Count;
            _quotesAdded += a.Extraction.Quotes.Count;
            _sentencesAdded += a.Doc.Sentences.Count;
        }
        DocsAdded += r.Articles.Count;
        _openDocs += r.Articles.Count;
        if (!r.Complete) return;
        FilesDone++;
        if (r.Warc is { } tally) _notes.AddRange(tally.Notes(r.File.Source, _openDocs));
        _outcomes.Add(new(r.File.Source, "read", _openDocs, null));
        manifest.Inputs.Add(new ManifestInput { Source = r.File.Source, Sha256 = r.Sha256, Bytes = _openBytes, Docs = _openDocs });
    }

    /// <summary>Commits everything written so far; the end of the run is the last checkpoint.</summary>
    public async Task CheckpointAsync(CancellationToken ct)
    {
        await entities.WriteAllAsync(writer);
        foreach (var s in statements.Statements)
            if (s.Reports > 0) await writer.WriteStatementAsync(s);
        manifest.NextIds[DocIds] = _docId;
        manifest.NextIds[ParaIds] = _paraId;
        manifest.NextIds[SentIds] = _sentId;
        manifest.NextIds[QuoteIds] = _quoteId;
        manifest.CorpusHash = CorpusHash(manifest);
        await writer.CommitAsync(manifest, new HashSet<string> { CorpusSchema.Entities.Name, CorpusSchema.Statements.Name }, ct);
        // The parts the new manifest no longer lists (the entities of the commit before; everything, after --replace).
        CorpusWriter.RemoveOrphans(outDir, manifest);
    }

    public IngestSummary Summary(IReadOnlyList<(string, string)> problems, TimeSpan elapsed) =>
        new(_outcomes, _skippedRecords, problems, DocsAdded, _quotesAdded, _sentencesAdded, BytesDone, elapsed, _docId, _notes, _notPages);

    static Dictionary<string, string> KnownHashes(CorpusManifest manifest)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in manifest.Inputs)
            if (i.Status == "read") known.TryAdd(i.Sha256, i.Source);
        return known;
    }

    static async Task WriteArticleAsync(CorpusWriter w, EntityRegistry entities, StatementGrouper statements, ArticleWork a, int docId, int paraBase,
        int sentBase, int quoteBase)
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
            int sentId = sentBase + Math.Max(0, sentIndex);
            // Entities first: a speaker this document introduced is known (a person) when the quote is grouped.
            int? statement = statements.Add(new GroupedQuote(quoteBase + q, docId, sentId, quote.Text, quote.Speaker, quote.Lang, quote.Kind, doc.Date));
            await w.WriteQuoteAsync(quoteBase + q, docId, paraBase + quote.ParagraphIndex, sentId, quote.Range,
                quote.Text, quote.Speaker, quote.SpeakerText, quote.Cue, quote.Via, quote.Kind, quote.Lang,
                quote.SpeakerRole, quote.CueLemma, quote.InBoilerplate, quote.Joint, statement);
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
