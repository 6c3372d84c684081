using Cql.Engine.Storage.Reading;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Cql.Tests.Support;

/// <summary>
/// A minimal Parquet writer for tests, because no writer at hand (DuckDB, Parquet.Net) emits data page v2: a
/// required INT32 id, an optional dictionary-encoded text column (RLE_DICTIONARY, bit-packed indices), an optional
/// plain text column and an optional DOUBLE, in row groups of pages of <see cref="PageRows"/> rows each.
/// Definition levels sit uncompressed before the values, as v2 wants. DuckDB reading the file is the check that
/// it is valid Parquet.
/// </summary>
public static class V2PageWriter
{
    public const int PageRows = 1000;
    static readonly string[] Names = ["Xi Jinping", "Vladimir Putin", "Jonas Gahr Støre", "Ulf Kristersson", "Giorgia Meloni 😀"];

    /// <summary>From this row on every optional column is null: its pages hold levels and no value bytes.</summary>
    public const int EmptyFrom = 1_000_000;

    /// <summary>The row <paramref name="k"/> of the file: id, name, note, score.</summary>
    public static object?[] Row(int k) => k >= EmptyFrom ? [k, null, null, null] :
        [k, k % 7 == 0 ? null : Names[k % 5], k % 3 == 0 ? null : $"merknad {k} ø", k % 4 == 0 ? null : k * 0.5];

    /// <param name="compressValues">Data page v2 may leave its values uncompressed in a compressed chunk.</param>
    /// <param name="firstRow">The first row's number (<see cref="EmptyFrom"/> or more: pages without values; a
    /// row group of 0 rows gives the text column a chunk of only its dictionary page, data page offset 0, as Arrow
    /// writes it).</param>
    /// <param name="createdBy">The footer's created_by.</param>
    /// <param name="shortBy">Each chunk's total_compressed_size this much short of its pages (PARQUET-816).</param>
    public static void Write(string path, ParquetCodec codec, int[] rowGroups, bool compressValues = true, int firstRow = 0,
        string? createdBy = null, int shortBy = 0)
    {
        using var file = new MemoryStream();
        file.Write("PAR1"u8);
        var groups = new List<(long Rows, List<ChunkInfo> Chunks)>();
        int first = firstRow;
        foreach (int rows in rowGroups)
        {
            var chunks = new List<ChunkInfo>
            {
                WriteChunk(file, codec, compressValues, PhysicalKind.Id, first, rows),
                WriteChunk(file, codec, compressValues, PhysicalKind.Name, first, rows),
                WriteChunk(file, codec, compressValues, PhysicalKind.Note, first, rows),
                WriteChunk(file, codec, compressValues, PhysicalKind.Score, first, rows),
            };
            groups.Add((rows, chunks));
            first += rows;
        }
        var footer = Footer(codec, groups, first - firstRow, createdBy, shortBy);
        file.Write(footer);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, footer.Length);
        file.Write(len);
        file.Write("PAR1"u8);
        File.WriteAllBytes(path, file.ToArray());
    }

    enum PhysicalKind { Id, Name, Note, Score }

    sealed record ChunkInfo(PhysicalKind Kind, long Values, long Offset, long DictionaryOffset, long Compressed, long Uncompressed);

    static ChunkInfo WriteChunk(MemoryStream file, ParquetCodec codec, bool compressValues, PhysicalKind kind, int first, int rows)
    {
        long start = file.Position, dictionaryOffset = 0, uncompressed = 0;
        if (kind == PhysicalKind.Name)
        {
            dictionaryOffset = start;
            var plain = new MemoryStream();
            foreach (var n in Names) PlainText(plain, n);
            var body = Compress(codec, plain.ToArray());
            var header = PageHeader(2, plain.Length, body.Length, t =>
            {
                t.BeginStruct(7);
                t.I32(1, Names.Length);
                t.I32(2, 0); // PLAIN
                t.EndStruct();
            });
            file.Write(header);
            file.Write(body);
            uncompressed += header.Length + plain.Length;
        }
        long dataOffset = file.Position;
        for (int p = 0; p < rows; p += PageRows)
        {
            int n = Math.Min(PageRows, rows - p);
            var defs = new int[n];
            var values = new MemoryStream();
            var indices = new List<int>();
            int nulls = 0;
            for (int i = 0; i < n; i++)
            {
                var v = Row(first + p + i)[(int)kind];
                defs[i] = v is null ? 0 : 1;
                if (v is null) { nulls++; continue; }
                switch (kind)
                {
                    case PhysicalKind.Id: values.Write(BitConverter.GetBytes((int)v)); break; // little-endian, as Parquet
                    case PhysicalKind.Score: values.Write(BitConverter.GetBytes((double)v)); break;
                    case PhysicalKind.Note: PlainText(values, (string)v); break;
                    case PhysicalKind.Name: indices.Add(Array.IndexOf(Names, (string)v)); break;
                }
            }
            if (kind == PhysicalKind.Name)
            {
                values.WriteByte(3); // bit width of indices 0..4
                BitPacked(values, indices, 3);
            }
            var levels = kind == PhysicalKind.Id ? [] : RleRuns(defs);
            var raw = values.ToArray();
            // No values, no bytes: the format says an empty page is not compressed (Spark writes it so).
            var stored = compressValues && raw.Length > 0 ? Compress(codec, raw) : raw;
            var header = PageHeader(3, levels.Length + raw.Length, levels.Length + stored.Length, t =>
            {
                t.BeginStruct(8);
                t.I32(1, n);
                t.I32(2, nulls);
                t.I32(3, n);
                t.I32(4, kind == PhysicalKind.Name ? 8 : 0); // RLE_DICTIONARY or PLAIN
                t.I32(5, levels.Length);
                t.I32(6, 0);
                if (!compressValues) t.Bool(7, false);
                t.EndStruct();
            });
            file.Write(header);
            file.Write(levels);
            file.Write(stored);
            uncompressed += header.Length + levels.Length + raw.Length;
        }
        if (rows == 0 && dictionaryOffset > 0) dataOffset = 0;
        return new ChunkInfo(kind, rows, dataOffset, dictionaryOffset, file.Position - start, uncompressed);
    }

    static void PlainText(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, bytes.Length);
        s.Write(len);
        s.Write(bytes);
    }

    /// <summary>Levels of bit width 1 as RLE runs only.</summary>
    static byte[] RleRuns(int[] levels)
    {
        var s = new MemoryStream();
        for (int i = 0; i < levels.Length;)
        {
            int j = i;
            while (j < levels.Length && levels[j] == levels[i]) j++;
            Varint(s, (ulong)(j - i) << 1);
            s.WriteByte((byte)levels[i]);
            i = j;
        }
        return s.ToArray();
    }

    /// <summary>One bit-packed run, padded to a multiple of eight values.</summary>
    static void BitPacked(Stream s, List<int> values, int width)
    {
        int groups = (values.Count + 7) / 8;
        Varint(s, ((ulong)groups << 1) | 1);
        var packed = new byte[groups * width];
        for (int i = 0; i < values.Count; i++)
            for (int b = 0; b < width; b++)
                if ((values[i] >> b & 1) != 0) { int bit = i * width + b; packed[bit >> 3] |= (byte)(1 << (bit & 7)); }
        s.Write(packed);
    }

    static byte[] Compress(ParquetCodec codec, byte[] data)
    {
        switch (codec)
        {
            case ParquetCodec.Uncompressed: return data;
            case ParquetCodec.Snappy: return Snappier.Snappy.CompressToArray(data);
            case ParquetCodec.Zstd: { using var z = new ZstdSharp.Compressor(); return z.Wrap(data).ToArray(); }
            case ParquetCodec.Gzip:
            {
                var s = new MemoryStream();
                using (var gz = new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
                return s.ToArray();
            }
            default: throw new NotSupportedException(codec.ToString());
        }
    }

    static byte[] PageHeader(int type, long uncompressed, long compressed, Action<Thrift> body)
    {
        var t = new Thrift();
        t.I32(1, type);
        t.I32(2, checked((int)uncompressed));
        t.I32(3, checked((int)compressed));
        body(t);
        t.Stop();
        return t.ToArray();
    }

    static byte[] Footer(ParquetCodec codec, List<(long Rows, List<ChunkInfo> Chunks)> groups, long rows, string? createdBy, int shortBy)
    {
        var t = new Thrift();
        t.I32(1, 2);
        t.BeginList(2, Thrift.Struct, 5);
        SchemaElement(t, "schema", type: null, repetition: null, children: 4, utf8: false);
        SchemaElement(t, "id", type: 1, repetition: 0, children: null, utf8: false);
        SchemaElement(t, "name", type: 6, repetition: 1, children: null, utf8: true);
        SchemaElement(t, "note", type: 6, repetition: 1, children: null, utf8: true);
        SchemaElement(t, "score", type: 5, repetition: 1, children: null, utf8: false);
        t.I64(3, rows);
        t.BeginList(4, Thrift.Struct, groups.Count);
        foreach (var (groupRows, chunks) in groups)
        {
            t.BeginElement();
            t.BeginList(1, Thrift.Struct, chunks.Count);
            foreach (var c in chunks)
            {
                t.BeginElement();
                t.I64(2, c.DictionaryOffset > 0 ? c.DictionaryOffset : c.Offset);
                t.BeginStruct(3);
                t.I32(1, c.Kind switch { PhysicalKind.Id => 1, PhysicalKind.Score => 5, _ => 6 });
                t.BeginList(2, Thrift.I32Type, c.Kind == PhysicalKind.Name ? 3 : 2);
                t.ListI32(0);
                t.ListI32(3);
                if (c.Kind == PhysicalKind.Name) t.ListI32(8);
                t.BeginList(3, Thrift.BinaryType, 1);
                t.ListBinary(Encoding.UTF8.GetBytes(c.Kind.ToString().ToLowerInvariant()));
                t.I32(4, (int)codec);
                t.I64(5, c.Values);
                t.I64(6, c.Uncompressed);
                t.I64(7, c.Compressed - shortBy);
                t.I64(9, c.Offset);
                if (c.DictionaryOffset > 0) t.I64(11, c.DictionaryOffset);
                t.EndStruct();
                t.EndElement();
            }
            t.I64(2, chunks.Sum(c => c.Uncompressed));
            t.I64(3, groupRows);
            t.EndElement();
        }
        if (createdBy is not null) t.Binary(6, Encoding.UTF8.GetBytes(createdBy));
        t.Stop();
        return t.ToArray();
    }

    static void SchemaElement(Thrift t, string name, int? type, int? repetition, int? children, bool utf8)
    {
        t.BeginElement();
        if (type is { } ty) t.I32(1, ty);
        if (repetition is { } r) t.I32(3, r);
        t.Binary(4, Encoding.UTF8.GetBytes(name));
        if (children is { } ch) t.I32(5, ch);
        if (utf8) t.I32(6, 0); // converted type UTF8
        t.EndElement();
    }

    static void Varint(Stream s, ulong v)
    {
        while (v >= 0x80) { s.WriteByte((byte)(v | 0x80)); v >>= 7; }
        s.WriteByte((byte)v);
    }

    /// <summary>Thrift compact protocol, writing side: just what a footer and page headers need.</summary>
    sealed class Thrift
    {
        public const byte I32Type = 5, BinaryType = 8, Struct = 12;
        readonly MemoryStream _s = new();
        readonly Stack<short> _outer = new();
        short _last;

        void Field(short id, byte type)
        {
            int delta = id - _last;
            if (delta is > 0 and <= 15) _s.WriteByte((byte)(delta << 4 | type));
            else { _s.WriteByte(type); Varint(_s, ZigZag(id)); }
            _last = id;
        }

        static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
        public void I32(short id, int v) { Field(id, I32Type); Varint(_s, ZigZag(v)); }
        public void I64(short id, long v) { Field(id, 6); Varint(_s, ZigZag(v)); }
        public void Bool(short id, bool v) => Field(id, v ? (byte)1 : (byte)2);
        public void Binary(short id, byte[] b) { Field(id, BinaryType); Varint(_s, (ulong)b.Length); _s.Write(b); }
        public void BeginStruct(short id) { Field(id, Struct); _outer.Push(_last); _last = 0; }
        public void EndStruct() { _s.WriteByte(0); _last = _outer.Pop(); }
        public void BeginList(short id, byte elementType, int size)
        {
            Field(id, 9);
            if (size < 15) _s.WriteByte((byte)(size << 4 | elementType));
            else { _s.WriteByte((byte)(0xF0 | elementType)); Varint(_s, (ulong)size); }
        }
        public void BeginElement() { _outer.Push(_last); _last = 0; }
        public void EndElement() => EndStruct();
        public void ListI32(int v) => Varint(_s, ZigZag(v));
        public void ListBinary(byte[] b) { Varint(_s, (ulong)b.Length); _s.Write(b); }
        public void Stop() => _s.WriteByte(0);
        public byte[] ToArray() => _s.ToArray();
    }
}
