using Cql.Engine.Statements;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Indexing;
using Cql.Engine.Storage.Writing;
using Cql.Engine.Storage.Writing.Format;
using Cql.Engine.Text;

namespace Cql.Engine.Ingest;

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
        var encoders = new ColumnEncoderPool();
        foreach (var t in CorpusSchema.Tables)
            _writers[t.Name] = new TableWriter(t, corpusDir, "part-" + RunId, encoders);
        _valueCounts = new TableWriter(ValueCounter.Schema, corpusDir, "part-" + RunId, encoders);
        foreach (var (name, w) in _writers)
            if (name != CorpusSchema.Entities.Name && name != CorpusSchema.Statements.Name)
                w.CountValuesInto(_valueCounts); // entities and statements are rewritten whole at every commit: their counts would go stale
        foreach (var spec in TermIndexSpec.All)
            _indexes[spec.SourceTable] = new TermIndexWriter(spec, corpusDir, "part-" + RunId, encoders);
    }

    /// <summary>Names this run's part files.</summary>
    public string RunId { get; }
    public TableWriter this[string table] => _writers[table];

    public async ValueTask WriteDocAsync(int docId, AnalyzedDocument d, RawArticle raw, string contentHash)
    {
        var w = _writers[CorpusSchema.Docs.Name];
        w.Int32(DocCol.DocId, docId);
        w.String(DocCol.Source, d.Source);
        w.String(DocCol.Lang, d.Lang.Code);
        w.Float64(DocCol.LangConfidence, Math.Round(d.Lang.Confidence, 4));
        w.String(DocCol.Title, d.Title);
        w.String(DocCol.Date, d.Date);
        w.String(DocCol.DatePrecision, d.Date is null ? null : DatePrecision.Of(d.Date));
        w.String(DocCol.Url, raw.Url);
        w.String(DocCol.Outlet, raw.Outlet);
        w.String(DocCol.Authors, raw.Authors);
        // A time the stored TIMESTAMP cannot hold is dropped rather than failing the ingest.
        var published = raw.PublishedAt is { } p && Instants.IsInstant(p) ? p : null;
        w.String(DocCol.PublishedAt, published);
        w.String(DocCol.PublishedOffset, published is null ? null : Instants.OffsetOf(published));
        w.String(DocCol.Text, d.Text);
        w.Int32(DocCol.Chars, d.Text.Length);
        w.String(DocCol.Encoding, raw.Encoding);
        w.String(DocCol.ContentHash, contentHash);
        await w.EndRowAsync();
    }

    public async ValueTask WriteParagraphAsync(int docId, int paraId, int position, ParagraphInfo p, string text)
    {
        var w = _writers[CorpusSchema.Paragraphs.Name];
        w.Int32(ParagraphCol.DocId, docId);
        w.Int32(ParagraphCol.ParaId, paraId);
        w.Int32(ParagraphCol.Position, position);
        w.Int32(ParagraphCol.Start, p.Range.Start);
        w.Int32(ParagraphCol.End, p.Range.End);
        w[ParagraphCol.Text].AddText(text, p.Range.Start, p.Range.Length);
        w.String(ParagraphCol.Lang, p.Lang.Code);
        w.Float64(ParagraphCol.LangConfidence, Math.Round(p.Lang.Confidence, 4));
        w.Bool(ParagraphCol.Boilerplate, p.Boilerplate);
        w.String(ParagraphCol.BoilerplateKind, p.BoilerplateKind);
        await w.EndRowAsync();
    }

    public async ValueTask WriteSentenceAsync(int docId, int paraId, int sentId, int position, SentenceInfo s, string text)
    {
        var w = _writers[CorpusSchema.Sentences.Name];
        w.Int32(SentenceCol.DocId, docId);
        w.Int32(SentenceCol.ParaId, paraId);
        w.Int32(SentenceCol.SentId, sentId);
        w.Int32(SentenceCol.Position, position);
        w.Int32(SentenceCol.Start, s.Range.Start);
        w.Int32(SentenceCol.End, s.Range.End);
        w[SentenceCol.Text].AddText(text, s.Range.Start, s.Range.Length);
        await _indexes[CorpusSchema.Sentences.Name].AddAsync(sentId, text.AsMemory(s.Range.Start, s.Range.Length));
        w.String(SentenceCol.Lang, s.Lang.Code);
        w.Float64(SentenceCol.LangConfidence, Math.Round(s.Lang.Confidence, 4));
        await w.EndRowAsync();
    }

    public async ValueTask WriteTokenAsync(int docId, int sentId, int position, string word, string norm, TextRange r)
    {
        var w = _writers[CorpusSchema.Tokens.Name];
        w.Int32(TokenCol.DocId, docId);
        w.Int32(TokenCol.SentId, sentId);
        w.Int32(TokenCol.Position, position);
        w.String(TokenCol.Word, word);
        w.String(TokenCol.Norm, norm);
        w.Int32(TokenCol.Start, r.Start);
        w.Int32(TokenCol.End, r.End);
        await w.EndRowAsync();
    }

    /// <summary>The tokens of one sentence: <paramref name="words"/>, <paramref name="norms"/> and
    /// <paramref name="ranges"/> hold them in order. Written column by column, a row group's worth at a time: the
    /// tokens table has a row per word, and a call per value was the writer's largest cost.</summary>
    public async ValueTask WriteTokensAsync(int docId, int sentId, ReadOnlyMemory<string> words, ReadOnlyMemory<string> norms, ReadOnlyMemory<TextRange> ranges)
    {
        var w = _writers[CorpusSchema.Tokens.Name];
        for (int done = 0; done < words.Length;)
        {
            int n = Math.Min(words.Length - done, w.RowsUntilFull);
            w[TokenCol.DocId].AppendInt32s(n).Fill(docId);
            w[TokenCol.SentId].AppendInt32s(n).Fill(sentId);
            var position = w[TokenCol.Position].AppendInt32s(n);
            for (int k = 0; k < n; k++) position[k] = done + k;
            w[TokenCol.Word].AddStrings(words.Span.Slice(done, n));
            w[TokenCol.Norm].AddStrings(norms.Span.Slice(done, n));
            var starts = w[TokenCol.Start].AppendInt32s(n);
            var ends = w[TokenCol.End].AppendInt32s(n);
            var r = ranges.Span.Slice(done, n);
            for (int k = 0; k < n; k++) { starts[k] = r[k].Start; ends[k] = r[k].End; }
            await w.EndRowsAsync(n);
            done += n;
        }
    }

    public async ValueTask WriteQuoteAsync(int quoteId, int docId, int paraId, int sentId, TextRange r, string text,
        string? speaker, string? speakerText, string? cue, string? via, string kind, string lang,
        string? speakerRole, string? cueLemma, bool inBoilerplate, bool joint, int? statementId)
    {
        var w = _writers[CorpusSchema.Quotes.Name];
        w.Int32(QuoteCol.QuoteId, quoteId);
        w.Int32(QuoteCol.DocId, docId);
        w.Int32(QuoteCol.ParaId, paraId);
        w.Int32(QuoteCol.SentId, sentId);
        w.Int32(QuoteCol.Start, r.Start);
        w.Int32(QuoteCol.End, r.End);
        w.String(QuoteCol.Text, text);
        await _indexes[CorpusSchema.Quotes.Name].AddAsync(quoteId, text);
        w.String(QuoteCol.Speaker, speaker);
        w.String(QuoteCol.SpeakerText, speakerText);
        w.String(QuoteCol.Cue, cue);
        w.String(QuoteCol.Via, via);
        w.String(QuoteCol.Kind, kind);
        w.String(QuoteCol.Lang, lang);
        w.String(QuoteCol.SpeakerRole, speakerRole);
        w.String(QuoteCol.CueLemma, cueLemma);
        w.Bool(QuoteCol.InBoilerplate, inBoilerplate);
        w.Bool(QuoteCol.Joint, joint);
        if (statementId is int sid) w.Int32(QuoteCol.StatementId, sid); else w.Null(QuoteCol.StatementId);
        await w.EndRowAsync();
    }

    public async ValueTask WriteStatementAsync(StatementRow s)
    {
        var w = _writers[CorpusSchema.Statements.Name];
        w.Int32(StatementCol.StatementId, s.StatementId);
        w.String(StatementCol.Speaker, s.Speaker);
        w.String(StatementCol.Text, s.Text);
        w.String(StatementCol.TextLang, s.TextLang);
        w.String(StatementCol.Langs, string.Join(',', s.Langs));
        w.Int32(StatementCol.NLangs, s.Langs.Count);
        w.Int32(StatementCol.NReports, s.Reports);
        w.Int32(StatementCol.NDocs, s.Docs);
        w.String(StatementCol.FirstDate, s.FirstDate);
        w.String(StatementCol.FirstDatePrecision, s.FirstDate is null ? null : DatePrecision.Of(s.FirstDate));
        w.Int32(StatementCol.FirstDocId, s.FirstDocId);
        w.Int32(StatementCol.FirstQuoteId, s.FirstQuoteId);
        w.Int32(StatementCol.QuoteId, s.RepresentativeQuoteId);
        await w.EndRowAsync();
    }

    public async ValueTask WriteEntityAsync(int entityId, string name, string kind, IReadOnlyList<string> aliases)
    {
        var w = _writers[CorpusSchema.Entities.Name];
        w.Int32(EntityCol.EntityId, entityId);
        w.String(EntityCol.Name, name);
        w.String(EntityCol.Kind, kind);
        w.String(EntityCol.Aliases, EntityAliases.Join(aliases));
        await w.EndRowAsync();
    }

    public async ValueTask WriteMentionAsync(int docId, int entityId, TextRange r, string text)
    {
        var w = _writers[CorpusSchema.Mentions.Name];
        w.Int32(MentionCol.DocId, docId);
        w.Int32(MentionCol.EntityId, entityId);
        w.Int32(MentionCol.Start, r.Start);
        w.Int32(MentionCol.End, r.End);
        w.String(MentionCol.Text, text);
        await w.EndRowAsync();
    }

    // What earlier commits of this run already put in the manifest, per table: files and rows.
    readonly Dictionary<string, (int Files, long Rows)> _done = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _indexRows = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes the current parts and commits what this run has written so far: the new manifest lists the parts
    /// of earlier runs and commits plus the new ones, and atomically replaces corpus.json. It may be called again
    /// after more rows (a checkpoint: an interrupted ingest keeps everything up to its last one). A table in
    /// <paramref name="replacedTables"/> is written whole at each commit (entities), and its newest copy replaces
    /// the one before.
    /// </summary>
    public async Task CommitAsync(CorpusManifest manifest, IReadOnlySet<string> replacedTables, CancellationToken ct)
    {
        bool first = manifest.Tables.Count == 0;
        // The end of a run is its serial tail: the term indexes (their last texts, sorting their last segment) and
        // every table's last row group are independent of each other, so they are completed side by side, on both
        // cores, before the parts are closed one by one in table order (closing writes the shared value counts).
        var indexing = new List<Task>(_indexes.Count);
        foreach (var (source, ix) in _indexes)
        {
            bool writeEmpty = first || replacedTables.Contains(source);
            indexing.Add(Task.Run(() => ix.CompleteAsync(writeEmptyFile: writeEmpty, ct), CancellationToken.None));
        }
        try
        {
            await Task.WhenAll(_writers.Values.Select(w => Task.Run(() => w.FlushBufferedAsync(ct), CancellationToken.None)));
            await CloseTablesAsync(manifest, replacedTables, first, ct);
        }
        catch
        {
            // Nothing may still be writing an index when the writer is disposed.
            try { await Task.WhenAll(indexing); } catch { /* the first failure is the one reported */ }
            throw;
        }
        await Task.WhenAll(indexing);
        foreach (var (source, ix) in _indexes)
        {
            // The index covers the table only if it covered every earlier row too (a corpus from before indexes
            // gets postings for the new rows, but stays unindexed: queries scan).
            var name = ix.Spec.IndexTable;
            bool replaced = first || replacedTables.Contains(source);
            var (filesBefore, sourceBefore) = _done.GetValueOrDefault(name);
            long newSource = ix.SourceRows - sourceBefore;
            long before = manifest.Tables[source].Rows - newSource;
            manifest.Tables.TryGetValue(name, out var t);
            bool complete = replaced || (t is not null && t.CoveredRows == before);
            if (t is null || replaced) manifest.Tables[name] = t = new ManifestTable { IndexOf = source, CoveredRows = 0 };
            t.Files.AddRange(ix.WrittenFiles.Skip(filesBefore));
            t.Rows = t.Rows + ix.RowCount - _indexRows.GetValueOrDefault(name);
            _indexRows[name] = ix.RowCount;
            t.CoveredRows = complete ? before + newSource : -1;
            _done[name] = (ix.WrittenFiles.Count, ix.SourceRows);
        }
        ct.ThrowIfCancellationRequested();
        // From here on the parts are complete: give them their names, then switch the manifest. A kill between the
        // two leaves published parts the manifest does not list; the next ingest removes them (RemoveOrphans).
        foreach (var w in _writers.Values) w.Publish();
        foreach (var ix in _indexes.Values) ix.Publish();
        _valueCounts.Publish();
        manifest.BuiltAt = DateTimeOffset.UtcNow;
        manifest.EngineVersion = EngineInfo.Version;
        manifest.ExtractionVersion = EngineInfo.ExtractionVersion;
        manifest.Save(_dir);
        _committed = true;
    }

    /// <summary>Closes every table's part in table order (each writes its value counts as it closes), then the
    /// value counts' part, and lists the new parts in the manifest.</summary>
    async Task CloseTablesAsync(CorpusManifest manifest, IReadOnlySet<string> replacedTables, bool first, CancellationToken ct)
    {
        foreach (var (name, w) in _writers)
        {
            bool replaced = replacedTables.Contains(name);
            // Every table gets at least one file, so that other Parquet readers find every table.
            await w.CompleteAsync(writeEmptyFile: first || replaced, ct);
            var (filesBefore, rowsBefore) = _done.GetValueOrDefault(name);
            var newFiles = w.WrittenFiles.Skip(filesBefore).ToList();
            long newRows = w.RowCount - rowsBefore;
            if (replaced && newFiles.Count > 0) manifest.Tables[name] = new ManifestTable { Files = newFiles, Rows = newRows };
            else
            {
                if (!manifest.Tables.TryGetValue(name, out var t)) manifest.Tables[name] = t = new ManifestTable();
                t.Files.AddRange(newFiles);
                t.Rows += newRows;
            }
            _done[name] = (w.WrittenFiles.Count, w.RowCount);
        }
        // After every part is closed: closing a part writes its value counts.
        await _valueCounts.CompleteAsync(writeEmptyFile: first, ct);
        {
            var (filesBefore, rowsBefore) = _done.GetValueOrDefault(ValueCounter.TableName);
            if (!manifest.Tables.TryGetValue(ValueCounter.TableName, out var vc)) manifest.Tables[ValueCounter.TableName] = vc = new ManifestTable();
            vc.Files.AddRange(_valueCounts.WrittenFiles.Skip(filesBefore));
            vc.Rows += _valueCounts.RowCount - rowsBefore;
            _done[ValueCounter.TableName] = (_valueCounts.WrittenFiles.Count, _valueCounts.RowCount);
        }
    }

    /// <summary>Without a commit, every part this run wrote is deleted: the corpus stays as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var w in _writers.Values) await w.DisposeAsync();
        foreach (var ix in _indexes.Values) await ix.DisposeAsync();
        await _valueCounts.DisposeAsync();
        if (_committed) return;
        foreach (var w in _writers.Values) w.DeleteUnpublished();
        foreach (var ix in _indexes.Values) ix.DeleteUnpublished();
        _valueCounts.DeleteUnpublished();
    }

    static readonly System.Text.RegularExpressions.Regex OwnPart =
        new(@"^part-\d{14}-[0-9a-f]{8}-\d{4}\.parquet(\.pending|\.tmp)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Removes what an earlier ingest left behind in the table folders: parts still being written or waiting for a
    /// commit that never came, and parts no manifest lists (a kill after publishing, or the parts a --replace
    /// superseded). Only files named as this writer names them are touched; anything else in the folder stays.
    /// </summary>
    public static int RemoveOrphans(string corpusDir, CorpusManifest manifest)
    {
        int removed = 0;
        // The tables, and the term indexes and value counts written beside them.
        var names = CorpusSchema.Tables.Select(t => t.Name).Concat(TermIndexSpec.All.Select(s => s.IndexTable)).Append(ValueCounter.TableName);
        foreach (var name in names)
        {
            var dir = Path.Combine(corpusDir, name);
            if (!Directory.Exists(dir)) continue;
            var listed = new HashSet<string>(manifest.FilesOf(corpusDir, name).Select(Path.GetFullPath), StringComparer.Ordinal);
            foreach (var f in Directory.EnumerateFiles(dir, "part-*", SearchOption.AllDirectories))
            {
                if (!OwnPart.IsMatch(Path.GetFileName(f)) || listed.Contains(Path.GetFullPath(f))) continue;
                try { File.Delete(f); removed++; } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        return removed;
    }

    // Column ordinals looked up by name once: CorpusSchema decides the order, and a column added or moved there moves
    // every write with it (an unknown name fails when the writer is first used).
    static class DocCol
    {
        public static readonly int
            DocId = CorpusSchema.Docs.Ordinal("doc_id"),
            Source = CorpusSchema.Docs.Ordinal("source"),
            Lang = CorpusSchema.Docs.Ordinal("lang"),
            LangConfidence = CorpusSchema.Docs.Ordinal("lang_confidence"),
            Title = CorpusSchema.Docs.Ordinal("title"),
            Date = CorpusSchema.Docs.Ordinal("date"),
            DatePrecision = CorpusSchema.Docs.Ordinal("date_precision"),
            Url = CorpusSchema.Docs.Ordinal("url"),
            Outlet = CorpusSchema.Docs.Ordinal("outlet"),
            Authors = CorpusSchema.Docs.Ordinal("authors"),
            PublishedAt = CorpusSchema.Docs.Ordinal("published_at"),
            PublishedOffset = CorpusSchema.Docs.Ordinal("published_offset"),
            Text = CorpusSchema.Docs.Ordinal("text"),
            Chars = CorpusSchema.Docs.Ordinal("chars"),
            Encoding = CorpusSchema.Docs.Ordinal("encoding"),
            ContentHash = CorpusSchema.Docs.Ordinal("content_hash");
    }
    static class ParagraphCol
    {
        public static readonly int
            DocId = CorpusSchema.Paragraphs.Ordinal("doc_id"),
            ParaId = CorpusSchema.Paragraphs.Ordinal("para_id"),
            Position = CorpusSchema.Paragraphs.Ordinal("position"),
            Start = CorpusSchema.Paragraphs.Ordinal("start"),
            End = CorpusSchema.Paragraphs.Ordinal("end"),
            Text = CorpusSchema.Paragraphs.Ordinal("text"),
            Lang = CorpusSchema.Paragraphs.Ordinal("lang"),
            LangConfidence = CorpusSchema.Paragraphs.Ordinal("lang_confidence"),
            Boilerplate = CorpusSchema.Paragraphs.Ordinal("boilerplate"),
            BoilerplateKind = CorpusSchema.Paragraphs.Ordinal("boilerplate_kind");
    }
    static class SentenceCol
    {
        public static readonly int
            DocId = CorpusSchema.Sentences.Ordinal("doc_id"),
            ParaId = CorpusSchema.Sentences.Ordinal("para_id"),
            SentId = CorpusSchema.Sentences.Ordinal("sent_id"),
            Position = CorpusSchema.Sentences.Ordinal("position"),
            Start = CorpusSchema.Sentences.Ordinal("start"),
            End = CorpusSchema.Sentences.Ordinal("end"),
            Text = CorpusSchema.Sentences.Ordinal("text"),
            Lang = CorpusSchema.Sentences.Ordinal("lang"),
            LangConfidence = CorpusSchema.Sentences.Ordinal("lang_confidence");
    }
    static class TokenCol
    {
        public static readonly int
            DocId = CorpusSchema.Tokens.Ordinal("doc_id"),
            SentId = CorpusSchema.Tokens.Ordinal("sent_id"),
            Position = CorpusSchema.Tokens.Ordinal("position"),
            Word = CorpusSchema.Tokens.Ordinal("word"),
            Norm = CorpusSchema.Tokens.Ordinal("norm"),
            Start = CorpusSchema.Tokens.Ordinal("start"),
            End = CorpusSchema.Tokens.Ordinal("end");
    }
    static class QuoteCol
    {
        public static readonly int
            QuoteId = CorpusSchema.Quotes.Ordinal("quote_id"),
            DocId = CorpusSchema.Quotes.Ordinal("doc_id"),
            ParaId = CorpusSchema.Quotes.Ordinal("para_id"),
            SentId = CorpusSchema.Quotes.Ordinal("sent_id"),
            Start = CorpusSchema.Quotes.Ordinal("start"),
            End = CorpusSchema.Quotes.Ordinal("end"),
            Text = CorpusSchema.Quotes.Ordinal("text"),
            Speaker = CorpusSchema.Quotes.Ordinal("speaker"),
            SpeakerText = CorpusSchema.Quotes.Ordinal("speaker_text"),
            Cue = CorpusSchema.Quotes.Ordinal("cue"),
            Via = CorpusSchema.Quotes.Ordinal("via"),
            Kind = CorpusSchema.Quotes.Ordinal("kind"),
            Lang = CorpusSchema.Quotes.Ordinal("lang"),
            SpeakerRole = CorpusSchema.Quotes.Ordinal("speaker_role"),
            CueLemma = CorpusSchema.Quotes.Ordinal("cue_lemma"),
            InBoilerplate = CorpusSchema.Quotes.Ordinal("in_boilerplate"),
            Joint = CorpusSchema.Quotes.Ordinal("joint"),
            StatementId = CorpusSchema.Quotes.Ordinal("statement_id");
    }
    static class StatementCol
    {
        public static readonly int
            StatementId = CorpusSchema.Statements.Ordinal("statement_id"),
            Speaker = CorpusSchema.Statements.Ordinal("speaker"),
            Text = CorpusSchema.Statements.Ordinal("text"),
            TextLang = CorpusSchema.Statements.Ordinal("text_lang"),
            Langs = CorpusSchema.Statements.Ordinal("langs"),
            NLangs = CorpusSchema.Statements.Ordinal("n_langs"),
            NReports = CorpusSchema.Statements.Ordinal("n_reports"),
            NDocs = CorpusSchema.Statements.Ordinal("n_docs"),
            FirstDate = CorpusSchema.Statements.Ordinal("first_date"),
            FirstDatePrecision = CorpusSchema.Statements.Ordinal("first_date_precision"),
            FirstDocId = CorpusSchema.Statements.Ordinal("first_doc_id"),
            FirstQuoteId = CorpusSchema.Statements.Ordinal("first_quote_id"),
            QuoteId = CorpusSchema.Statements.Ordinal("quote_id");
    }
    static class EntityCol
    {
        public static readonly int
            EntityId = CorpusSchema.Entities.Ordinal("entity_id"),
            Name = CorpusSchema.Entities.Ordinal("name"),
            Kind = CorpusSchema.Entities.Ordinal("kind"),
            Aliases = CorpusSchema.Entities.Ordinal("aliases");
    }
    static class MentionCol
    {
        public static readonly int
            DocId = CorpusSchema.Mentions.Ordinal("doc_id"),
            EntityId = CorpusSchema.Mentions.Ordinal("entity_id"),
            Start = CorpusSchema.Mentions.Ordinal("start"),
            End = CorpusSchema.Mentions.Ordinal("end"),
            Text = CorpusSchema.Mentions.Ordinal("text");
    }
}
