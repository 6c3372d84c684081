namespace Cql.Engine.Storage.Reading;

/// <summary>
/// The Thrift field ids of the parquet.thrift structs that our footer and page-header reader and our writer use, a
/// class per struct with the names parquet.thrift gives them, so that reader and writer cannot disagree on a number.
/// </summary>
internal static class ParquetThrift
{
    public static class FileMetaData
    {
        public const short Version = 1, Schema = 2, NumRows = 3, RowGroups = 4, KeyValueMetadata = 5, CreatedBy = 6, ColumnOrders = 7,
            EncryptionAlgorithm = 8;
    }

    public static class SchemaElement
    {
        public const short Type = 1, RepetitionType = 3, Name = 4, NumChildren = 5, ConvertedType = 6, LogicalType = 10;
    }

    /// <summary>The union of logical types: the member's field id says which one.</summary>
    public static class LogicalType
    {
        public const short String = 1;
    }

    /// <summary>The union of column orders.</summary>
    public static class ColumnOrder
    {
        public const short TypeDefinedOrder = 1;
    }

    public static class KeyValue
    {
        public const short Key = 1, Value = 2;
    }

    public static class RowGroup
    {
        public const short Columns = 1, TotalByteSize = 2, NumRows = 3, FileOffset = 5, TotalCompressedSize = 6;
    }

    public static class ColumnChunk
    {
        public const short FilePath = 1, FileOffset = 2, MetaData = 3, OffsetIndexOffset = 4, OffsetIndexLength = 5,
            ColumnIndexOffset = 6, ColumnIndexLength = 7, CryptoMetadata = 8, EncryptedColumnMetadata = 9;
    }

    public static class ColumnMetaData
    {
        public const short Type = 1, Encodings = 2, PathInSchema = 3, Codec = 4, NumValues = 5, TotalUncompressedSize = 6,
            TotalCompressedSize = 7, DataPageOffset = 9, DictionaryPageOffset = 11, Statistics = 12, EncodingStats = 13;
    }

    public static class Statistics
    {
        /// <summary>Max and Min are the deprecated fields that old writers compared as signed bytes.</summary>
        public const short Max = 1, Min = 2, NullCount = 3, MaxValue = 5, MinValue = 6, IsMaxValueExact = 7, IsMinValueExact = 8;
    }

    public static class PageEncodingStats
    {
        public const short PageType = 1, Encoding = 2, Count = 3;
    }

    public static class ColumnIndex
    {
        public const short NullPages = 1, MinValues = 2, MaxValues = 3, BoundaryOrder = 4, NullCounts = 5;
    }

    public static class OffsetIndex
    {
        public const short PageLocations = 1;
    }

    public static class PageLocation
    {
        public const short Offset = 1, CompressedPageSize = 2, FirstRowIndex = 3;
    }

    public static class PageHeader
    {
        public const short Type = 1, UncompressedPageSize = 2, CompressedPageSize = 3, DataPageHeader = 5,
            DictionaryPageHeader = 7, DataPageHeaderV2 = 8;
    }

    public static class DataPageHeader
    {
        public const short NumValues = 1, Encoding = 2, DefinitionLevelEncoding = 3, RepetitionLevelEncoding = 4, Statistics = 5;
    }

    public static class DictionaryPageHeader
    {
        public const short NumValues = 1, Encoding = 2;
    }

    public static class DataPageHeaderV2
    {
        public const short NumValues = 1, NumNulls = 2, NumRows = 3, Encoding = 4, DefinitionLevelsByteLength = 5,
            RepetitionLevelsByteLength = 6, IsCompressed = 7;
    }
}
