using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// Writes one Parquet file of flat columns (the corpus tables and exports): the leading magic, row groups of one
/// column chunk per column (<see cref="ColumnChunkEncoder"/>), then the footer (Thrift compact FileMetaData with
/// the schema, every chunk's offsets, sizes and statistics, the key-value metadata) and the trailing magic.
/// Our own rather than Parquet.Net's writer because ingest spent a fifth of its CPU there and allocated ~0.5 GB of
/// large objects for the per-row-group string dictionaries (/tmp/art10k); this one reuses its buffers and knows
/// that corpus strings repeat as the same instances. DuckDB and our reader read back what it writes
/// (ParquetFileWriterTests); Parquet.Net reads it for the C# globals and the entity registry.
/// </summary>
internal sealed class ParquetFileWriter
{
    static ReadOnlySpan<byte> Magic => "PAR1"u8;

    readonly Stream _stream;
    readonly IReadOnlyList<ColumnSchema> _columns;
    readonly bool[] _dictionary;
    readonly ColumnEncoderPool _encoders;
    readonly List<RowGroupEntry> _rowGroups = [];
    long _position;

    sealed record RowGroupEntry(long Rows, long Start, long UncompressedSize, long CompressedSize, (EncodedChunk Chunk, long Start)[] Chunks);

    /// <param name="dictionary">Per column: whether a text column is dictionary-encoded.</param>
    /// <param name="encoders">Where a row group's encoder comes from (shared by the tables of one ingest).</param>
    public ParquetFileWriter(Stream stream, IReadOnlyList<ColumnSchema> columns, bool[] dictionary, ColumnEncoderPool encoders)
    {
        _stream = stream;
        _columns = columns;
        _dictionary = dictionary;
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
        long rows = columns.Length == 0 ? 0 : columns[0].Count;
        _rowGroups.Add(new RowGroupEntry(rows, start, uncompressed, compressed, chunks));
        Rows += rows;
    }

    /// <summary>Writes the footer; the caller flushes and closes the stream.</summary>
    public void Finish(IReadOnlyDictionary<string, string> metadata)
    {
        var t = new ThriftWriter();
        t.I32(1, 1); // format version
        t.BeginList(2, ThriftCompact.Struct, _columns.Count + 1);
        t.BeginStructElement();
        t.String(4, "schema");
        t.I32(5, _columns.Count);
        t.EndStruct();
        foreach (var c in _columns) SchemaElement(t, c);
        t.I64(3, Rows);
        t.BeginList(4, ThriftCompact.Struct, _rowGroups.Count);
        foreach (var g in _rowGroups) RowGroup(t, g);
        t.BeginList(5, ThriftCompact.Struct, metadata.Count);
        foreach (var (key, value) in metadata)
        {
            t.BeginStructElement();
            t.String(1, key);
            t.String(2, value);
            t.EndStruct();
        }
        t.String(6, $"cql version {EngineInfo.Version}");
        // Type-defined order for every column: tells readers that min_value/max_value are comparable.
        t.BeginList(7, ThriftCompact.Struct, _columns.Count);
        for (int i = 0; i < _columns.Count; i++)
        {
            t.BeginStructElement();
            t.BeginStruct(1);
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

    static void SchemaElement(ThriftWriter t, ColumnSchema c)
    {
        t.BeginStructElement();
        t.I32(1, (int)ColumnChunkEncoder.PhysicalTypeOf(c.Type));
        t.I32(3, c.Nullable ? 1 : 0); // OPTIONAL : REQUIRED
        t.String(4, c.Name);
        if (ColumnChunkEncoder.PhysicalTypeOf(c.Type) == PhysicalType.ByteArray)
        {
            t.I32(6, 0); // converted type UTF8, for readers that predate logical types
            t.BeginStruct(10); // logical type: STRING
            t.BeginStruct(1);
            t.EndStruct();
            t.EndStruct();
        }
        t.EndStruct();
    }

    void RowGroup(ThriftWriter t, RowGroupEntry g)
    {
        t.BeginStructElement();
        t.BeginList(1, ThriftCompact.Struct, g.Chunks.Length);
        for (int i = 0; i < g.Chunks.Length; i++)
        {
            var (chunk, start) = g.Chunks[i];
            t.BeginStructElement();
            t.I64(2, start);
            t.BeginStruct(3);
            t.I32(1, (int)chunk.Type);
            t.BeginList(2, ThriftCompact.I32, chunk.Dictionary ? 3 : 2);
            t.I32Element((int)ParquetEncoding.Plain);
            t.I32Element((int)ParquetEncoding.Rle);
            if (chunk.Dictionary) t.I32Element((int)ParquetEncoding.RleDictionary);
            t.BeginList(3, ThriftCompact.Binary, 1);
            t.BinaryElement(System.Text.Encoding.UTF8.GetBytes(_columns[i].Name));
            t.I32(4, (int)ParquetCodec.Snappy);
            t.I64(5, chunk.NumValues);
            t.I64(6, chunk.UncompressedSize);
            t.I64(7, chunk.CompressedSize);
            t.I64(9, start + chunk.DataPageOffset);
            if (chunk.Dictionary) t.I64(11, start + chunk.DictionaryPageOffset);
            t.BeginStruct(12);
            t.I64(3, chunk.Statistics.Nulls);
            if (chunk.Statistics.Max is { } max) t.Binary(5, max);
            if (chunk.Statistics.Min is { } min) t.Binary(6, min);
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
        }
        t.I64(2, g.UncompressedSize);
        t.I64(3, g.Rows);
        t.I64(5, g.Start);
        t.I64(6, g.CompressedSize);
        t.EndStruct();
    }
}
