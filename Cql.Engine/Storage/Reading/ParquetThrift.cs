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
        public const short Type = 1, TypeLength = 2, RepetitionType = 3, Name = 4, NumChildren = 5, ConvertedType = 6, Scale = 7,
            Precision = 8, LogicalType = 10;
    }

    /// <summary>The union of logical types: the member's field id says which one.</summary>
    public static class LogicalType
    {
        public const short String = 1, Map = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, Time = 7, Timestamp = 8, Integer = 10,
            Unknown = 11, Json = 12, Bson = 13, Uuid = 14, Float16 = 15;
    }

    /// <summary>DecimalType's fields.</summary>
    public static class DecimalType
    {
        public const short Scale = 1, Precision = 2;
    }

    /// <summary>TimeType's and TimestampType's fields (the same ids in both).</summary>
    public static class TimeType
    {
        public const short IsAdjustedToUtc = 1, Unit = 2;
    }

    /// <summary>The TimeUnit union.</summary>
    public static class TimeUnit
    {
        public const short Millis = 1, Micros = 2, Nanos = 3;
    }

    /// <summary>IntType's fields.</summary>
    public static class IntType
    {
        public const short BitWidth = 1, IsSigned = 2;
    }

    /// <summary>The legacy ConvertedType enum, for files written before logical types.</summary>
    public enum ConvertedType
    {
        Utf8 = 0, Map = 1, MapKeyValue = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, TimeMillis = 7, TimeMicros = 8,
        TimestampMillis = 9, TimestampMicros = 10, Uint8 = 11, Uint16 = 12, Uint32 = 13, Uint64 = 14, Int8 = 15, Int16 = 16,
        Int32 = 17, Int64 = 18, Json = 19, Bson = 20, Interval = 21,
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
