namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Just enough of Thrift's compact protocol to read Parquet page headers (Parquet.Net keeps its reader internal):
/// field headers, zigzag varints, and skipping any value we do not need.
/// </summary>
public ref struct ThriftCompact(ReadOnlySpan<byte> data)
{
    readonly ReadOnlySpan<byte> _data = data;
    public int Position;

    public const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    /// <summary>Reads a field header; type Stop ends the struct.</summary>
    public (short Id, byte Type) Field(short lastId)
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
                byte h = _data[Position++];
                int size = h >> 4;
                if (size == 15) size = checked((int)Varint());
                byte et = (byte)(h & 0x0F);
                for (int i = 0; i < size; i++) SkipElement(et);
                break;
            }
            case Map:
            {
                int size = checked((int)Varint());
                if (size == 0) break;
                byte kv = _data[Position++];
                for (int i = 0; i < size; i++) { SkipElement((byte)(kv >> 4)); SkipElement((byte)(kv & 0x0F)); }
                break;
            }
            case Struct: SkipStruct(); break;
            default: throw new InvalidDataException($"thrift type {type}");
        }
    }

    // In lists and maps a bool takes a byte.
    void SkipElement(byte type) { if (type is True or False) Position++; else Skip(type); }

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
