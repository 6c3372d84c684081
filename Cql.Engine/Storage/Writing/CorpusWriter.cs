using Cql.Engine.Ingest;

namespace Cql.Engine.Storage.Writing;

/// <summary>
/// Writes the rows of every corpus table for one ingest run, in the column order of <see cref="CorpusSchema"/>.
/// Parts get a run-unique prefix so they never collide with the parts of the corpus being appended to; nothing
/// becomes visible until <see cref="CommitAsync"/> replaces the manifest.
/// </summary>
public sealed class CorpusWriter : IAsyncDisposable
{
    readonly string _dir;
    readonly Dictionary<string, TableWriter> _writers = new(StringComparer.Ordinal);
    readonly Dictionary<string, TermIndexWriter> _indexes = new(StringComparer.Ordinal);
    readonly TableWriter _valueCounts;
    bool _committed;

    public CorpusWriter(string corpusDir)
    {
        _dir = corpusDir;
        RunId = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        foreach (var t in CorpusSchema.Tables)
            _writers[t.Name] = new TableWriter(t, corpusDir, "part-" + RunId);
        _valueCounts = new TableWriter(ValueCounter.Schema, corpusDir, "part-" + RunId);
        foreach (var (name, w) in _writers)
            if (name != "entities") w.CountValuesInto(_valueCounts); // entities are replaced on every ingest: not worth counting
        foreach (var spec in Indexing.TermIndexSpec.All)
            _indexes[spec.SourceTable] = new TermIndexWriter(spec, corpusDir, "part-" + RunId);
    }

    /// <summary>Names this run's part files.</summary>
    public string RunId { get; }
    public TableWriter this[string table] => _writers[table];

    public async ValueTask WriteDocAsync(int docId, AnalyzedDocument d, RawArticle raw, string contentHash)
    {
        var w = _writers["docs"];
        int c = 0;
        w.Int32(c++, docId);
        w.String(c++, d.Source);
        w.String(c++, d.Lang.Code);
        w.Float64(c++, Math.Round(d.Lang.Confidence, 4));
        w.String(c++, d.Title);
        w.String(c++, d.Date);
        w.String(c++, raw.Url);
        w.String(c++, raw.Outlet);
        w.String(c++, d.Text);
        w.Int32(c++, d.Text.Length);
        w.String(c++, raw.Encoding);
        w.String(c, contentHash);
        await w.EndRowAsync();
    }

    public async ValueTask WriteParagraphAsync(int docId, int paraId, int position, ParagraphInfo p, string text)
    {
        var w = _writers["paragraphs"];
        int c = 0;
        w.Int32(c++, docId);
        w.Int32(c++, paraId);
        w.Int32(c++, position);
        w.Int32(c++, p.Range.Start);
        w.Int32(c++, p.Range.End);
        w.String(c++, p.Range.Slice(text));
        w.String(c++, p.Lang.Code);
        w.Float64(c++, Math.Round(p.Lang.Confidence, 4));
        w.Bool(c++, p.Boilerplate);
        w.String(c, p.BoilerplateKind);
        await w.EndRowAsync();
    }

    public async ValueTask WriteSentenceAsync(int docId, int paraId, int sentId, int position, SentenceInfo s, string text)
    {
        var w = _writers["sentences"];
        int c = 0;
        w.Int32(c++, docId);
        w.Int32(c++, paraId);
        w.Int32(c++, sentId);
        w.Int32(c++, position);
        w.Int32(c++, s.Range.Start);
        w.Int32(c++, s.Range.End);
        var sentence = s.Range.Slice(text);
        w.String(c++, sentence);
        await _indexes["sentences"].AddAsync(sentId, sentence);
        w.String(c++, s.Lang.Code);
        w.Float64(c, Math.Round(s.Lang.Confidence, 4));
        await w.EndRowAsync();
    }

    public async ValueTask WriteTokenAsync(int docId, int sentId, int position, string word, string norm, TextRange r)
    {
        var w = _writers["tokens"];
        w.Int32(0, docId);
        w.Int32(1, sentId);
        w.Int32(2, position);
        w.String(3, word);
        w.String(4, norm);
        w.Int32(5, r.Start);
        w.Int32(6, r.End);
        await w.EndRowAsync();
    }

    public async ValueTask WriteQuoteAsync(int quoteId, int docId, int paraId, int sentId, TextRange r, string text,
        string? speaker, string? speakerText, string? cue, string? via, string kind, string lang)
    {
        var w = _writers["quotes"];
        int c = 0;
        w.Int32(c++, quoteId);
        w.Int32(c++, docId);
        w.Int32(c++, paraId);
        w.Int32(c++, sentId);
        w.Int32(c++, r.Start);
        w.Int32(c++, r.End);
        w.String(c++, text);
        await _indexes["quotes"].AddAsync(quoteId, text);
        w.String(c++, speaker);
        w.String(c++, speakerText);
        w.String(c++, cue);
        w.String(c++, via);
        w.String(c++, kind);
        w.String(c, lang);
        await w.EndRowAsync();
    }

    public async ValueTask WriteEntityAsync(int entityId, string name, string kind, IReadOnlyList<string> aliases)
    {
        var w = _writers["entities"];
        w.Int32(0, entityId);
        w.String(1, name);
        w.String(2, kind);
        w.String(3, string.Join(" | ", aliases));
        await w.EndRowAsync();
    }

    public async ValueTask WriteMentionAsync(int docId, int entityId, TextRange r, string text)
    {
        var w = _writers["mentions"];
        w.Int32(0, docId);
        w.Int32(1, entityId);
        w.Int32(2, r.Start);
        w.Int32(3, r.End);
        w.String(4, text);
        await w.EndRowAsync();
    }

    /// <summary>
    /// Completes every part and commits: the new manifest lists the previous parts (unless a table is in
    /// <paramref name="replacedTables"/>) plus this run's, and atomically replaces corpus.json.
    /// </summary>
    public async Task CommitAsync(CorpusManifest manifest, IReadOnlySet<string> replacedTables, CancellationToken ct)
    {
        bool first = manifest.Tables.Count == 0;
        foreach (var (name, w) in _writers)
        {
            bool needsFile = first || replacedTables.Contains(name);
            await w.CompleteAsync(writeEmptyFile: needsFile, ct);
            if (!manifest.Tables.TryGetValue(name, out var t) || replacedTables.Contains(name))
                manifest.Tables[name] = t = new ManifestTable();
            t.Files.AddRange(w.WrittenFiles);
            t.Rows += w.RowCount;
        }
        // After every part is closed: closing a part writes its value counts.
        await _valueCounts.CompleteAsync(writeEmptyFile: first, ct);
        if (first || !manifest.Tables.TryGetValue(ValueCounter.TableName, out var vc)) manifest.Tables[ValueCounter.TableName] = vc = new ManifestTable();
        vc.Files.AddRange(_valueCounts.WrittenFiles);
        vc.Rows += _valueCounts.RowCount;
        foreach (var (source, ix) in _indexes)
        {
            // The index covers the table only if it covered every earlier row too (a corpus from before indexes
            // gets postings for the new rows, but stays unindexed: queries scan).
            var name = ix.Spec.IndexTable;
            bool replaced = first || replacedTables.Contains(source);
            manifest.Tables.TryGetValue(name, out var t);
            long before = manifest.Tables[source].Rows - ix.SourceRows;
            bool complete = replaced || (t is not null && t.CoveredRows == before);
            await ix.CompleteAsync(writeEmptyFile: replaced, ct);
            if (t is null || replaced) manifest.Tables[name] = t = new ManifestTable { IndexOf = source, CoveredRows = 0 };
            t.Files.AddRange(ix.WrittenFiles);
            t.Rows += ix.RowCount;
            t.CoveredRows = complete ? before + ix.SourceRows : -1;
        }
        ct.ThrowIfCancellationRequested();
        manifest.BuiltAt = DateTimeOffset.UtcNow;
        manifest.EngineVersion = EngineInfo.Version;
        manifest.ExtractionVersion = EngineInfo.ExtractionVersion;
        manifest.Save(_dir);
        _committed = true;
    }

    /// <summary>Without a commit, every part this run wrote is deleted: the corpus stays as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var w in _writers.Values) await w.DisposeAsync();
        foreach (var ix in _indexes.Values) await ix.DisposeAsync();
        await _valueCounts.DisposeAsync();
        if (_committed) return;
        foreach (var f in _writers.Values.SelectMany(w => w.WrittenFiles).Concat(_indexes.Values.SelectMany(i => i.WrittenFiles)).Concat(_valueCounts.WrittenFiles))
            try { File.Delete(Path.Combine(_dir, f)); } catch (IOException) { }
    }
}
