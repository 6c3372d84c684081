namespace Cql.Engine.Storage.Reading;

/// <summary>
/// How a Parquet leaf column reads in CQL, by its physical type and annotation: integers as Int32/Int64 (UINT_32
/// widened to Int64), DECIMAL and FLOAT16 as Float64, DATE as a day-precision Date, TIMESTAMP/TIME/INT96 as ISO
/// text, UTF-8 annotated bytes as text, UUID as its canonical text and any other bytes as 0x-prefixed hex.
/// </summary>
public static class ParquetTypeMapping
{
    /// <exception cref="ParquetDataException">The column is nested or of a kind cql does not read (unsupported).</exception>
    public static ColumnType ColumnTypeOf(ParquetColumn c)
    {
        RefuseNested(c);
        var a = c.Annotation;
        return (c.Type, a.Kind) switch
        {
            (_, ParquetLogicalKind.Interval) => throw new ParquetDataException($"column {c.Name} is an INTERVAL, which cql does not read", unsupported: true),
            (PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray or PhysicalType.ByteArray, ParquetLogicalKind.Decimal) => ColumnType.Float64,
            (PhysicalType.Int32, ParquetLogicalKind.Date) => ColumnType.Date,
            (PhysicalType.Int32 or PhysicalType.Int64, ParquetLogicalKind.Time or ParquetLogicalKind.Timestamp) => ColumnType.String,
            (PhysicalType.Int96, _) => ColumnType.String,
            (PhysicalType.Int32, ParquetLogicalKind.UnsignedInt) when a.BitWidth == 32 => ColumnType.Int64,
            (PhysicalType.Int32, _) => ColumnType.Int32,
            (PhysicalType.Int64, _) => ColumnType.Int64,
            (PhysicalType.Float or PhysicalType.Double, _) => ColumnType.Float64,
            (PhysicalType.FixedLenByteArray, ParquetLogicalKind.Float16) => ColumnType.Float64,
            (PhysicalType.Boolean, _) => ColumnType.Bool,
            _ => ColumnType.String,
        };
    }

    /// <summary>Whether a BYTE_ARRAY column holds text (STRING/UTF8, ENUM, JSON): the rest are bytes.</summary>
    public static bool IsText(ParquetColumn c) =>
        c.Type == PhysicalType.ByteArray && c.Annotation.Kind is ParquetLogicalKind.String or ParquetLogicalKind.Enum or ParquetLogicalKind.Json;

    /// <summary>A leaf of a LIST, MAP or STRUCT is refused: a scan reads one value per row.</summary>
    public static void RefuseNested(ParquetColumn c)
    {
        if (c.Nesting is { } kind) throw new ParquetDataException($"column {c.Name} is a nested {kind}; cql reads flat columns only", unsupported: true);
        if (c.MaxRepetitionLevel > 0) throw new ParquetDataException($"column {c.Name} is a repeated field (a LIST); cql reads flat columns only", unsupported: true);
    }
}
