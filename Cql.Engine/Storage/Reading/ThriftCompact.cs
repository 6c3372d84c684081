namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Just enough of Thrift's compact protocol to read Parquet footers and page headers: field headers, zigzag
/// varints, binaries, list headers, and skipping any value we do not need. Every read is bounds-checked: damage
/// throws <see cref="ParquetDataException"/> saying what ended where, which the caller places (footer or page).
/// </summary>
public ref struct ThriftCompact(ReadOnlySpan<byte> data)
{
    readonly ReadOnlySpan<byte> _data = data;
    public int Position;
    int _depth;

    public const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    /// <summary>Reads a field header; type Stop ends the struct.</summary>
    (short Id, byte Type) Field(short lastId)
    {
        byte b = NextByte();
        byte type = (byte)(b & 0x0F);
        if (type == Stop) return (0, Stop);
        int delta = b >> 4;
        short id = delta == 0 ? (short)ZigZag(Varint()) : (short)(lastId + delta);
        return (id, type);
    }

    byte NextByte() => (uint)Position < (uint)_data.Length ? _data[Position++] : throw Ends(1);

    ParquetDataException Ends(long wanted) =>
        new($"thrift data ends early: {wanted} bytes wanted at byte {Position} of {_data.Length}");

    /// <summary>Moves past <paramref name="count"/> bytes that must be there.</summary>
    void Advance(long count)
    {
        if (count < 0 || count > _data.Length - Position) throw Ends(count);
        Position += (int)count;
    }

    public ulong Varint()
    {
        ulong v = 0;
        int shift = 0;
        while (true)
        {
            byte b = NextByte();
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
            shift += 7;
            if (shift > 63) throw new ParquetDataException($"thrift varint too long at byte {Position}");
        }
    }

    /// <summary>A bool as a list element: one byte, 1 for true (compact protocol writes 2 for false).</summary>
    public bool BoolElement() => NextByte() == True;

    /// <summary>An i8 field's value: one raw byte.</summary>
    public sbyte ByteValue() => unchecked((sbyte)NextByte());

    public static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
    public int I32Value()
    {
        long v = ZigZag(Varint());
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new ParquetDataException($"thrift i32 value {v} out of range at byte {Position}");
    }

    public long I64Value() => ZigZag(Varint());

    public double DoubleValue()
    {
        int at = Position;
        Advance(8);
        return System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(at, 8));
    }

    /// <summary>A binary or string value: the bytes, still in the buffer.</summary>
    public ReadOnlySpan<byte> BinaryValue()
    {
        ulong length = Varint();
        int at = Position;
        Advance(length > int.MaxValue ? -1 : (long)length);
        return _data.Slice(at, (int)length);
    }

    public string StringValue() => System.Text.Encoding.UTF8.GetString(BinaryValue());

    /// <summary>Reads the next field header of a struct: false at its end; else the field's id and type, with
    /// <paramref name="last"/> advanced for the delta of the next header.</summary>
    public bool NextField(ref short last, out short id, out byte type)
    {
        (id, type) = Field(last);
        if (type == Stop) return false;
        last = id;
        return true;
    }

    /// <summary>A list or set header: its size and element type. Every element takes at least a byte, so a size
    /// beyond the bytes left is damage, caught before anyone sizes an array by it.</summary>
    public (int Size, byte ElementType) ListHeader()
    {
        byte h = NextByte();
        long size = h >> 4;
        if (size == 15) size = (long)Math.Min(Varint(), long.MaxValue);
        if (size > _data.Length - Position) throw new ParquetDataException($"thrift list of {size} elements in {_data.Length - Position} bytes at byte {Position}");
        return ((int)size, (byte)(h & 0x0F));
    }

    public void Skip(byte type)
    {
        switch (type)
        {
            case True or False: break;
            case Byte: Advance(1); break;
            case I16 or I32 or I64: Varint(); break;
            case Double: Advance(8); break;
            case Binary: BinaryValue(); break;
            case List or Set:
            {
                if (++_depth > 64) throw new ParquetDataException("thrift structures nested too deep");
                var (size, et) = ListHeader();
                for (int i = 0; i < size; i++) SkipElement(et);
                _depth--;
                break;
            }
            case Map:
            {
                if (++_depth > 64) throw new ParquetDataException("thrift structures nested too deep");
                ulong size = Varint();
                if (size == 0) { _depth--; break; }
                if (size > (ulong)(_data.Length - Position)) throw new ParquetDataException($"thrift map of {size} entries in {_data.Length - Position} bytes at byte {Position}");
                byte kv = NextByte();
                for (ulong i = 0; i < size; i++) { SkipElement((byte)(kv >> 4)); SkipElement((byte)(kv & 0x0F)); }
                _depth--;
                break;
            }
            case Struct:
                // Nesting this deep is garbage, not Parquet: fail before the stack does.
                if (++_depth > 64) throw new ParquetDataException("thrift structures nested too deep");
                SkipStruct();
                _depth--;
                break;
            default: throw new ParquetDataException($"unknown thrift type {type} at byte {Position}");
        }
    }

    /// <summary>Skips one element of a list, set or map (where a bool takes a byte).</summary>
    public void SkipElement(byte type) { if (type is True or False) Advance(1); else Skip(type); }

    public void SkipStruct()
    {
        short last = 0;
        while (true)
        {
            var (id, type) = Field(last);
            if (type == Stop) return;
            Skip(type);
            last = id;
        }
    }
}
