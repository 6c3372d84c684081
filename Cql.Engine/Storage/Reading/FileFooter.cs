using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>What a scan needs from one file's footer: its columns by name, row groups with row counts, chunks and
/// statistics, and the partition values from its folders.</summary>
public sealed class FileFooter
{
    public string Path { get; }
    public ParquetMetadata Metadata { get; }
    /// <summary>Flat columns by name (case-insensitive); a nested field is listed under its top-level name.</summary>
    public IReadOnlyDictionary<string, ParquetColumn> Columns { get; }
    public IReadOnlyDictionary<string, string> Partitions { get; }
    public IReadOnlyList<RowGroupInfo> RowGroups { get; }

    public FileFooter(string path, ParquetMetadata metadata)
    {
        Path = path;
        Metadata = metadata;
        var columns = new Dictionary<string, ParquetColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in metadata.Columns) columns.TryAdd(c.Name, c);
        Columns = columns;
        Partitions = PartitionValues.Of(path);
        var groups = new RowGroupInfo[metadata.RowGroups.Length];
        for (int g = 0; g < groups.Length; g++) groups[g] = new RowGroupInfo(g, metadata.RowGroups[g], columns, Partitions);
        RowGroups = groups;
    }

    /// <summary>A chunk's min/max as CQL compares them (text as string, numbers as double, booleans as bool), or
    /// null when unknown. Text bounds outside U+0000–U+D7FF are dropped: the writer ordered them by UTF-8 bytes,
    /// pruning compares UTF-16 units, and the two orders agree only when one side stays below the surrogates.</summary>
    /// <summary>A DATE bound as text a Date column compares with. A stored day may stand for its month or year (our
    /// date_precision: "2022-06" is stored as 2022-06-01 and sorts before "2022-06-01"), so the lower bound is the
    /// day's year, which sorts before every text of that year; the upper bound is the day itself.</summary>
    static string? DateBound(int days, bool isMax)
    {
        const int epoch = 719_162;
        if (days < DateOnly.MinValue.DayNumber - epoch || days > DateOnly.MaxValue.DayNumber - epoch) return null;
        var day = DateOnly.FromDayNumber(days + epoch);
        return isMax ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : day.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static object? Decode(ParquetColumn column, byte[]? bytes, bool isMax)
    {
        if (bytes is null) return null;
        switch (column.Annotation.Kind)
        {
            case ParquetLogicalKind.None or ParquetLogicalKind.SignedInt or ParquetLogicalKind.String or ParquetLogicalKind.Enum
                or ParquetLogicalKind.Json or ParquetLogicalKind.Other:
                break;
            case ParquetLogicalKind.UnsignedInt when column.Type == PhysicalType.Int32 && column.Annotation.BitWidth < 32:
                break;
            case ParquetLogicalKind.Date when column.Type == PhysicalType.Int32 && bytes.Length >= 4:
                return DateBound(BinaryPrimitives.ReadInt32LittleEndian(bytes), isMax);
            default:
                // Bounds in the stored form (unscaled decimals, unsigned integers in signed order, time units) would
                // prune by the wrong values: unknown is safe.
                return null;
        }
        switch (column.Type)
        {
            case PhysicalType.Int32 when bytes.Length >= 4: return (double)BinaryPrimitives.ReadInt32LittleEndian(bytes);
            case PhysicalType.Int64 when bytes.Length >= 8: return (double)BinaryPrimitives.ReadInt64LittleEndian(bytes);
            case PhysicalType.Double when bytes.Length >= 8:
            {
                double d = BinaryPrimitives.ReadDoubleLittleEndian(bytes);
                return double.IsNaN(d) ? null : d;
            }
            case PhysicalType.Float when bytes.Length >= 4:
            {
                float f = BinaryPrimitives.ReadSingleLittleEndian(bytes);
                return float.IsNaN(f) ? null : (double)f;
            }
            case PhysicalType.Boolean when bytes.Length >= 1: return bytes[0] != 0;
            case PhysicalType.ByteArray:
            {
                var s = System.Text.Encoding.UTF8.GetString(bytes);
                foreach (var ch in s) if (ch >= '\ud800') return null;
                return s;
            }
            default: return null;
        }
    }
}

/// <summary>One row group: its index in the file, rows, chunk per column, statistics by column (partition values
/// included) and the uncompressed size of each column chunk (to read cheap columns first).</summary>
public sealed class RowGroupInfo : IRowGroupStatistics
{
    readonly RowGroupMeta _meta;
    readonly IReadOnlyDictionary<string, ParquetColumn> _columns;
    readonly IReadOnlyDictionary<string, string> _partitions;
    Dictionary<string, ColumnStatistics?>? _stats;

    internal RowGroupInfo(int index, RowGroupMeta meta, IReadOnlyDictionary<string, ParquetColumn> columns, IReadOnlyDictionary<string, string> partitions)
    {
        Index = index;
        _meta = meta;
        _columns = columns;
        _partitions = partitions;
    }

    public int Index { get; }
    public long RowCount => _meta.NumRows;

    /// <summary>The chunk of <paramref name="column"/> in this row group.</summary>
    public ColumnChunkMeta Chunk(ParquetColumn column) => _meta.Columns[column.Index];

    /// <summary>The uncompressed bytes of a column's chunk; 0 for a column the file does not have.</summary>
    public long ColumnSize(string column) => _columns.TryGetValue(column, out var c) ? _meta.Columns[c.Index].TotalUncompressedSize : 0;

    public ColumnStatistics? Get(string column)
    {
        // Decoded when pruning first asks: most columns of most row groups are never asked about.
        lock (_meta)
        {
            _stats ??= new Dictionary<string, ColumnStatistics?>(StringComparer.OrdinalIgnoreCase);
            if (_stats.TryGetValue(column, out var known)) return known;
            ColumnStatistics? s;
            if (_columns.TryGetValue(column, out var c))
            {
                var st = _meta.Columns[c.Index].Statistics;
                s = st is null || c.MaxRepetitionLevel > 0 ? null
                    : new ColumnStatistics(FileFooter.Decode(c, st.Min, isMax: false), FileFooter.Decode(c, st.Max, isMax: true), st.NullCount);
            }
            // A column that is neither in the file nor a partition is all null here.
            else s = _partitions.TryGetValue(column, out var v) ? new ColumnStatistics(v, v, 0) : new ColumnStatistics(null, null, RowCount);
            _stats[column] = s;
            return s;
        }
    }
}
