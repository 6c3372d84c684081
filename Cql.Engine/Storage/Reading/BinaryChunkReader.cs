using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads a column chunk of bytes that are not text — BYTE_ARRAY without a text annotation, FIXED_LEN_BYTE_ARRAY —
/// as what its annotation says: UUID as canonical text, DECIMAL as Float64, FLOAT16 as Float64, anything else as
/// lowercase hex with a 0x prefix (never decoded as UTF-8, which would turn bytes into U+FFFD without a word).
/// The chunk's bytes are first gathered into one buffer with a (start, length) per row, then converted per vector.
/// </summary>
static class BinaryChunkReader
{
    public static ColumnVector Read(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount)
    {
        var raw = new RawValues(rowCount);
        using (var pages = new ChunkPages(file, column, chunk))
        {
            try { Decode(pages, column, raw); }
            catch (ParquetDataException e) { throw pages.Locate(e); }
        }
        return ToVector(column, raw);
    }

    /// <summary>Every row's bytes: a slice of Data, or null.</summary>
    sealed class RawValues(int rows)
    {
        public byte[] Data = new byte[1024];
        public int Used;
        public readonly int[] Start = new int[rows], Length = new int[rows];
        public bool[]? Nulls;
        public int Row;
        public int Rows => Start.Length;

        public void Add(ReadOnlySpan<byte> value)
        {
            if (Data.Length - Used < value.Length) Array.Resize(ref Data, Math.Max(Data.Length * 2, Used + value.Length));
            value.CopyTo(Data.AsSpan(Used));
            Start[Row] = Used;
            Length[Row] = value.Length;
            Used += value.Length;
            Row++;
        }

        public void AddNull() => (Nulls ??= new bool[Rows])[Row++] = true;

        public ReadOnlySpan<byte> this[int row] => Data.AsSpan(Start[row], Length[row]);
    }

    static void Decode(ChunkPages pages, ParquetColumn column, RawValues raw)
    {
        (int Start, int Length)[]? dictionary = null;
        byte[]? dictionaryBytes = null, plainBuffer = null;
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage)
                {
                    if (page.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
                        throw new ParquetDataException($"dictionary page encoded {page.Encoding}");
                    dictionaryBytes = page.Body.ToArray();
                    dictionary = Split(column, dictionaryBytes, page.NumValues);
                    continue;
                }
                int n = page.NumValues;
                if (n > raw.Rows - raw.Row) throw new ParquetDataException("more values than rows in the column chunk");
                var defs = page.Definitions;
                if (page.Encoding is ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary)
                {
                    if (dictionary is null) throw new ParquetDataException("dictionary-encoded page without a dictionary");
                    var indices = ArrayPool<int>.Shared.Rent(Math.Max(page.NonNull, 1));
                    try
                    {
                        var idx = indices.AsSpan(0, page.NonNull);
                        if (!idx.IsEmpty) RleHybrid.DecodeIndices(page.Body, idx);
                        int k = 0;
                        for (int i = 0; i < n; i++)
                        {
                            if (!defs.IsEmpty && defs[i] != column.MaxDefinitionLevel) { raw.AddNull(); continue; }
                            int code = idx[k++];
                            if ((uint)code >= (uint)dictionary.Length) throw new ParquetDataException($"dictionary index {code} out of range (dictionary of {dictionary.Length})");
                            var (s, l) = dictionary[code];
                            raw.Add(dictionaryBytes.AsSpan(s, l));
                        }
                    }
                    finally { ArrayPool<int>.Shared.Return(indices); }
                    continue;
                }
                bool fixedWidth = column.Type == PhysicalType.FixedLenByteArray && page.Encoding == ParquetEncoding.Plain;
                var body = page.Encoding switch
                {
                    ParquetEncoding.Plain => page.Body,
                    ParquetEncoding.DeltaLengthByteArray or ParquetEncoding.DeltaByteArray =>
                        PlainConversion.ToPlain(page.Encoding, PhysicalType.ByteArray, page.Body, page.NonNull, ref plainBuffer),
                    _ => throw new ParquetDataException($"{column.Type} encoded {page.Encoding} is not supported", unsupported: true),
                };
                int p = 0;
                for (int i = 0; i < n; i++)
                {
                    if (!defs.IsEmpty && defs[i] != column.MaxDefinitionLevel) { raw.AddNull(); continue; }
                    int len;
                    if (fixedWidth) len = column.TypeLength;
                    else
                    {
                        if (p > body.Length - 4) throw new ParquetDataException($"value {i} starts past the end of its page");
                        len = BinaryPrimitives.ReadInt32LittleEndian(body[p..]);
                        p += 4;
                    }
                    if ((uint)len > (uint)(body.Length - p)) throw new ParquetDataException($"value {i} of {len} bytes runs past the end of its page");
                    raw.Add(body.Slice(p, len));
                    p += len;
                }
            }
        }
        finally { if (plainBuffer is not null) ArrayPool<byte>.Shared.Return(plainBuffer); }
        if (raw.Row != raw.Rows) throw new ParquetDataException($"column chunk holds {raw.Row} values for {raw.Rows} rows");
    }

    /// <summary>A dictionary page's entries: fixed width for FIXED_LEN_BYTE_ARRAY, length-prefixed otherwise.</summary>
    static (int, int)[] Split(ParquetColumn column, byte[] body, int count)
    {
        if (count < 0 || count > body.Length) throw new ParquetDataException($"dictionary page of {body.Length} bytes claims {count} values");
        var entries = new (int, int)[count];
        int p = 0;
        for (int i = 0; i < count; i++)
        {
            int len = column.Type == PhysicalType.FixedLenByteArray ? column.TypeLength : -1;
            if (len < 0)
            {
                if (p > body.Length - 4) throw new ParquetDataException($"dictionary value {i} starts past the end of its page");
                len = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(p));
                p += 4;
            }
            if ((uint)len > (uint)(body.Length - p)) throw new ParquetDataException($"dictionary value {i} of {len} bytes runs past the end of its page");
            entries[i] = (p, len);
            p += len;
        }
        return entries;
    }

    static ColumnVector ToVector(ParquetColumn column, RawValues raw)
    {
        int n = raw.Rows;
        switch (column.Annotation.Kind)
        {
            case ParquetLogicalKind.Decimal:
            {
                var values = new double[n];
                double scale = LogicalValues.Scale(column.Annotation.Scale);
                for (int i = 0; i < n; i++)
                    if (raw.Nulls is null || !raw.Nulls[i]) values[i] = BigEndianSigned(column, raw[i]) / scale;
                return new Float64Vector(values, raw.Nulls, n);
            }
            case ParquetLogicalKind.Float16:
            {
                var values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    if (raw.Nulls is not null && raw.Nulls[i]) continue;
                    var b = raw[i];
                    if (b.Length != 2) throw new ParquetDataException($"column {column.Name}: a FLOAT16 of {b.Length} bytes");
                    values[i] = (double)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(b));
                }
                return new Float64Vector(values, raw.Nulls, n);
            }
            case ParquetLogicalKind.Uuid when column.TypeLength == 16: return Text(raw, 36, WriteUuid);
            default: return Text(raw, -1, WriteHex);
        }
    }

    delegate int Writer(ReadOnlySpan<byte> bytes, Span<char> into);

    /// <summary>Every row as text in one buffer: <paramref name="width"/> chars a value, or 0x and two per byte.</summary>
    static StringVector Text(RawValues raw, int width, Writer write)
    {
        int n = raw.Rows;
        long total = width >= 0 ? (long)width * n : 2L * n + 2L * raw.Used;
        if (total > Array.MaxLength) throw new ParquetDataException($"{raw.Used} bytes are too many to show as text", unsupported: true);
        var chars = new char[total];
        var values = new ReadOnlyMemory<char>[n];
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            if (raw.Nulls is not null && raw.Nulls[i]) continue;
            int w = write(raw[i], chars.AsSpan(at));
            values[i] = chars.AsMemory(at, w);
            at += w;
        }
        return new StringVector(values, raw.Nulls, n, ColumnType.String);
    }

    static int WriteHex(ReadOnlySpan<byte> bytes, Span<char> into)
    {
        into[0] = '0';
        into[1] = 'x';
        Convert.TryToHexStringLower(bytes, into[2..], out int w);
        return w + 2;
    }

    /// <summary>8-4-4-4-12 lowercase hex, the bytes in order (RFC 9562; the UUID logical type stores them big-endian).</summary>
    static int WriteUuid(ReadOnlySpan<byte> bytes, Span<char> into)
    {
        int at = 0;
        for (int i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10) into[at++] = '-';
            Convert.TryToHexStringLower(bytes.Slice(i, 1), into[at..], out _);
            at += 2;
        }
        return at;
    }

    /// <summary>A DECIMAL's unscaled value: big-endian two's complement of any width (as double: cql has no decimal).</summary>
    static double BigEndianSigned(ParquetColumn column, ReadOnlySpan<byte> b)
    {
        if (b.IsEmpty) throw new ParquetDataException($"column {column.Name}: an empty DECIMAL");
        if (b.Length <= 16)
        {
            Int128 v = (sbyte)b[0];
            for (int i = 1; i < b.Length; i++) v = (v << 8) | b[i];
            return (double)v;
        }
        return (double)new System.Numerics.BigInteger(b, isUnsigned: false, isBigEndian: true);
    }
}
