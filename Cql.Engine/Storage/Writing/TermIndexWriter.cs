using Cql.Engine.Storage.Indexing;
using Cql.Engine.Storage.Writing.Format;
using System.Threading.Channels;

namespace Cql.Engine.Storage.Writing;

/// <summary>
/// Builds the term index of one table while its rows are written (<see cref="TermIndexSpec"/>): each text is split
/// into words, postings (term, id) collect in flat arrays until a segment is full, and the segment is written as a
/// row per term, sorted by term, with the ids as a list. Memory stays bounded by the segment whatever the corpus
/// size, and the file has a row per term and segment, not per posting, so writing it costs little next to the text.
/// The part is written under a temporary name and renamed when complete, like the tables' parts.
/// </summary>
public sealed class TermIndexWriter : IAsyncDisposable
{
    /// <summary>Postings per sorted segment: up to about 35 MB of arrays while building.</summary>
    public const int SegmentPostings = 1 << 22;
    /// <summary>Ids per row group (a frequent word's row may be larger): what one lookup decodes per segment.</summary>
    public const int RowGroupIds = 1 << 16;

    static readonly ColumnSchema[] Columns =
    [
        new(TermIndexSpec.TermColumn, ColumnType.String, false, "the word, lowercased"),
        new(TermIndexSpec.RowsColumn, ColumnType.Int32, false, "rows of the segment with the word"),
        new(TermIndexSpec.OccurrencesColumn, ColumnType.Int64, false, "occurrences of the word in them"),
        new(TermIndexSpec.IdsColumn, ColumnType.Int32, false, "their ids, ascending"),
    ];
    // Terms are distinct within a row group: a dictionary would only add a page. The ids are the one list.
    static readonly bool[] NoDictionary = new bool[Columns.Length];
    static readonly bool[] IdsRepeated = [false, false, false, true];

    readonly string _corpusDir, _partPrefix;
    string _finalPath = "", _tempPath = "";
    int _fileIndex;
    readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly List<string> _terms = [];
    // Per term: the source row (sequence number) that last used it.
    int[] _lastRow = new int[1024];
    // Grown as postings come, up to SegmentPostings: a small corpus (or one commit's worth of rows) needs a fraction
    // of the 32 MB a full segment's two arrays take, and arrays that large went straight to the large-object heap.
    int[] _postTerm = new int[InitialPostings], _postId = new int[InitialPostings];
    const int InitialPostings = 1 << 16;
    long[] _occurrences = new long[1024];
    int _posts, _rowSeq;
    /// <summary>The lowercase of the text being indexed (one text at a time).</summary>
    char[] _lower = [];
    FileStream? _stream;
    ParquetFileWriter? _writer;
    readonly ColumnEncoderPool _encoders;
    // One row group's columns, reused for the next.
    readonly ColumnBuffer _termColumn = new(Columns[0]), _rowsColumn = new(Columns[1]), _occurrencesColumn = new(Columns[2]),
        _idsColumn = new(Columns[3], repeated: true);
    readonly List<string> _written = [];

    public TermIndexWriter(TermIndexSpec spec, string corpusDir, string partPrefix) : this(spec, corpusDir, partPrefix, new ColumnEncoderPool()) { }

    /// <param name="encoders">Shared with the tables written together (see <see cref="ColumnEncoderPool"/>).</param>
    internal TermIndexWriter(TermIndexSpec spec, string corpusDir, string partPrefix, ColumnEncoderPool encoders)
    {
        Spec = spec;
        _corpusDir = corpusDir;
        _partPrefix = partPrefix;
        _encoders = encoders;
        _lookup = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TermIndexSpec Spec { get; }
    /// <summary>Source rows indexed.</summary>
    public long SourceRows { get; private set; }
    /// <summary>Rows written to the index (a row per term and segment).</summary>
    public long RowCount { get; private set; }
    /// <summary>The parts written (one per commit that had postings), relative to the corpus folder with '/' separators.</summary>
    public IReadOnlyList<string> WrittenFiles => _written;

    // Splitting texts into words runs on a thread of its own, fed through a bounded queue: the rows are written by
    // one thread, and this is work the second core can take (gen 2M: ~8 s CPU off the writing thread). Texts go in
    // batches: one at a time, nearly every text woke the consumer through the thread pool (434K wake-ups for 10K
    // articles), which cost more than the waiting saved.
    const int BatchTexts = 256;
    Channel<(int Id, ReadOnlyMemory<char> Text)[]>? _queue;
    Task? _consumer;
    (int Id, ReadOnlyMemory<char> Text)[] _batch = new (int, ReadOnlyMemory<char>)[BatchTexts];
    int _batched;

    /// <summary>Indexes the text of the source row with this id (ids arrive in increasing order).</summary>
    public ValueTask AddAsync(int id, string? text, CancellationToken ct = default) =>
        text is null ? CountWithoutText() : AddAsync(id, text.AsMemory(), ct);

    /// <summary>A source row without text: counted, nothing to index.</summary>
    ValueTask CountWithoutText()
    {
        SourceRows++;
        return ValueTask.CompletedTask;
    }

    /// <summary>Indexes a text that is part of a longer string (a sentence of its document), without copying it.</summary>
    public async ValueTask AddAsync(int id, ReadOnlyMemory<char> text, CancellationToken ct = default)
    {
        SourceRows++;
        _batch[_batched++] = (id, text);
        if (_batched == BatchTexts) await SendBatchAsync(ct);
    }

    async ValueTask SendBatchAsync(CancellationToken ct)
    {
        if (_batched == 0) return;
        if (_queue is null)
        {
            var queue = _queue = Channel.CreateBounded<(int, ReadOnlyMemory<char>)[]>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
            _consumer = Task.Run(() => ConsumeAsync(queue));
        }
        var batch = _batched == BatchTexts ? _batch : _batch[.._batched];
        _batch = new (int, ReadOnlyMemory<char>)[BatchTexts];
        _batched = 0;
        if (!_queue.Writer.TryWrite(batch)) await _queue.Writer.WriteAsync(batch, ct);
    }

    async Task ConsumeAsync(Channel<(int Id, ReadOnlyMemory<char> Text)[]> queue)
    {
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync())
                foreach (var (id, text) in batch) Index(id, text.Span);
        }
        catch (Exception e)
        {
            queue.Writer.TryComplete(e); // the writer's next add fails instead of waiting forever
            throw;
        }
    }

    /// <summary>Waits until every text added is indexed.</summary>
    async Task DrainAsync()
    {
        await SendBatchAsync(CancellationToken.None);
        if (_queue is null) return;
        _queue.Writer.TryComplete();
        try { await _consumer!; }
        finally { _queue = null; _consumer = null; }
    }

    void Index(int id, ReadOnlySpan<char> text)
    {
        // A full segment is written before this row starts, so a row's postings never straddle two segments.
        if (_posts + text.Length / 2 + 1 > SegmentPostings) FlushSegment(CancellationToken.None);
        // A text has at most one posting per two characters (a word and what ends it).
        if (_posts + text.Length / 2 + 1 > _postTerm.Length) GrowPostings(_posts + text.Length / 2 + 1);
        int row = ++_rowSeq;
        var lower = WordRules.LowerInto(text, ref _lower);
        int pos = 0;
        while (WordRules.NextWord(text, ref pos, out int s, out int e))
        {
            var word = lower[s..e];
            if (!_lookup.TryGetValue(word, out int t))
            {
                t = _terms.Count;
                var str = word.ToString();
                _terms.Add(str);
                _termIds.Add(str, t);
                if (t >= _lastRow.Length) { Array.Resize(ref _lastRow, t * 2); Array.Resize(ref _occurrences, t * 2); }
            }
            _occurrences[t]++;
            if (_lastRow[t] == row) continue;
            _lastRow[t] = row;
            _postTerm[_posts] = t; _postId[_posts] = id;
            _posts++;
        }
    }

    void GrowPostings(int needed)
    {
        int size = Math.Max(needed, (int)Math.Min(SegmentPostings, 2L * _postTerm.Length));
        Array.Resize(ref _postTerm, size);
        Array.Resize(ref _postId, size);
    }

    void FlushSegment(CancellationToken ct)
    {
        if (_posts == 0) return;
        // Terms in ordinal order, then a counting sort of the postings by term rank: stable, so ids stay ascending.
        int nt = _terms.Count;
        var order = new int[nt];
        for (int i = 0; i < nt; i++) order[i] = i;
        var terms = _terms;
        Array.Sort(order, (a, b) => string.CompareOrdinal(terms[a], terms[b]));
        var rank = new int[nt];
        for (int r = 0; r < nt; r++) rank[order[r]] = r;
        var start = new int[nt + 1];
        for (int p = 0; p < _posts; p++) start[rank[_postTerm[p]] + 1]++;
        for (int r = 0; r < nt; r++) start[r + 1] += start[r];
        var ids = new int[_posts];
        var next = (int[])start.Clone();
        for (int p = 0; p < _posts; p++) ids[next[rank[_postTerm[p]]]++] = _postId[p];

        // Row groups of whole terms, cut after ~RowGroupIds ids.
        int first = 0;
        while (first < nt)
        {
            int last = first;
            while (last < nt && (last == first || start[last + 1] - start[first] <= RowGroupIds)) last++;
            WriteRowGroup(order, start, ids, first, last, ct);
            first = last;
        }
        // A new vocabulary per segment: memory follows the segment, not the corpus.
        _posts = 0;
        _terms.Clear();
        _termIds.Clear();
        Array.Clear(_lastRow);
        Array.Clear(_occurrences);
    }

    void WriteRowGroup(int[] order, int[] start, int[] ids, int first, int last, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_writer is null) OpenFile();
        for (int r = first; r < last; r++)
        {
            int t = order[r];
            _termColumn.AddString(_terms[t]);
            _rowsColumn.AddInt32(start[r + 1] - start[r]);
            _occurrencesColumn.AddInt64(_occurrences[t]);
            _idsColumn.AddInt32List(ids.AsSpan(start[r], start[r + 1] - start[r])); // every term has at least one id
        }
        ColumnBuffer[] columns = [_termColumn, _rowsColumn, _occurrencesColumn, _idsColumn];
        _writer!.WriteRowGroup(columns, null);
        foreach (var c in columns) c.Clear();
        RowCount += last - first;
    }

    void OpenFile()
    {
        _finalPath = Path.Combine(_corpusDir, Spec.IndexTable, $"{_partPrefix}-{_fileIndex++:D4}.parquet");
        _tempPath = _finalPath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(_finalPath)!);
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = new ParquetFileWriter(_stream, Columns, NoDictionary, _encoders, IdsRepeated);
    }

    Dictionary<string, string> Metadata() => new()
    {
        ["cql.table"] = Spec.IndexTable, ["cql.index_of"] = Spec.SourceTable,
        ["cql.format_version"] = CorpusManifest.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Writes the postings so far and closes the part, which waits as .pending for the commit (a checkpoint
    /// may call this again: later postings go to a new part). An empty index gets an empty file only when asked (the
    /// first write of a corpus, so that every table exists for other Parquet readers).</summary>
    public async Task CompleteAsync(bool writeEmptyFile, CancellationToken ct = default)
    {
        await DrainAsync();
        FlushSegment(ct);
        if (_writer is null && writeEmptyFile && _written.Count == 0) OpenFile();
        if (_writer is null) return;
        _writer.Finish(Metadata());
        await _stream!.FlushAsync(ct);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        _writer = null;
        File.Move(_tempPath, _finalPath + TableWriter.PendingSuffix, overwrite: true);
        _written.Add(Path.GetRelativePath(_corpusDir, _finalPath).Replace('\\', '/'));
    }

    /// <summary>Gives each completed part its final name (the commit does this just before it replaces the manifest).</summary>
    public void Publish()
    {
        foreach (var f in _written)
        {
            var final = Path.Combine(_corpusDir, f);
            if (File.Exists(final + TableWriter.PendingSuffix)) File.Move(final + TableWriter.PendingSuffix, final, overwrite: true);
        }
    }

    /// <summary>Deletes the completed parts that were never published.</summary>
    public void DeleteUnpublished()
    {
        foreach (var f in _written)
            try { File.Delete(Path.Combine(_corpusDir, f) + TableWriter.PendingSuffix); } catch (IOException) { }
    }

    /// <summary>Abandons an incomplete part: its temporary file is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        try { await DrainAsync(); } catch (Exception) when (_writer is not null) { /* abandoned anyway: the part is deleted below */ }
        if (_writer is null) return;
        await _stream!.DisposeAsync();
        _writer = null;
        try { File.Delete(_tempPath); } catch (IOException) { }
    }
}
