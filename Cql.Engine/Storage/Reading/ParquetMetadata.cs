namespace Cql.Engine.Storage.Reading;

/// <summary>Parquet physical types (parquet.thrift <c>Type</c>).</summary>
public enum PhysicalType { Boolean = 0, Int32 = 1, Int64 = 2, Int96 = 3, Float = 4, Double = 5, ByteArray = 6, FixedLenByteArray = 7 }

/// <summary>Parquet compression codecs (parquet.thrift <c>CompressionCodec</c>).</summary>
public enum ParquetCodec { Uncompressed = 0, Snappy = 1, Gzip = 2, Lzo = 3, Brotli = 4, Lz4 = 5, Zstd = 6, Lz4Raw = 7 }

/// <summary>
/// A leaf column of a file's schema: its top-level name (what a scan asks for), physical type and how deeply it
/// nests. A flat optional column has definition level 1; the term index's repeated ids have repetition level 1.
/// </summary>
public sealed record ParquetColumn(string Name, int Index, PhysicalType Type, int MaxDefinitionLevel, int MaxRepetitionLevel)
{
    /// <summary>What the stored values mean (DATE, TIMESTAMP, DECIMAL, …); <see cref="ParquetAnnotation.None"/> when
    /// the file says nothing.</summary>
    public ParquetAnnotation Annotation { get; init; } = ParquetAnnotation.None;
    /// <summary>The width of a FIXED_LEN_BYTE_ARRAY value in bytes; 0 for other types.</summary>
    public int TypeLength { get; init; }
    /// <summary>LIST, MAP or STRUCT when the leaf lies inside a group of that kind (a field of a nested column,
    /// named by its top-level field); null for a top-level leaf.</summary>
    public string? Nesting { get; init; }

    /// <summary>A flat column that may hold nulls.</summary>
    public bool IsNullable => MaxDefinitionLevel > 0;
}

/// <summary>Min, max (plain-encoded bytes, as the file stores them) and null count of a column chunk.</summary>
public sealed record ChunkStatistics(byte[]? Min, byte[]? Max, long? NullCount);

/// <summary>Where one column chunk's pages are, and how they are stored.</summary>
public sealed record ColumnChunkMeta(
    PhysicalType Type, ParquetCodec Codec, long NumValues, long TotalCompressedSize, long TotalUncompressedSize,
    long DataPageOffset, long DictionaryPageOffset, ChunkStatistics? Statistics)
{
    /// <summary>The first byte of the chunk: its dictionary page when there is one (a chunk of only a dictionary
    /// page may give data page offset 0).</summary>
    public long Start => DictionaryPageOffset > 0 && (DictionaryPageOffset < DataPageOffset || DataPageOffset < 4) ? DictionaryPageOffset : DataPageOffset;

    /// <summary>Where the chunk's ColumnIndex and OffsetIndex are (parquet-format's PageIndex.md); -1 when the
    /// writer gave none.</summary>
    public long ColumnIndexOffset { get; init; } = -1;
    public int ColumnIndexLength { get; init; }
    public long OffsetIndexOffset { get; init; } = -1;
    public int OffsetIndexLength { get; init; }

    /// <summary>The row group (from 0) the chunk belongs to, for errors.</summary>
    public int RowGroup { get; init; }

    /// <summary>Bytes a page may run past <see cref="TotalCompressedSize"/> for a writer known to write it short
    /// (see FooterParser.ShortChunkSlack); 0 for every other writer.</summary>
    public int ShortSizeSlack { get; init; }
}

/// <summary>One row group: its rows and a chunk per leaf column (in schema order).</summary>
public sealed record RowGroupMeta(long NumRows, ColumnChunkMeta[] Columns);

/// <summary>What a Parquet footer (FileMetaData) says that CQL uses. <paramref name="ShortChunkSlack"/> is the
/// bytes a page may run past its chunk's declared size: non-zero only for a writer known to declare it short.</summary>
public sealed record ParquetMetadata(ParquetColumn[] Columns, RowGroupMeta[] RowGroups, long NumRows, IReadOnlyDictionary<string, string> KeyValues,
    int ShortChunkSlack = 0);
