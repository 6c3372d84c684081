using Cql.Engine.Storage.Writing.Format;

namespace Cql.Engine.Storage.Writing;

/// <summary>
/// Writes the rows of one corpus table to Parquet part files under DIR/&lt;table&gt;/. Rows are buffered per column
/// and flushed as row groups of <see cref="RowGroupRows"/> rows (the unit of pruning), files are cut at
/// <see cref="FileRows"/> rows. Every file is written under a temporary name and renamed when complete, so a
/// reader never sees a half-written part. A completed corpus part is named *.parquet.pending until the corpus
/// commits (<see cref="Publish"/>), so other tools' **/*.parquet globs never see the parts of an ingest that was
/// killed; only the manifest makes a part part of the corpus.
/// </summary>
public sealed class TableWriter : IAsyncDisposable
{
    /// <summary>Rows per row group: small enough to prune, large enough to scan fast.</summary>
    public const int RowGroupRows = 65_536;
    /// <summary>Characters of long text (the text columns) buffered before a row group is written anyway: 65,536 whole
    /// articles would be half a gigabyte of strings in memory (gen at 2M quotes peaked at 1.5 GB on the docs table's
    /// buffer). Short columns do not count: their strings are shared, and counting them cut quotes and sentences into
    /// 36K-row groups (52 instead of 31 at 2M), each costing a scan its fixed overhead.</summary>
    public const long RowGroupChars = 8L << 20;
    /// <summary>Characters of all text buffered before a row group is written anyway, whatever the columns are called:
    /// an export that renames a long text column (`select text as body`) would otherwise hold 65,536 articles in one
    /// row group and one page. Far above what the short columns of a corpus table reach (~1M at 65,536 rows).</summary>
    public const long MaxRowGroupChars = 4 * RowGroupChars;
    /// <summary>Rows per part file.</summary>
    public const int FileRows = 1_048_576;

    readonly TableSchema _table;
    readonly string _corpusDir;
    readonly string _partPrefix;
    // The rows being added; the other set is the row group being encoded in the background (double buffering).
    ColumnBuffer[] _columns, _spare;
    Task _encoding = Task.CompletedTask;
    // Per column: short text is dictionary-encoded.
    readonly bool[] _dictionary;
    readonly ColumnEncoderPool _encoders;
    readonly List<string> _written = [];
    ParquetFileWriter? _writer;
    FileStream? _stream;
    string? _tempPath, _finalPath;
    int _rowsInFile, _fileIndex;

    readonly bool _hasLongText;
    readonly string? _exactPath;
    readonly bool _writeThrough;
    readonly IReadOnlyDictionary<string, string>? _metadata;

    /// <param name="exactPath">Write one file at exactly this path (an export) instead of numbered parts under
    /// corpusDir/table.</param>
    /// <param name="metadata">Key-value metadata for the Parquet footer (export provenance).</param>
    /// <param name="writeThrough">Write straight into exactPath, a pipe or a device, instead of a temporary file
    /// renamed over it (which would replace the pipe or device with a regular file).</param>
    public TableWriter(TableSchema table, string corpusDir, string partPrefix, string? exactPath = null, IReadOnlyDictionary<string, string>? metadata = null,
        bool writeThrough = false)
        : this(table, corpusDir, partPrefix, new ColumnEncoderPool(), exactPath, metadata)
    {
        _writeThrough = writeThrough && exactPath is not null;
    }

    /// <param name="encoders">Shared by the tables written together (see <see cref="ColumnEncoderPool"/>).</param>
    internal TableWriter(TableSchema table, string corpusDir, string partPrefix, ColumnEncoderPool encoders, string? exactPath = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _table = table;
        _encoders = encoders;
        _corpusDir = corpusDir;
        _partPrefix = partPrefix;
        _exactPath = exactPath;
        _metadata = metadata;
        _columns = new ColumnBuffer[table.Columns.Count];
        _spare = new ColumnBuffer[table.Columns.Count];
        _dictionary = new bool[table.Columns.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            var c = table.Columns[i];
            _columns[i] = new ColumnBuffer(c);
            _spare[i] = new ColumnBuffer(c);
            _hasLongText |= IsLongText(c.Name);
            // Short, repetitive strings (lang, speaker, kind, source...) are dictionary-encoded: smaller files, and
            // a reader evaluates a predicate once per dictionary value instead of once per row.
            _dictionary[i] = IsShortText(c);
        }
    }

    static bool IsLongText(string column) => column is "text" or "left" or "right";

    /// <summary>The short text columns: dictionary-encoded, and their values counted per part (see
    /// <see cref="ValueCounter"/>).</summary>
    public static IReadOnlyList<(int Ordinal, string Name)> CountableColumns(TableSchema table)
    {
        var list = new List<(int, string)>();
        for (int i = 0; i < table.Columns.Count; i++)
            if (IsShortText(table.Columns[i])) list.Add((i, table.Columns[i].Name));
        return list;
    }

    static bool IsShortText(ColumnSchema c) => c.Type == ColumnType.String && !c.Timestamp && !IsLongText(c.Name);

    ValueCounter? _counter;
    TableWriter? _countsOutput;

    /// <summary>Counts short text values per part into <paramref name="output"/> (the value_counts table).</summary>
    public void CountValuesInto(TableWriter output)
    {
        var cols = CountableColumns(_table);
        if (cols.Count == 0) return;
        _counter = new ValueCounter(_table.Name, cols);
        _countsOutput = output;
    }

    public TableSchema Table => _table;
    /// <summary>Rows added so far, including those still buffered.</summary>
    public long RowCount { get; private set; }
    /// <summary>Part files completed, relative to the corpus folder with '/' separators.</summary>
    public IReadOnlyList<string> WrittenFiles => _written;

    /// <summary>The column at ordinal i, for adding one value of the current row.</summary>
    internal ColumnBuffer this[int i] => _columns[i];

    public void Int32(int column, int v) => _columns[column].AddInt32(v);
    public void Int64(int column, long v) => _columns[column].AddInt64(v);
    public void Float64(int column, double v) => _columns[column].AddFloat64(v);
    public void Bool(int column, bool v) => _columns[column].AddBool(v);
    public void String(int column, string? v) => _columns[column].AddString(v);
    /// <summary>A missing value in a nullable column.</summary>
    public void Null(int column) => _columns[column].AddNull();

    /// <summary>Ends the current row; flushes a row group when the buffers are full.</summary>
    public async ValueTask EndRowAsync(CancellationToken ct = default)
    {
        int n = _columns[0].Count;
        for (int i = 1; i < _columns.Length; i++)
            if (_columns[i].Count != n)
                throw new InvalidOperationException($"{_table.Name}.{_columns[i].Column.Name} has {_columns[i].Count} values, expected {n}");
        RowCount++;
        if (n >= RowGroupRows || ((n & 1023) == 0 && BufferedChars(longTextOnly: true) >= RowGroupChars)
            || BufferedChars(longTextOnly: false) >= MaxRowGroupChars)
            await FlushRowGroupAsync(ct);
    }

    /// <summary>Rows that may be added in bulk before the row group being built is full.</summary>
    public int RowsUntilFull => RowGroupRows - _columns[0].Count;

    /// <summary>Ends <paramref name="count"/> rows whose values were appended column by column (at most
    /// <see cref="RowsUntilFull"/>); flushes the row group when full, where <see cref="EndRowAsync"/> row by row would
    /// have. Only for tables without long text, whose row groups are cut by rows alone.</summary>
    public async ValueTask EndRowsAsync(int count, CancellationToken ct = default)
    {
        if (_hasLongText) throw new InvalidOperationException($"{_table.Name} has long text: its rows end one by one");
        int n = _columns[0].Count;
        for (int i = 1; i < _columns.Length; i++)
            if (_columns[i].Count != n)
                throw new InvalidOperationException($"{_table.Name}.{_columns[i].Column.Name} has {_columns[i].Count} values, expected {n}");
        if (n > RowGroupRows) throw new InvalidOperationException($"{_table.Name}: {n} rows in a row group of {RowGroupRows}");
        RowCount += count;
        if (n == RowGroupRows) await FlushRowGroupAsync(ct);
    }

    long BufferedChars(bool longTextOnly)
    {
        long chars = 0;
        foreach (var c in _columns) if (!longTextOnly || IsLongText(c.Column.Name)) chars += c.Chars;
        return chars;
    }

    /// <summary>Writes the rows buffered as a row group, leaving the part open (<see cref="CompleteAsync"/> closes
    /// it). Tables may do this side by side: closing a part writes into the shared value counts, this does not.</summary>
    public async Task FlushBufferedAsync(CancellationToken ct = default)
    {
        await FlushRowGroupAsync(ct, mayClose: false);
        await _encoding;
    }

    /// <summary>Hands the buffered rows to the background as the next row group and goes on with the spare buffers:
    /// encoding a row group (most of it the tokens table's, 65,536 rows at a time) took ~40% of the writing
    /// thread, and while it did, the analysing workers ran out of window and waited. Row groups are still encoded
    /// one at a time, in order; a part is closed (and its value counts written) on the calling thread, after them.</summary>
    async Task FlushRowGroupAsync(CancellationToken ct, bool mayClose = true)
    {
        int n = _columns[0].Count;
        if (n == 0) return;
        await _encoding; // the spare buffers are free once the row group before is written
        if (_writer is null) await OpenFileAsync(ct);
        var full = _columns;
        _columns = _spare;
        _spare = full;
        var writer = _writer!;
        _encoding = Task.Run(() => EncodeRowGroup(writer, full, ct), CancellationToken.None);
        _rowsInFile += n;
        if (mayClose && _rowsInFile >= FileRows && _exactPath is null)
        {
            await _encoding;
            await CloseFileAsync();
        }
    }

    void EncodeRowGroup(ParquetFileWriter writer, ColumnBuffer[] columns, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        writer.WriteRowGroup(columns, _counter);
        foreach (var b in columns) b.Clear();
    }

    Task OpenFileAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_exactPath is not null)
        {
            _finalPath = _exactPath;
            _tempPath = Path.Combine(Path.GetDirectoryName(_exactPath) ?? ".", $".{Path.GetFileName(_exactPath)}.{Guid.NewGuid():N}.tmp");
        }
        else
        {
            var dir = Path.Combine(_corpusDir, _table.Name);
            Directory.CreateDirectory(dir);
            _finalPath = Path.Combine(dir, $"{_partPrefix}-{_fileIndex++:D4}.parquet");
            _tempPath = _finalPath + ".tmp";
        }
        _stream = _writeThrough
            ? PassThroughFile.Open(_exactPath!, ct)
            : new FileStream(_tempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = new ParquetFileWriter(_stream, _table.Columns, _dictionary, _encoders);
        _rowsInFile = 0;
        return Task.CompletedTask;
    }

    async Task CloseFileAsync()
    {
        if (_writer is null) return;
        var meta = new Dictionary<string, string> { ["cql.table"] = _table.Name, ["cql.format_version"] = CorpusManifest.FormatVersion.ToString() };
        if (_metadata is not null) foreach (var (k, v) in _metadata) meta[k] = v;
        _writer.Finish(meta);
        await _stream!.FlushAsync();
        if (!_writeThrough) _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        // An export is done once renamed; a corpus part waits as .pending for the commit.
        if (!_writeThrough) File.Move(_tempPath!, _exactPath is null ? _finalPath + PendingSuffix : _finalPath!, overwrite: true);
        var part = Path.GetRelativePath(_corpusDir, _finalPath!).Replace('\\', '/');
        _written.Add(part);
        if (_counter is not null) await _counter.WritePartAsync(part, _countsOutput!, CancellationToken.None);
        _writer = null;
        _stream = null;
    }

    /// <summary>The suffix of a completed corpus part not yet committed.</summary>
    public const string PendingSuffix = ".pending";

    /// <summary>Gives each completed part its final .parquet name (the commit does this just before it replaces the
    /// manifest).</summary>
    public void Publish()
    {
        if (_exactPath is not null) return;
        foreach (var f in _written)
        {
            var final = Path.Combine(_corpusDir, f);
            if (File.Exists(final + PendingSuffix)) File.Move(final + PendingSuffix, final, overwrite: true);
        }
    }

    /// <summary>Deletes the completed parts that were never published (an ingest that failed or was cancelled).</summary>
    public void DeleteUnpublished()
    {
        foreach (var f in _written)
            try { File.Delete(Path.Combine(_corpusDir, f) + PendingSuffix); } catch (IOException) { }
    }

    /// <summary>Flushes buffered rows and closes the current part. An empty table still gets one (empty) file so
    /// that every table exists for other Parquet readers.</summary>
    public async Task CompleteAsync(bool writeEmptyFile, CancellationToken ct = default)
    {
        await FlushRowGroupAsync(ct);
        await _encoding;
        if (_written.Count == 0 && _writer is null && writeEmptyFile) await OpenFileAsync(ct);
        await CloseFileAsync();
    }

    /// <summary>Abandons the current part: its temporary file is deleted, completed parts stay unreferenced.</summary>
    public async ValueTask DisposeAsync()
    {
        try { await _encoding; } catch (Exception) { /* abandoned: the part is deleted below */ }
        if (_writer is null) return;
        await _stream!.DisposeAsync();
        if (!_writeThrough) try { File.Delete(_tempPath!); } catch (IOException) { }
        _writer = null;
    }
}
