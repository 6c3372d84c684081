using System.Buffers.Binary;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>A growing byte buffer that is kept and reused from one column chunk to the next, so that encoding a row
/// group allocates nothing once the buffers have grown to the table's largest chunk.</summary>
internal sealed class ByteSink
{
    byte[] _buffer = new byte[4096];

    public int Length { get; set; }
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);
    public Span<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>Room for <paramref name="count"/> more bytes at the end; <see cref="Advance"/> says how many were used.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            // Uninitialised: the bytes are written before they are read, and zeroing tens of MB of text is waste.
            var larger = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)Length + count)));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            _buffer = larger;
        }
        return _buffer.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void Byte(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    public void Int32LittleEndian(int v)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), v);
        Length += 4;
    }

    /// <summary>An unsigned LEB128 varint (RLE run headers, Thrift's compact integers).</summary>
    public void Varint(ulong v)
    {
        var span = Reserve(10);
        int i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[i++] = (byte)v;
        Length += i;
    }

    public void Clear() => Length = 0;
}
