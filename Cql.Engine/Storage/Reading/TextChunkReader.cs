using System.Buffers;
using System.Buffers.Binary;
using Cql.Engine.Execution;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads a text column chunk itself, bypassing Parquet.Net's string per row. Dictionary pages are decoded once
/// (one char[] per distinct value) and dictionary data pages become codes into them, so predicates and group keys
/// work per distinct value; plain pages are decoded into one char buffer per page, sliced per row. Handles flat
/// optional/required BYTE_ARRAY columns, uncompressed or Snappy, data pages v1 and v2; anything else (another
/// codec or encoding, nesting) returns null and the caller uses Parquet.Net.
/// </summary>
public static class TextChunkReader
{
    const int PlainDictionary = 2, RleDictionary = 8, Plain = 0;
    const int DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3;

    /// <param name="selection">When given (ascending row numbers), only those rows are returned, in that order: plain
    /// text is then transcoded only for them (late materialisation: `quotes where speaker = X` keeps a few percent
    /// of each row group, and turning every text into UTF-16 was most of the cost). Null with a selection when the
    /// chunk mixes dictionary and plain pages: read it whole and gather.</param>
    public static StringVector? TryRead(SafeFileHandle file, ColumnChunk chunk, bool nullable, int rowCount, ColumnType type, int[]? selection = null)
    {
        var md = chunk.MetaData;
        if (md is null || md.Type != Parquet.Meta.Type.BYTE_ARRAY) return null;
        if (md.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY)) return null;
        if (md.NumValues != rowCount) return null; // nested or odd: not ours
        long start = md.DictionaryPageOffset is { } d && d > 0 ? Math.Min(d, md.DataPageOffset) : md.DataPageOffset;
        int length = checked((int)md.TotalCompressedSize);
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        var scratch = new Scratch();
        try
        {
            int read = 0;
            while (read < length)
            {
                int r = RandomAccess.Read(file, bytes.AsSpan(read, length - read), start + read);
                if (r == 0) throw new EndOfStreamException("column chunk ends before its recorded size");
                read += r;
            }
            var span = bytes.AsSpan(0, length);
            ReadOnlyMemory<char>[]? dictionary = null;
            var codes = new int[rowCount];
            ReadOnlyMemory<char>[]? values = null; // made when a plain page appears
            bool[]? nulls = null;
            int row = 0;
            int pos = 0;
            ReadOnlyMemory<char>[]? selValues = null; // plain pages under a selection
            bool[]? selNulls = null;
            int selPos = 0;
            // Scratch for one page's levels and indices, pooled: fresh arrays this size would churn the large object heap.
            int[] levels = [], indices = [];
            while (pos < length && row < rowCount)
            {
                var h = ParseHeader(span[pos..], out int headerLength);
                pos += headerLength;
                var payload = span.Slice(pos, h.CompressedSize);
                pos += h.CompressedSize;
                switch (h.Type)
                {
                    case DictionaryPage:
                    {
                        if (h.Encoding is not (Plain or PlainDictionary)) return null;
                        var page = Decompress(md.Codec, payload, h.UncompressedSize, scratch);
                        dictionary = new ReadOnlyMemory<char>[h.NumValues];
                        int p = 0;
                        for (int i = 0; i < h.NumValues; i++)
                        {
                            int len = BinaryPrimitives.ReadInt32LittleEndian(page[p..]);
                            p += 4;
                            dictionary[i] = System.Text.Encoding.UTF8.GetChars(page.Slice(p, len).ToArray());
                            p += len;
                        }
                        break;
                    }
                    case DataPage or DataPageV2:
                    {
                        bool plain = h.Encoding == Plain;
                        if (!plain && (dictionary is null || h.Encoding is not (PlainDictionary or RleDictionary))) return null;
                        int n = h.NumValues;
                        if (row + n > rowCount) throw new InvalidDataException("more values than rows in the column chunk");
                        if (levels.Length < n)
                        {
                            if (levels.Length > 0) { ArrayPool<int>.Shared.Return(levels); ArrayPool<int>.Shared.Return(indices); }
                            levels = ArrayPool<int>.Shared.Rent(n);
                            indices = ArrayPool<int>.Shared.Rent(n);
                        }
                        ReadOnlySpan<byte> body;
                        int nonNull = n;
                        if (h.Type == DataPage)
                        {
                            body = Decompress(md.Codec, payload, h.UncompressedSize, scratch);
                            if (nullable)
                            {
                                int levelBytes = BinaryPrimitives.ReadInt32LittleEndian(body);
                                RleHybrid.Decode(body.Slice(4, levelBytes), 1, levels.AsSpan(0, n));
                                body = body[(4 + levelBytes)..];
                            }
                        }
                        else
                        {
                            if (h.RepLength != 0) return null;
                            var levelPart = payload[..h.DefLength];
                            if (nullable) RleHybrid.Decode(levelPart, 1, levels.AsSpan(0, n));
                            var rest = payload[h.DefLength..];
                            body = h.IsCompressed ? Decompress(md.Codec, rest, h.UncompressedSize - h.DefLength, scratch) : rest;
                        }
                        if (nullable)
                        {
                            nonNull = 0;
                            for (int i = 0; i < n; i++) nonNull += levels[i];
                        }
                        if (plain && selection is not null)
                        {
                            if (dictionary is not null && row > 0) return null; // mixed pages: the caller reads it whole
                            selValues ??= new ReadOnlyMemory<char>[selection.Length];
                            // Two passes over the length prefixes: how many bytes the selected rows hold, then
                            // transcode just those into one buffer for the page.
                            int need = 0, bp0 = 0, sp0 = selPos;
                            for (int i = 0, r = row; i < n; i++, r++)
                            {
                                if (nullable && levels[i] == 0) { if (sp0 < selection.Length && selection[sp0] == r) sp0++; continue; }
                                int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp0..]);
                                if (sp0 < selection.Length && selection[sp0] == r) { need += len; sp0++; }
                                bp0 += 4 + len;
                            }
                            var chars = new char[need];
                            int bp = 0, cp = 0;
                            for (int i = 0; i < n; i++, row++)
                            {
                                bool wanted = selPos < selection.Length && selection[selPos] == row;
                                if (nullable && levels[i] == 0)
                                {
                                    if (wanted) { (selNulls ??= new bool[selection.Length])[selPos] = true; selPos++; }
                                    continue;
                                }
                                int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp..]);
                                bp += 4;
                                if (wanted)
                                {
                                    int count = System.Text.Encoding.UTF8.GetChars(body.Slice(bp, len), chars.AsSpan(cp));
                                    selValues[selPos++] = chars.AsMemory(cp, count);
                                    cp += count;
                                }
                                bp += len;
                            }
                            break;
                        }
                        if (plain)
                        {
                            if (values is null)
                            {
                                // Rows before came from dictionary pages (a writer falls back to plain when the
                                // dictionary grows too big): give them their values too.
                                values = new ReadOnlyMemory<char>[rowCount];
                                for (int i = 0; i < row; i++) if (nulls is null || !nulls[i]) values[i] = dictionary![codes[i]];
                            }
                            // One char buffer per page, sliced per row: no string or array per row.
                            var chars = new char[body.Length];
                            int bp = 0, cp = 0;
                            for (int i = 0; i < n; i++, row++)
                            {
                                if (nullable && levels[i] == 0) { (nulls ??= new bool[rowCount])[row] = true; continue; }
                                int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp..]);
                                bp += 4;
                                int count = System.Text.Encoding.UTF8.GetChars(body.Slice(bp, len), chars.AsSpan(cp));
                                bp += len;
                                values[row] = chars.AsMemory(cp, count);
                                cp += count;
                            }
                            break;
                        }
                        int bitWidth = body[0];
                        if (nonNull > 0) RleHybrid.Decode(body[1..], bitWidth, indices.AsSpan(0, nonNull));
                        int k = 0;
                        for (int i = 0; i < n; i++, row++)
                        {
                            if (nullable && levels[i] == 0) { (nulls ??= new bool[rowCount])[row] = true; continue; }
                            int idx = indices[k++];
                            if ((uint)idx >= (uint)dictionary!.Length) throw new InvalidDataException("dictionary index out of range");
                            codes[row] = idx;
                            if (values is not null) values[row] = dictionary[idx];
                        }
                        break;
                    }
                    case IndexPage: break;
                    default: return null;
                }
            }
            if (levels.Length > 0) { ArrayPool<int>.Shared.Return(levels); ArrayPool<int>.Shared.Return(indices); }
            if (row != rowCount) throw new InvalidDataException($"column chunk holds {row} values for {rowCount} rows");
            if (selection is not null)
            {
                if (selValues is not null) return new StringVector(selValues, selNulls, selection.Length, type);
                var whole = values is not null || dictionary is null
                    ? new StringVector(values ?? new ReadOnlyMemory<char>[rowCount], nulls, rowCount, type)
                    : StringVector.WithDictionary(nulls, rowCount, type, codes, dictionary);
                return (StringVector)Execution.VectorOps.Gather(whole, selection);
            }
            if (values is not null || dictionary is null) return new StringVector(values ?? [], nulls, rowCount, type);
            return StringVector.WithDictionary(nulls, rowCount, type, codes, dictionary);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            scratch.Dispose();
        }
    }

    static ReadOnlySpan<byte> Decompress(CompressionCodec codec, ReadOnlySpan<byte> data, int uncompressed, Scratch scratch)
    {
        if (codec == CompressionCodec.UNCOMPRESSED) return data;
        var buffer = scratch.Get(uncompressed);
        int n = Snappier.Snappy.Decompress(data, buffer);
        if (n != uncompressed) throw new InvalidDataException($"page decompressed to {n} bytes, header says {uncompressed}");
        return buffer.AsSpan(0, n);
    }

    /// <summary>One pooled buffer for decompressed pages, reused page after page.</summary>
    sealed class Scratch : IDisposable
    {
        byte[]? _buffer;
        public byte[] Get(int size)
        {
            if (_buffer is null || _buffer.Length < size)
            {
                if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            }
            return _buffer;
        }
        public void Dispose() { if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer); _buffer = null; }
    }

    readonly record struct Header(int Type, int UncompressedSize, int CompressedSize, int NumValues, int Encoding,
        int DefLength, int RepLength, bool IsCompressed);

    static Header ParseHeader(ReadOnlySpan<byte> data, out int length)
    {
        var t = new ThriftCompact(data);
        int type = -1, unc = 0, comp = 0, num = 0, enc = -1, defLen = 0, repLen = 0;
        bool compressed = true;
        short last = 0;
        while (true)
        {
            var (id, ft) = t.Field(last);
            if (ft == ThriftCompact.Stop) break;
            last = id;
            switch (id)
            {
                case 1 when ft == ThriftCompact.I32: type = t.I32Value(); break;
                case 2 when ft == ThriftCompact.I32: unc = t.I32Value(); break;
                case 3 when ft == ThriftCompact.I32: comp = t.I32Value(); break;
                case 5 or 7 or 8 when ft == ThriftCompact.Struct:
                {
                    // data_page_header (5), dictionary_page_header (7), data_page_header_v2 (8)
                    short l = 0;
                    while (true)
                    {
                        var (sid, st) = t.Field(l);
                        if (st == ThriftCompact.Stop) break;
                        l = sid;
                        if (st == ThriftCompact.I32)
                        {
                            int v = t.I32Value();
                            if (sid == 1) num = v;
                            else if (id == 8) { if (sid == 4) enc = v; else if (sid == 5) defLen = v; else if (sid == 6) repLen = v; }
                            else if (sid == 2) enc = v;
                        }
                        else if (id == 8 && sid == 7 && st is ThriftCompact.True or ThriftCompact.False) compressed = st == ThriftCompact.True;
                        else t.Skip(st);
                    }
                    break;
                }
                default: t.Skip(ft); break;
            }
        }
        length = t.Position;
        if (type < 0 || comp < 0 || unc < 0) throw new InvalidDataException("bad page header");
        return new Header(type, unc, comp, num, enc, defLen, repLen, compressed);
    }
}
