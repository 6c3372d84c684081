using Cql.Engine.Storage.Reading;
using ChunkField = Cql.Engine.Storage.Reading.ParquetThrift.ColumnMetaData;
using FileMetaData = Cql.Engine.Storage.Reading.ParquetThrift.FileMetaData;
using SchemaField = Cql.Engine.Storage.Reading.ParquetThrift.SchemaElement;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// Writes one Parquet file of flat columns and lists of numbers (the corpus tables, their term indexes, exports):
/// the leading magic, row groups of one column chunk per column (<see cref="ColumnChunkEncoder"/>), then the footer
/// (Thrift compact FileMetaData with the schema, every chunk's offsets, sizes and statistics, the key-value
/// metadata) and the trailing magic.
/// Our own rather than Parquet.Net's writer because ingest spent a fifth of its CPU there and allocated ~0.5 GB of
/// large objects for the per-row-group string dictionaries (/tmp/art10k); this one reuses its buffers and knows
/// that corpus strings repeat as the same instances. DuckDB and our reader read back what it writes
/// (ParquetFileWriterTests), and Parquet.Net, as an independent reader, in the tests.
/// </summary>
internal sealed class ParquetFileWriter
{
    static ReadOnlySpan<byte> Magic => "PAR1"u8;

    readonly Stream _stream;
    readonly IReadOnlyList<ColumnSchema> _columns;
    readonly bool[] _dictionary, _repeated;
    readonly ColumnEncoderPool _encoders;
    readonly List<RowGroupEntry> _rowGroups = [];
    long _position;

    sealed record RowGroupEntry(long Rows, long Start, long UncompressedSize, long CompressedSize, (EncodedChunk Chunk, long Start)[] Chunks)
    {
        /// <summary>Per chunk: where its ColumnIndex and OffsetIndex were written, and their lengths.</summary>
        public (long ColumnIndex, int ColumnIndexLength, long OffsetIndex, int OffsetIndexLength)[] PageIndex { get; } =
            new (long, int, long, int)[Chunks.Length];
    }

    /// <param name="dictionary">Per column: whether a text column is dictionary-encoded.</param>
    /// <param name="encoders">Where a row group's encoder comes from (shared by the tables of one ingest).</param>
    /// <param name="repeated">Per column: whether it is a list (<see cref="ColumnBuffer.Repeated"/>); none when absent.</param>
    public ParquetFileWriter(Stream stream, IReadOnlyList<ColumnSchema> columns, bool[] dictionary, ColumnEncoderPool encoders, bool[]? repeated = null)
    {
        _stream = stream;
        _columns = columns;
        _dictionary = dictionary;
        _repeated = repeated ?? new bool[columns.Count];
        _encoders = encoders;
        _stream.Write(Magic);
        _position = Magic.Length;
    }

    public long Rows { get; private set; }

    /// <summary>Writes the buffered values as one row group (every buffer holds the same number of rows); the
    /// dictionary-encoded columns' values are counted into <paramref name="counter"/>.</summary>
    public void WriteRowGroup(ColumnBuffer[] columns, ValueCounter? counter)
    {
        if (columns.Length != _columns.Count) throw new ArgumentException($"{columns.Length} columns for a schema of {_columns.Count}");
        for (int i = 0; i < columns.Length; i++)
            if (columns[i].Repeated != _repeated[i]) throw new ArgumentException($"column {_columns[i].Name}: a list in the buffer or the schema, not both");
        long start = _position, uncompressed = 0, compressed = 0;
        var chunks = new (EncodedChunk, long)[columns.Length];
        var encoder = _encoders.Rent();
        try
        {
            for (int i = 0; i < columns.Length; i++)
            {
                var encoded = encoder.Encode(columns[i], _dictionary[i], _stream);
                if (encoded.Dictionary) counter?.Add(i, encoder.DictionaryValues, encoder.DictionaryRows, encoded.Statistics.Nulls);
                chunks[i] = (encoded, _position);
                _position += encoded.CompressedSize;
                uncompressed += encoded.UncompressedSize;
                compressed += encoded.CompressedSize;
            }
        }
        finally { _encoders.Return(encoder); }
        long rows = columns.Length == 0 ? 0 : columns[0].Rows;
        _rowGroups.Add(new RowGroupEntry(rows, start, uncompressed, compressed, chunks));
        Rows += rows;
    }

    /// <summary>Writes the page index and the footer; the caller flushes and closes the stream.</summary>
    public void Finish(IReadOnlyDictionary<string, string> metadata)
    {
        WritePageIndex();
        var t = new ThriftWriter();
        t.I32(FileMetaData.Version, 1);
        t.BeginList(FileMetaData.Schema, ThriftCompact.Struct, _columns.Count + 1);
        t.BeginStructElement();
        t.String(SchemaField.Name, "schema");
        t.I32(SchemaField.NumChildren, _columns.Count);
        t.EndStruct();
        for (int i = 0; i < _columns.Count; i++) SchemaElement(t, _columns[i], _repeated[i]);
        t.I64(FileMetaData.NumRows, Rows);
        t.BeginList(FileMetaData.RowGroups, ThriftCompact.Struct, _rowGroups.Count);
        foreach (var g in _rowGroups) RowGroup(t, g);
        t.BeginList(FileMetaData.KeyValueMetadata, ThriftCompact.Struct, metadata.Count);
        foreach (var (key, value) in metadata)
        {
            t.BeginStructElement();
            t.String(ParquetThrift.KeyValue.Key, key);
            t.String(ParquetThrift.KeyValue.Value, value);
            t.EndStruct();
        }
        t.String(FileMetaData.CreatedBy, $"cql version {EngineInfo.Version}");
        // Type-defined order for every column: tells readers that min_value/max_value are comparable.
        t.BeginList(FileMetaData.ColumnOrders, ThriftCompact.Struct, _columns.Count);
        for (int i = 0; i < _columns.Count; i++)
        {
            t.BeginStructElement();
            t.BeginStruct(ParquetThrift.ColumnOrder.TypeDefinedOrder);
            t.EndStruct();
            t.EndStruct();
        }
        t.Stop();
        _stream.Write(t.Written);
        Span<byte> tail = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(tail, t.Length);
        Magic.CopyTo(tail[4..]);
        _stream.Write(tail);
    }

    /// <summary>
    /// The page index (parquet-format's PageIndex.md) of every chunk of a flat column, between the row groups and
    /// the footer: all ColumnIndexes (each page's min, max, null count, whether it is all null, and whether the
    /// pages are in order), then all OffsetIndexes (each page's offset, size and first row). Engines that read it
    /// (parquet-mr, Trino, Spark, Impala, Doris, StarRocks, DataFusion) skip pages inside a row group that a
    /// filter cannot match. Lists get none: their pages are not cut by rows.
    /// </summary>
    void WritePageIndex()
    {
        var t = new ThriftWriter();
        foreach (var g in _rowGroups)
            for (int i = 0; i < g.Chunks.Length; i++)
            {
                if (_repeated[i]) continue;
                var chunk = g.Chunks[i].Chunk;
                t.Clear();
                t.BeginList(ParquetThrift.ColumnIndex.NullPages, ThriftCompact.True, chunk.Pages.Length);
                foreach (var p in chunk.Pages) t.BoolElement(p.Statistics.Min is null);
                // A page with no min/max (all null, or no bound for a max) gets empty bytes, as the format asks.
                t.BeginList(ParquetThrift.ColumnIndex.MinValues, ThriftCompact.Binary, chunk.Pages.Length);
                foreach (var p in chunk.Pages)
                    t.BinaryElement(p.Statistics.Min is { } min ? StatisticsTruncation.Min(min, out _) : []);
                t.BeginList(ParquetThrift.ColumnIndex.MaxValues, ThriftCompact.Binary, chunk.Pages.Length);
                foreach (var p in chunk.Pages)
                    t.BinaryElement(p.Statistics.Max is { } max ? StatisticsTruncation.Max(max, out _) ?? max : []); // no shorter bound: whole
                t.I32(ParquetThrift.ColumnIndex.BoundaryOrder, (int)Order(chunk));
                t.BeginList(ParquetThrift.ColumnIndex.NullCounts, ThriftCompact.I64, chunk.Pages.Length);
                foreach (var p in chunk.Pages) t.I64Element(p.Statistics.Nulls);
                t.Stop();
                g.PageIndex[i].ColumnIndex = _position;
                g.PageIndex[i].ColumnIndexLength = t.Length;
                _stream.Write(t.Written);
                _position += t.Length;
            }
        foreach (var g in _rowGroups)
            for (int i = 0; i < g.Chunks.Length; i++)
            {
                if (_repeated[i]) continue;
                var (chunk, start) = g.Chunks[i];
                t.Clear();
                t.BeginList(ParquetThrift.OffsetIndex.PageLocations, ThriftCompact.Struct, chunk.Pages.Length);
                foreach (var p in chunk.Pages)
                {
                    t.BeginStructElement();
                    t.I64(ParquetThrift.PageLocation.Offset, start + p.Offset);
                    t.I32(ParquetThrift.PageLocation.CompressedPageSize, p.CompressedSize);
                    t.I64(ParquetThrift.PageLocation.FirstRowIndex, p.FirstRow);
                    t.EndStruct();
                }
                t.Stop();
                g.PageIndex[i].OffsetIndex = _position;
                g.PageIndex[i].OffsetIndexLength = t.Length;
                _stream.Write(t.Written);
                _position += t.Length;
            }
    }

    enum BoundaryOrder { Unordered = 0, Ascending = 1, Descending = 2 }

    /// <summary>Ascending when each page's min and max are at least the previous page's (the ids of a corpus
    /// table), descending when at most; pages without values do not count.</summary>
    static BoundaryOrder Order(EncodedChunk chunk)
    {
        bool ascending = true, descending = true;
        ColumnStatistics? previous = null;
        foreach (var p in chunk.Pages)
        {
            if (p.Statistics.Min is null) continue;
            if (previous is { } q)
            {
                int min = ColumnChunkEncoder.Compare(p.Statistics.Min, q.Min!, chunk.Type), max = ColumnChunkEncoder.Compare(p.Statistics.Max!, q.Max!, chunk.Type);
                if (min < 0 || max < 0) ascending = false;
                if (min > 0 || max > 0) descending = false;
            }
            previous = p.Statistics;
        }
        return ascending ? BoundaryOrder.Ascending : descending ? BoundaryOrder.Descending : BoundaryOrder.Unordered;
    }

    static void SchemaElement(ThriftWriter t, ColumnSchema c, bool repeated)
    {
        t.BeginStructElement();
        t.I32(SchemaField.Type, (int)ColumnChunkEncoder.PhysicalTypeOf(c));
        // A list is the legacy one-level form, `repeated int32 ids`: what Parquet.Net wrote for the term index,
        // and all a list of non-null numbers needs.
        t.I32(SchemaField.RepetitionType, repeated ? 2 : c.Nullable ? 1 : 0); // REPEATED : OPTIONAL : REQUIRED
        t.String(SchemaField.Name, c.Name);
        if (c.Timestamp)
        {
            t.I32(SchemaField.ConvertedType, 10); // TIMESTAMP_MICROS
            t.BeginStruct(SchemaField.LogicalType);
            t.BeginStruct(ParquetThrift.LogicalType.Timestamp);
            t.Bool(ParquetThrift.TimeType.IsAdjustedToUtc, true);
            t.BeginStruct(ParquetThrift.TimeType.Unit);
            t.BeginStruct(ParquetThrift.TimeUnit.Micros);
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
        }
        else if (ColumnChunkEncoder.PhysicalTypeOf(c) == PhysicalType.ByteArray)
        {
            t.I32(SchemaField.ConvertedType, 0); // UTF8, for readers that predate logical types
            t.BeginStruct(SchemaField.LogicalType);
            t.BeginStruct(ParquetThrift.LogicalType.String);
            t.EndStruct();
            t.EndStruct();
        }
        else if (c.Type == ColumnType.Date)
        {
            t.I32(SchemaField.ConvertedType, 6); // DATE
            t.BeginStruct(SchemaField.LogicalType);
            t.BeginStruct(ParquetThrift.LogicalType.Date);
            t.EndStruct();
            t.EndStruct();
        }
        t.EndStruct();
    }

    static void EncodingStats(ThriftWriter t, PageType page, ParquetEncoding encoding, int count)
    {
        t.BeginStructElement();
        t.I32(ParquetThrift.PageEncodingStats.PageType, (int)page);
        t.I32(ParquetThrift.PageEncodingStats.Encoding, (int)encoding);
        t.I32(ParquetThrift.PageEncodingStats.Count, count);
        t.EndStruct();
    }

    void RowGroup(ThriftWriter t, RowGroupEntry g)
    {
        t.BeginStructElement();
        t.BeginList(ParquetThrift.RowGroup.Columns, ThriftCompact.Struct, g.Chunks.Length);
        for (int i = 0; i < g.Chunks.Length; i++)
        {
            var (chunk, start) = g.Chunks[i];
            t.BeginStructElement();
            t.I64(ParquetThrift.ColumnChunk.FileOffset, start);
            t.BeginStruct(ParquetThrift.ColumnChunk.MetaData);
            t.I32(ChunkField.Type, (int)chunk.Type);
            // A dictionary chunk lists PLAIN_DICTIONARY (its dictionary page and its data pages, as parquet-mr's v1
            // writer has them) and RLE (levels), no PLAIN: readers without encoding_stats (parquet-mr's
            // DictionaryFilter, Trino) take PLAIN as a sign of pages outside the dictionary and give up on it.
            var valueEncoding = chunk.Dictionary ? ParquetEncoding.PlainDictionary : ParquetEncoding.Plain;
            t.BeginList(ChunkField.Encodings, ThriftCompact.I32, 2);
            t.I32Element((int)valueEncoding);
            t.I32Element((int)ParquetEncoding.Rle);
            t.BeginList(ChunkField.PathInSchema, ThriftCompact.Binary, 1);
            t.BinaryElement(System.Text.Encoding.UTF8.GetBytes(_columns[i].Name));
            t.I32(ChunkField.Codec, (int)ParquetCodec.Snappy);
            t.I64(ChunkField.NumValues, chunk.NumValues);
            t.I64(ChunkField.TotalUncompressedSize, chunk.UncompressedSize);
            t.I64(ChunkField.TotalCompressedSize, chunk.CompressedSize);
            t.I64(ChunkField.DataPageOffset, start + chunk.DataPageOffset);
            if (chunk.Dictionary) t.I64(ChunkField.DictionaryPageOffset, start + chunk.DictionaryPageOffset);
            t.BeginStruct(ChunkField.Statistics);
            ColumnChunkEncoder.WriteStatistics(t, chunk.Statistics);
            t.EndStruct();
            // Which pages use which encoding: what Trino, Impala and parquet-mr check before trusting a dictionary.
            t.BeginList(ChunkField.EncodingStats, ThriftCompact.Struct, chunk.Dictionary ? 2 : 1);
            if (chunk.Dictionary) EncodingStats(t, PageType.DictionaryPage, valueEncoding, 1);
            EncodingStats(t, PageType.DataPage, valueEncoding, chunk.Pages.Length);
            t.EndStruct();
            if (!_repeated[i])
            {
                var index = g.PageIndex[i];
                t.I64(ParquetThrift.ColumnChunk.OffsetIndexOffset, index.OffsetIndex);
                t.I32(ParquetThrift.ColumnChunk.OffsetIndexLength, index.OffsetIndexLength);
                t.I64(ParquetThrift.ColumnChunk.ColumnIndexOffset, index.ColumnIndex);
                t.I32(ParquetThrift.ColumnChunk.ColumnIndexLength, index.ColumnIndexLength);
            }
            t.EndStruct();
        }
        t.I64(ParquetThrift.RowGroup.TotalByteSize, g.UncompressedSize);
        t.I64(ParquetThrift.RowGroup.NumRows, g.Rows);
        t.I64(ParquetThrift.RowGroup.FileOffset, g.Start);
        t.I64(ParquetThrift.RowGroup.TotalCompressedSize, g.CompressedSize);
        t.EndStruct();
    }
}
