namespace Cql.Engine.Storage.Reading;

/// <summary>What a leaf column's logical type (or legacy converted type) says its stored values mean.</summary>
public enum ParquetLogicalKind
{
    /// <summary>No annotation: the physical type is the meaning (bytes for BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY).</summary>
    None,
    String, Enum, Json, Bson, Uuid, Date, Time, Timestamp, Decimal, SignedInt, UnsignedInt, Float16, Interval,
    /// <summary>An annotation this reader does not know (a newer format version): read as its physical type.</summary>
    Other,
}

/// <summary>The unit of a TIME or TIMESTAMP column.</summary>
public enum ParquetTimeUnit { Millis, Micros, Nanos }

/// <summary>
/// A leaf column's logical annotation, merged from the LogicalType union and the legacy ConvertedType (the first
/// wins where both are given: a converted TIMESTAMP_MILLIS says nothing about UTC, which the logical type does).
/// </summary>
public sealed record ParquetAnnotation(ParquetLogicalKind Kind, ParquetTimeUnit Unit = ParquetTimeUnit.Millis, bool UtcAdjusted = false,
    int Scale = 0, int Precision = 0, int BitWidth = 0)
{
    public static readonly ParquetAnnotation None = new(ParquetLogicalKind.None);

    /// <summary>The annotation a legacy ConvertedType stands for; null for MAP, LIST and MAP_KEY_VALUE (group
    /// annotations, not a leaf's) and unknown values.</summary>
    internal static ParquetAnnotation? FromConverted(int converted, int scale, int precision) => (ParquetThrift.ConvertedType)converted switch
    {
        ParquetThrift.ConvertedType.Utf8 => new(ParquetLogicalKind.String),
        ParquetThrift.ConvertedType.Enum => new(ParquetLogicalKind.Enum),
        ParquetThrift.ConvertedType.Json => new(ParquetLogicalKind.Json),
        ParquetThrift.ConvertedType.Bson => new(ParquetLogicalKind.Bson),
        ParquetThrift.ConvertedType.Decimal => new(ParquetLogicalKind.Decimal, Scale: scale, Precision: precision),
        ParquetThrift.ConvertedType.Date => new(ParquetLogicalKind.Date),
        // Converted timestamps and times are instants in UTC (parquet-format's LogicalTypes.md, "backward compatibility").
        ParquetThrift.ConvertedType.TimeMillis => new(ParquetLogicalKind.Time, ParquetTimeUnit.Millis, UtcAdjusted: true),
        ParquetThrift.ConvertedType.TimeMicros => new(ParquetLogicalKind.Time, ParquetTimeUnit.Micros, UtcAdjusted: true),
        ParquetThrift.ConvertedType.TimestampMillis => new(ParquetLogicalKind.Timestamp, ParquetTimeUnit.Millis, UtcAdjusted: true),
        ParquetThrift.ConvertedType.TimestampMicros => new(ParquetLogicalKind.Timestamp, ParquetTimeUnit.Micros, UtcAdjusted: true),
        ParquetThrift.ConvertedType.Uint8 => new(ParquetLogicalKind.UnsignedInt, BitWidth: 8),
        ParquetThrift.ConvertedType.Uint16 => new(ParquetLogicalKind.UnsignedInt, BitWidth: 16),
        ParquetThrift.ConvertedType.Uint32 => new(ParquetLogicalKind.UnsignedInt, BitWidth: 32),
        ParquetThrift.ConvertedType.Uint64 => new(ParquetLogicalKind.UnsignedInt, BitWidth: 64),
        ParquetThrift.ConvertedType.Int8 => new(ParquetLogicalKind.SignedInt, BitWidth: 8),
        ParquetThrift.ConvertedType.Int16 => new(ParquetLogicalKind.SignedInt, BitWidth: 16),
        ParquetThrift.ConvertedType.Int32 => new(ParquetLogicalKind.SignedInt, BitWidth: 32),
        ParquetThrift.ConvertedType.Int64 => new(ParquetLogicalKind.SignedInt, BitWidth: 64),
        ParquetThrift.ConvertedType.Interval => new(ParquetLogicalKind.Interval),
        _ => null,
    };

    /// <summary>Reads the LogicalType union; <paramref name="group"/> is set to LIST or MAP for a group's annotation.</summary>
    internal static ParquetAnnotation? ReadLogical(ref ThriftCompact t, out string? group)
    {
        group = null;
        ParquetAnnotation? result = null;
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (type != ThriftCompact.Struct) { t.Skip(type); continue; }
            switch (id)
            {
                case ParquetThrift.LogicalType.String: result = new(ParquetLogicalKind.String); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Enum: result = new(ParquetLogicalKind.Enum); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Json: result = new(ParquetLogicalKind.Json); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Bson: result = new(ParquetLogicalKind.Bson); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Uuid: result = new(ParquetLogicalKind.Uuid); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Date: result = new(ParquetLogicalKind.Date); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Float16: result = new(ParquetLogicalKind.Float16); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Unknown: result = new(ParquetLogicalKind.None); t.SkipStruct(); break;
                case ParquetThrift.LogicalType.List: group = "LIST"; t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Map: group = "MAP"; t.SkipStruct(); break;
                case ParquetThrift.LogicalType.Decimal: result = ReadDecimal(ref t); break;
                case ParquetThrift.LogicalType.Time: result = ReadTime(ref t, ParquetLogicalKind.Time); break;
                case ParquetThrift.LogicalType.Timestamp: result = ReadTime(ref t, ParquetLogicalKind.Timestamp); break;
                case ParquetThrift.LogicalType.Integer: result = ReadInteger(ref t); break;
                default: result = new(ParquetLogicalKind.Other); t.SkipStruct(); break;
            }
        }
        return result;
    }

    static ParquetAnnotation ReadDecimal(ref ThriftCompact t)
    {
        int scale = 0, precision = 0;
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (id == ParquetThrift.DecimalType.Scale && type == ThriftCompact.I32) scale = t.I32Value();
            else if (id == ParquetThrift.DecimalType.Precision && type == ThriftCompact.I32) precision = t.I32Value();
            else t.Skip(type);
        }
        return new(ParquetLogicalKind.Decimal, Scale: scale, Precision: precision);
    }

    static ParquetAnnotation ReadTime(ref ThriftCompact t, ParquetLogicalKind kind)
    {
        bool utc = false;
        var unit = ParquetTimeUnit.Millis;
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (id == ParquetThrift.TimeType.IsAdjustedToUtc && type is ThriftCompact.True or ThriftCompact.False) utc = type == ThriftCompact.True;
            else if (id == ParquetThrift.TimeType.Unit && type == ThriftCompact.Struct)
            {
                short unitLast = 0;
                while (t.NextField(ref unitLast, out var u, out var ut))
                {
                    unit = u switch { ParquetThrift.TimeUnit.Micros => ParquetTimeUnit.Micros, ParquetThrift.TimeUnit.Nanos => ParquetTimeUnit.Nanos, _ => ParquetTimeUnit.Millis };
                    t.Skip(ut);
                }
            }
            else t.Skip(type);
        }
        return new(kind, unit, utc);
    }

    static ParquetAnnotation ReadInteger(ref ThriftCompact t)
    {
        int width = 0;
        bool signed = true;
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (id == ParquetThrift.IntType.BitWidth && type == ThriftCompact.Byte) width = t.ByteValue();
            else if (id == ParquetThrift.IntType.IsSigned && type is ThriftCompact.True or ThriftCompact.False) signed = type == ThriftCompact.True;
            else t.Skip(type);
        }
        return new(signed ? ParquetLogicalKind.SignedInt : ParquetLogicalKind.UnsignedInt, BitWidth: width);
    }
}
