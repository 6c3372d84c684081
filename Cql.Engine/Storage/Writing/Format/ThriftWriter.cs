using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// The writing half of Thrift's compact protocol, as much as Parquet page headers and footers need: field headers
/// with id deltas, zigzag varints, binaries, list headers and nested structs. The bytes collect in a
/// <see cref="ByteSink"/> that is reused for the next header (<see cref="Clear"/>). <see cref="ThriftCompact"/> is the reading half.
/// </summary>
internal sealed class ThriftWriter
{
    readonly ByteSink _bytes = new();
    short _last;
    readonly Stack<short> _outer = new();

    public int Length => _bytes.Length;
    public ReadOnlySpan<byte> Written => _bytes.Written;

    public void Clear()
    {
        _bytes.Clear();
        _last = 0;
        _outer.Clear();
    }

    public void I32(short id, int value)
    {
        Header(id, ThriftCompact.I32);
        _bytes.Varint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        Header(id, ThriftCompact.I64);
        _bytes.Varint(ZigZag(value));
    }

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        Header(id, ThriftCompact.Binary);
        BinaryElement(value);
    }

    /// <summary>A bool field: the value is the field header's type, no byte follows.</summary>
    public void Bool(short id, bool value) => Header(id, value ? ThriftCompact.True : ThriftCompact.False);

    /// <summary>A bool as a list element: a byte, 1 true and 2 false (element type <see cref="ThriftCompact.True"/>).</summary>
    public void BoolElement(bool value) => _bytes.Byte(value ? ThriftCompact.True : ThriftCompact.False);

    public void I64Element(long value) => _bytes.Varint(ZigZag(value));

    public void String(short id, string value) => Binary(id, System.Text.Encoding.UTF8.GetBytes(value));

    /// <summary>Opens a struct-valued field; its fields follow, then <see cref="EndStruct"/>.</summary>
    public void BeginStruct(short id)
    {
        Header(id, ThriftCompact.Struct);
        BeginStructElement();
    }

    /// <summary>Opens a struct that is an element of a list (no field header of its own).</summary>
    public void BeginStructElement()
    {
        _outer.Push(_last);
        _last = 0;
    }

    public void EndStruct()
    {
        _bytes.Byte(ThriftCompact.Stop);
        _last = _outer.Pop();
    }

    /// <summary>A list-valued field's header; its <paramref name="size"/> elements follow.</summary>
    public void BeginList(short id, byte elementType, int size)
    {
        Header(id, ThriftCompact.List);
        if (size < 15) _bytes.Byte((byte)(size << 4 | elementType));
        else
        {
            _bytes.Byte((byte)(0xF0 | elementType));
            _bytes.Varint((ulong)size);
        }
    }

    public void I32Element(int value) => _bytes.Varint(ZigZag(value));

    public void BinaryElement(ReadOnlySpan<byte> value)
    {
        _bytes.Varint((ulong)value.Length);
        _bytes.Write(value);
    }

    /// <summary>Ends the outermost struct (the message itself).</summary>
    public void Stop() => _bytes.Byte(ThriftCompact.Stop);

    void Header(short id, byte type)
    {
        int delta = id - _last;
        if (delta is > 0 and <= 15) _bytes.Byte((byte)(delta << 4 | type));
        else
        {
            _bytes.Byte(type);
            _bytes.Varint(ZigZag(id));
        }
        _last = id;
    }

    static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
}
