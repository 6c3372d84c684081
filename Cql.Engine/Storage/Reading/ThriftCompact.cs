namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Just enough of Thrift's compact protocol to read Parquet footers and page headers: field headers, zigzag
/// varints, binaries, list headers, and skipping any value we do not need. Reads past the end throw
/// (IndexOutOfRangeException), which callers report as a damaged file.
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
        byte b = _data[Position++];
        byte type = (byte)(b & 0x0F);
        if (type == Stop) return (0, Stop);
        int delta = b >> 4;
        short id = delta == 0 ? (short)ZigZag(Varint()) : (short)(lastId + delta);
        return (id, type);
    }

    public ulong Varint()
    {
        ulong v = 0;
        int shift = 0;
        while (true)
        {
            byte b = _data[Position++];
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
            shift += 7;
            if (shift > 63) throw new InvalidDataException("varint too long");
        }
    }

    public static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
    public int I32Value() => checked((int)ZigZag(Varint()));
    public long I64Value() => ZigZag(Varint());

    public double DoubleValue()
    {
        double d = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(Position, 8));
        Position += 8;
        return d;
    }

    /// <summary>A binary or string value: the bytes, still in the buffer.</summary>
    public ReadOnlySpan<byte> BinaryValue()
    {
        int length = checked((int)Varint());
        var s = _data.Slice(Position, length);
        Position += length;
        return s;
    }

    public string StringValue() => System.Text.Encoding.UTF8.GetString(BinaryValue());

    /// <summary>A list or set header: its size and element type.</summary>
    /// <summary>Reads the next field header of a struct: false at its end; else the field's id and type, with
    /// <paramref name="last"/> advanced for the delta of the next header.</summary>
    public bool NextField(ref short last, out short id, out byte type)
    {
        (id, type) = Field(last);
        if (type == Stop) return false;
        last = id;
        return true;
    }

    public (int Size, byte ElementType) ListHeader()
    {
        byte h = _data[Position++];
        int size = h >> 4;
        if (size == 15) size = checked((int)Varint());
        return (size, (byte)(h & 0x0F));
    }

    public void Skip(byte type)
    {
        switch (type)
        {
            case True or False: break;
            case Byte: Position++; break;
            case I16 or I32 or I64: Varint(); break;
            case Double: Position += 8; break;
            case Binary:
            {
                // Not "Position += Varint()": that adds to the position from before the length was read.
                int length = checked((int)Varint());
                Position += length;
                break;
            }
            case List or Set:
            {
                if (++_depth > 64) throw new InvalidDataException("thrift structures nested too deep");
                var (size, et) = ListHeader();
                for (int i = 0; i < size; i++) SkipElement(et);
                _depth--;
                break;
            }
            case Map:
            {
                if (++_depth > 64) throw new InvalidDataException("thrift structures nested too deep");
                int size = checked((int)Varint());
                if (size == 0) { _depth--; break; }
                byte kv = _data[Position++];
                for (int i = 0; i < size; i++) { SkipElement((byte)(kv >> 4)); SkipElement((byte)(kv & 0x0F)); }
                _depth--;
                break;
            }
            case Struct:
                // Nesting this deep is garbage, not Parquet: fail before the stack does.
                if (++_depth > 64) throw new InvalidDataException("thrift structures nested too deep");
                SkipStruct();
                _depth--;
                break;
            default: throw new InvalidDataException($"thrift type {type}");
        }
    }

    /// <summary>Skips one element of a list, set or map (where a bool takes a byte).</summary>
    public void SkipElement(byte type) { if (type is True or False) Position++; else Skip(type); }

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
