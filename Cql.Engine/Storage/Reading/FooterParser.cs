using Microsoft.Win32.SafeHandles;
using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads a Parquet file's footer (Thrift compact FileMetaData) into <see cref="ParquetMetadata"/>: the schema's leaf
/// columns with their levels, each row group's rows and column chunks (offsets, sizes, codec, statistics), and the
/// key-value metadata. Two positional reads, no streams, no async: a query opens every file it scans, and this
/// runs before the first row.
/// </summary>
public static class FooterParser
{
    static ReadOnlySpan<byte> Magic => "PAR1"u8;
    // An encrypted footer ends the file with PARE instead (parquet-format's Encryption.md).
    static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    /// <exception cref="ParquetDataException">The file is not Parquet, or its footer is damaged (placed in the footer).</exception>
    public static ParquetMetadata Read(SafeFileHandle file)
    {
        try { return ReadFooter(file); }
        catch (ParquetDataException e) { throw e.InFooter(); }
    }

    static ParquetMetadata ReadFooter(SafeFileHandle file)
    {
        long length = RandomAccess.GetLength(file);
        if (length < 12) throw new ParquetDataException($"{length} bytes is too short for a Parquet file");
        Span<byte> tail = stackalloc byte[8];
        ReadExactly(file, tail, length - 8);
        Span<byte> head = stackalloc byte[4];
        ReadExactly(file, head, 0);
        if (tail[4..].SequenceEqual(EncryptedMagic))
            throw new ParquetDataException("the file is encrypted (Parquet modular encryption, encrypted footer); cql does not read encrypted files", unsupported: true);
        if (!tail[4..].SequenceEqual(Magic) || !head.SequenceEqual(Magic)) throw new ParquetDataException("not a Parquet file (no PAR1 magic)");
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12) throw new ParquetDataException($"footer length {footerLength} does not fit the file");
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(footerLength);
        try
        {
            long footerStart = length - 8 - footerLength;
            ReadExactly(file, buffer.AsSpan(0, footerLength), footerStart);
            var metadata = Parse(buffer.AsSpan(0, footerLength));
            // A chunk must lie between the leading magic and the footer: checked here, before a scan rents a
            // buffer of the size a damaged footer claims.
            foreach (var rg in metadata.RowGroups)
                for (int c = 0; c < rg.Columns.Length; c++)
                {
                    var chunk = rg.Columns[c];
                    if (chunk.Start < 4 || chunk.TotalCompressedSize > footerStart - chunk.Start)
                        throw new ParquetDataException($"column chunk of {metadata.Columns[c].Name} in row group {chunk.RowGroup} lies outside the file's data");
                }
            return metadata;
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }

    internal static void ReadExactly(SafeFileHandle file, Span<byte> into, long offset)
    {
        int read = 0;
        while (read < into.Length)
        {
            int r = RandomAccess.Read(file, into[read..], offset + read);
            if (r == 0) throw new EndOfStreamException($"file ends before byte {offset + into.Length}");
            read += r;
        }
    }

    /// <summary>Parses FileMetaData from its Thrift compact bytes.</summary>
    public static ParquetMetadata Parse(ReadOnlySpan<byte> footer)
    {
        var t = new ThriftCompact(footer);
        List<SchemaElement>? schema = null;
        var rowGroups = new List<RawRowGroup>();
        var keyValues = new Dictionary<string, string>(StringComparer.Ordinal);
        long numRows = 0;
        string createdBy = "";
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            switch (id)
            {
                case ParquetThrift.FileMetaData.Schema when type == ThriftCompact.List:
                {
                    int size = StructListSize(ref t, "schema");
                    schema = new List<SchemaElement>(size);
                    for (int i = 0; i < size; i++) schema.Add(ReadSchemaElement(ref t));
                    break;
                }
                case ParquetThrift.FileMetaData.NumRows when type == ThriftCompact.I64: numRows = t.I64Value(); break;
                case ParquetThrift.FileMetaData.RowGroups when type == ThriftCompact.List:
                {
                    int size = StructListSize(ref t, "row groups");
                    for (int i = 0; i < size; i++) rowGroups.Add(ReadRowGroup(ref t));
                    break;
                }
                case ParquetThrift.FileMetaData.KeyValueMetadata when type == ThriftCompact.List:
                {
                    int size = StructListSize(ref t, "key-value metadata");
                    for (int i = 0; i < size; i++)
                    {
                        var (k, v) = ReadKeyValue(ref t);
                        if (k is not null) keyValues[k] = v ?? "";
                    }
                    break;
                }
                case ParquetThrift.FileMetaData.EncryptionAlgorithm:
                    throw new ParquetDataException("the file is encrypted (Parquet modular encryption, plaintext footer); cql does not read encrypted files", unsupported: true);
                case ParquetThrift.FileMetaData.CreatedBy when type == ThriftCompact.Binary: createdBy = t.StringValue(); break;
                default: t.Skip(type); break;
            }
        }
        if (schema is null || schema.Count == 0) throw new ParquetDataException("footer without a schema");
        var columns = Leaves(schema);
        int slack = ShortChunkSlack(createdBy);
        var groups = new RowGroupMeta[rowGroups.Count];
        for (int g = 0; g < groups.Length; g++)
        {
            var raw = rowGroups[g];
            if (raw.Columns.Count != columns.Length)
                throw new ParquetDataException($"row group {g} has {raw.Columns.Count} column chunks for {columns.Length} columns");
            if (raw.NumRows < 0) throw new ParquetDataException($"row group {g} has {raw.NumRows} rows");
            for (int c = 0; c < columns.Length; c++)
            {
                if (raw.Columns[c].Type != columns[c].Type)
                    throw new ParquetDataException($"column {columns[c].Name} is {columns[c].Type} in the schema but {raw.Columns[c].Type} in row group {g}");
                // A flat column holds one value or null a row; checked here so that a damaged row count fails
                // before a scan sizes its vectors by it.
                if (columns[c].MaxRepetitionLevel == 0 && raw.Columns[c].NumValues != raw.NumRows)
                    throw new ParquetDataException($"column {columns[c].Name} holds {raw.Columns[c].NumValues} values for {raw.NumRows} rows in row group {g}");
            }
            var chunks = new ColumnChunkMeta[columns.Length];
            for (int c = 0; c < chunks.Length; c++) chunks[c] = raw.Columns[c] with { RowGroup = g, ShortSizeSlack = slack };
            groups[g] = new RowGroupMeta(raw.NumRows, chunks);
        }
        return new ParquetMetadata(columns, groups, numRows, keyValues, slack);
    }

    /// <summary>
    /// parquet-mr before 1.2.9 wrote a chunk's total_compressed_size short of its pages (PARQUET-816): Arrow and
    /// DuckDB read up to 100 bytes further for such files, and so do we (the reader says so when it happens).
    /// </summary>
    static int ShortChunkSlack(string createdBy)
    {
        const string prefix = "parquet-mr version ";
        if (!createdBy.StartsWith(prefix, StringComparison.Ordinal)) return 0;
        var parts = createdBy.AsSpan(prefix.Length);
        int end = 0;
        while (end < parts.Length && (char.IsAsciiDigit(parts[end]) || parts[end] == '.')) end++;
        return Version.TryParse(parts[..end], out var v) && v < new Version(1, 2, 9) ? 100 : 0;
    }

    /// <summary>The size of a list that must hold structs (<paramref name="what"/> names it in the error).</summary>
    static int StructListSize(ref ThriftCompact t, string what)
    {
        var (size, et) = t.ListHeader();
        if (et != ThriftCompact.Struct) throw new ParquetDataException($"footer {what}: thrift type {et}, expected {ThriftCompact.Struct}");
        return size;
    }

    // A class, not a struct: List<SchemaElement> then runs on shared generic code that ReadyToRun precompiled,
    // instead of four methods to JIT in every process.
    sealed record SchemaElement(string Name, int Type, int Repetition, int Children, int TypeLength, ParquetAnnotation Annotation, string? Group);

    static SchemaElement ReadSchemaElement(ref ThriftCompact t)
    {
        string name = "";
        int type = -1, repetition = 0, children = 0, typeLength = 0, converted = -1, scale = 0, precision = 0;
        ParquetAnnotation? logical = null;
        string? group = null;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case ParquetThrift.SchemaElement.Type when ft == ThriftCompact.I32: type = t.I32Value(); break;
                case ParquetThrift.SchemaElement.TypeLength when ft == ThriftCompact.I32: typeLength = t.I32Value(); break;
                case ParquetThrift.SchemaElement.RepetitionType when ft == ThriftCompact.I32: repetition = t.I32Value(); break;
                case ParquetThrift.SchemaElement.Name when ft == ThriftCompact.Binary: name = t.StringValue(); break;
                case ParquetThrift.SchemaElement.NumChildren when ft == ThriftCompact.I32: children = t.I32Value(); break;
                case ParquetThrift.SchemaElement.ConvertedType when ft == ThriftCompact.I32: converted = t.I32Value(); break;
                case ParquetThrift.SchemaElement.Scale when ft == ThriftCompact.I32: scale = t.I32Value(); break;
                case ParquetThrift.SchemaElement.Precision when ft == ThriftCompact.I32: precision = t.I32Value(); break;
                case ParquetThrift.SchemaElement.LogicalType when ft == ThriftCompact.Struct: logical = ParquetAnnotation.ReadLogical(ref t, out group); break;
                default: t.Skip(ft); break;
            }
        }
        group ??= (ParquetThrift.ConvertedType)converted switch
        {
            ParquetThrift.ConvertedType.List => "LIST",
            ParquetThrift.ConvertedType.Map or ParquetThrift.ConvertedType.MapKeyValue => "MAP",
            _ => null,
        };
        var annotation = logical ?? (converted >= 0 ? ParquetAnnotation.FromConverted(converted, scale, precision) : null) ?? ParquetAnnotation.None;
        return new SchemaElement(name, type, repetition, children, typeLength, annotation, group);
    }

    /// <summary>The leaf columns in schema order (the order of a row group's chunks), with their levels; a leaf
    /// is named by its top-level field, and a leaf under a group says which kind of group (LIST, MAP or STRUCT).</summary>
    static ParquetColumn[] Leaves(List<SchemaElement> schema)
    {
        var leaves = new List<ParquetColumn>();
        int next = 1; // element 0 is the root
        for (int child = 0; child < schema[0].Children; child++) Walk(null, null, 0, 0);
        if (next != schema.Count) throw new ParquetDataException("schema elements do not form one tree");
        return [.. leaves];

        void Walk(string? top, string? nesting, int def, int rep)
        {
            if (next >= schema.Count) throw new ParquetDataException("schema ends early");
            if (leaves.Count > 100_000) throw new ParquetDataException("schema too large");
            var e = schema[next++];
            top ??= e.Name;
            if (e.Repetition == 1) def++;
            else if (e.Repetition == 2) { def++; rep++; }
            else if (e.Repetition != 0) throw new ParquetDataException($"repetition type {e.Repetition}");
            if (e.Children > 0)
            {
                if (def > 64) throw new ParquetDataException("schema nested too deep");
                nesting ??= e.Group ?? (e.Repetition == 2 ? "LIST" : "STRUCT");
                for (int c = 0; c < e.Children; c++) Walk(top, nesting, def, rep);
                return;
            }
            if (e.Type is < 0 or > 7) throw new ParquetDataException($"column {e.Name} has physical type {e.Type}");
            leaves.Add(new ParquetColumn(top, leaves.Count, (PhysicalType)e.Type, def, rep)
            {
                Annotation = e.Annotation,
                TypeLength = e.TypeLength,
                Nesting = nesting,
            });
        }
    }

    sealed record RawRowGroup(long NumRows, List<ColumnChunkMeta> Columns);

    static RawRowGroup ReadRowGroup(ref ThriftCompact t)
    {
        var columns = new List<ColumnChunkMeta>();
        long rows = -1;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case ParquetThrift.RowGroup.Columns when ft == ThriftCompact.List:
                {
                    int size = StructListSize(ref t, "column chunks");
                    for (int i = 0; i < size; i++) columns.Add(ReadColumnChunk(ref t));
                    break;
                }
                case ParquetThrift.RowGroup.NumRows when ft == ThriftCompact.I64: rows = t.I64Value(); break;
                default: t.Skip(ft); break;
            }
        }
        return new RawRowGroup(rows, columns);
    }

    static ColumnChunkMeta ReadColumnChunk(ref ThriftCompact t)
    {
        ColumnChunkMeta? meta = null;
        long columnIndex = -1, offsetIndex = -1;
        int columnIndexLength = 0, offsetIndexLength = 0;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case ParquetThrift.ColumnChunk.ColumnIndexOffset when ft == ThriftCompact.I64: columnIndex = t.I64Value(); break;
                case ParquetThrift.ColumnChunk.ColumnIndexLength when ft == ThriftCompact.I32: columnIndexLength = t.I32Value(); break;
                case ParquetThrift.ColumnChunk.OffsetIndexOffset when ft == ThriftCompact.I64: offsetIndex = t.I64Value(); break;
                case ParquetThrift.ColumnChunk.OffsetIndexLength when ft == ThriftCompact.I32: offsetIndexLength = t.I32Value(); break;
                case ParquetThrift.ColumnChunk.FilePath when ft == ThriftCompact.Binary:
                    if (t.BinaryValue().Length > 0) throw new ParquetDataException("column chunks in other files are not supported", unsupported: true);
                    break;
                case ParquetThrift.ColumnChunk.MetaData when ft == ThriftCompact.Struct: meta = ReadColumnMetaData(ref t); break;
                case ParquetThrift.ColumnChunk.CryptoMetadata or ParquetThrift.ColumnChunk.EncryptedColumnMetadata:
                    throw new ParquetDataException("the file has encrypted columns (Parquet modular encryption); cql does not read encrypted files", unsupported: true);
                default: t.Skip(ft); break;
            }
        }
        if (meta is null) throw new ParquetDataException("column chunk without metadata");
        return columnIndex < 0 && offsetIndex < 0 ? meta
            : meta with { ColumnIndexOffset = columnIndex, ColumnIndexLength = columnIndexLength, OffsetIndexOffset = offsetIndex, OffsetIndexLength = offsetIndexLength };
    }

    static ColumnChunkMeta ReadColumnMetaData(ref ThriftCompact t)
    {
        int type = -1, codec = 0;
        long numValues = 0, uncompressed = 0, compressed = 0, dataOffset = -1, dictionaryOffset = 0;
        ChunkStatistics? stats = null;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case ParquetThrift.ColumnMetaData.Type when ft == ThriftCompact.I32: type = t.I32Value(); break;
                case ParquetThrift.ColumnMetaData.Codec when ft == ThriftCompact.I32: codec = t.I32Value(); break;
                case ParquetThrift.ColumnMetaData.NumValues when ft == ThriftCompact.I64: numValues = t.I64Value(); break;
                case ParquetThrift.ColumnMetaData.TotalUncompressedSize when ft == ThriftCompact.I64: uncompressed = t.I64Value(); break;
                case ParquetThrift.ColumnMetaData.TotalCompressedSize when ft == ThriftCompact.I64: compressed = t.I64Value(); break;
                case ParquetThrift.ColumnMetaData.DataPageOffset when ft == ThriftCompact.I64: dataOffset = t.I64Value(); break;
                case ParquetThrift.ColumnMetaData.DictionaryPageOffset when ft == ThriftCompact.I64: dictionaryOffset = t.I64Value(); break;
                case ParquetThrift.ColumnMetaData.Statistics when ft == ThriftCompact.Struct: stats = ReadStatistics(ref t, type); break;
                default: t.Skip(ft); break;
            }
        }
        if (type is < 0 or > 7) throw new ParquetDataException($"column chunk of physical type {type}");
        if (codec is < 0 or > 7) throw new ParquetDataException($"compression codec {codec}");
        // A chunk of only a dictionary page (Arrow, for a row group without values) may give data_page_offset 0.
        if (numValues < 0 || compressed < 0 || compressed > int.MaxValue || uncompressed < 0 || dictionaryOffset < 0
            || (dataOffset < 4 && (dictionaryOffset < 4 || numValues > 0)))
            throw new ParquetDataException($"column chunk with impossible sizes or offsets (data page at {dataOffset}, dictionary page at {dictionaryOffset}, {compressed} bytes)");
        return new ColumnChunkMeta((PhysicalType)type, (ParquetCodec)codec, numValues, compressed, uncompressed, dataOffset, dictionaryOffset, stats);
    }

    /// <summary>min_value/max_value when the writer gave them. The deprecated min/max were compared as signed
    /// bytes by old writers: for text they are kept only when ASCII, where signed and unsigned orders agree.</summary>
    static ChunkStatistics ReadStatistics(ref ThriftCompact t, int physicalType)
    {
        byte[]? min = null, max = null, legacyMin = null, legacyMax = null;
        long? nulls = null;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case ParquetThrift.Statistics.Max when ft == ThriftCompact.Binary: legacyMax = t.BinaryValue().ToArray(); break;
                case ParquetThrift.Statistics.Min when ft == ThriftCompact.Binary: legacyMin = t.BinaryValue().ToArray(); break;
                case ParquetThrift.Statistics.NullCount when ft == ThriftCompact.I64: nulls = t.I64Value(); break;
                case ParquetThrift.Statistics.MaxValue when ft == ThriftCompact.Binary: max = t.BinaryValue().ToArray(); break;
                case ParquetThrift.Statistics.MinValue when ft == ThriftCompact.Binary: min = t.BinaryValue().ToArray(); break;
                default: t.Skip(ft); break;
            }
        }
        if ((min is null || max is null) && legacyMin is not null && legacyMax is not null
            && (physicalType != (int)PhysicalType.ByteArray || (IsAscii(legacyMin) && IsAscii(legacyMax))))
            (min, max) = (legacyMin, legacyMax);
        if (min is null || max is null) min = max = null;
        if (nulls < 0) nulls = null;
        return new ChunkStatistics(min, max, nulls);
    }

    static bool IsAscii(byte[] b) => System.Text.Ascii.IsValid(b);

    static (string? Key, string? Value) ReadKeyValue(ref ThriftCompact t)
    {
        string? key = null, value = null;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            if (id == ParquetThrift.KeyValue.Key && ft == ThriftCompact.Binary) key = t.StringValue();
            else if (id == ParquetThrift.KeyValue.Value && ft == ThriftCompact.Binary) value = t.StringValue();
            else t.Skip(ft);
        }
        return (key, value);
    }
}
