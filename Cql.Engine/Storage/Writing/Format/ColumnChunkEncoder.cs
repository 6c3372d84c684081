using Cql.Engine.Storage.Reading;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>What the footer says about one encoded column chunk; offsets are from the start of the chunk.</summary>
internal readonly record struct EncodedChunk(
    PhysicalType Type, bool Dictionary, long NumValues, long UncompressedSize, long CompressedSize,
    long DictionaryPageOffset, long DataPageOffset, ColumnStatistics Statistics);

/// <summary>Min and max in Parquet's byte form (absent when every value is null) and the null count.</summary>
internal readonly record struct ColumnStatistics(byte[]? Min, byte[]? Max, long Nulls);

/// <summary>
/// Encodes one column of a row group as a Parquet column chunk: an optional dictionary page and one data page (v1,
/// Snappy), each after its Thrift header. Numbers, bools and long text are PLAIN; short text columns are
/// dictionary-encoded, keyed by the string itself (corpus strings repeat as the same instances, so most lookups
/// end at a reference comparison). Statistics are computed on the way, min/max in Parquet's order (signed for
/// numbers, unsigned bytes of UTF-8 for text). Encoders are pooled (<see cref="ColumnEncoderPool"/>) and reused
/// row group after row group: their buffers and dictionary keep their capacity.
/// </summary>
internal sealed class ColumnChunkEncoder
{
    readonly ByteSink _page = new(), _dictionaryPage = new();
    readonly ThriftWriter _header = new();
    readonly Dictionary<string, int> _dictionary = new(StringComparer.Ordinal);
    // Where each dictionary entry's UTF-8 bytes sit in _dictionaryPage (after its length prefix).
    readonly List<(int Start, int Length)> _entries = [];
    // The dictionary's strings and how many rows hold each: the part's value counts come from here, without a
    // second lookup per row (ValueCounter).
    readonly List<string> _values = [];
    int[] _valueRows = [];
    byte[] _compressed = [];
    int[] _levels = [], _indices = [];

    /// <summary>Writes the chunk for <paramref name="column"/> to <paramref name="output"/>.</summary>
    public EncodedChunk Encode(ColumnBuffer column, bool dictionary, Stream output)
    {
        int n = column.Count;
        _page.Clear();
        bool nullable = column.Column.Nullable;
        if (column.Repeated) WriteListLevels(column);
        long nulls = nullable ? WriteDefinitionLevels(column) : 0;
        var type = PhysicalTypeOf(column.Column.Type);
        bool useDictionary = dictionary && type == PhysicalType.ByteArray;
        var stats = column.Column.Type switch
        {
            ColumnType.Int32 => PlainNumbers(column.Ints.Span, column.NullRows, nulls),
            ColumnType.Int64 => PlainNumbers(column.Longs.Span, column.NullRows, nulls),
            ColumnType.Float64 => PlainNumbers(column.Doubles.Span, column.NullRows, nulls),
            ColumnType.Bool => PlainBools(column.Bools.Span, column.NullRows, nulls),
            _ => useDictionary ? DictionaryIndices(column.Strings, nulls) : PlainStrings(column.Strings, nulls),
        };

        // The compressed size of the pages so far is also the offset of the next one in the chunk.
        long uncompressed = 0, compressed = 0, dictionaryOffset = -1;
        if (useDictionary)
        {
            dictionaryOffset = compressed;
            WritePage(output, _dictionaryPage.Written, PageType.DictionaryPage, _entries.Count, ParquetEncoding.Plain, ref uncompressed, ref compressed);
        }
        long dataOffset = compressed;
        WritePage(output, _page.Written, PageType.DataPage, n, useDictionary ? ParquetEncoding.RleDictionary : ParquetEncoding.Plain, ref uncompressed, ref compressed);
        return new EncodedChunk(type, useDictionary, n, uncompressed, compressed, dictionaryOffset, dataOffset, stats);
    }

    /// <summary>How a column of our schema is stored: text and dates as UTF-8 byte arrays.</summary>
    public static PhysicalType PhysicalTypeOf(ColumnType type) => type switch
    {
        ColumnType.Int32 => PhysicalType.Int32,
        ColumnType.Int64 => PhysicalType.Int64,
        ColumnType.Float64 => PhysicalType.Double,
        ColumnType.Bool => PhysicalType.Boolean,
        _ => PhysicalType.ByteArray,
    };

    /// <summary>A list column's levels: the repetition levels, then the definition levels, all 1 (every value
    /// present: a list of non-null values, never empty).</summary>
    void WriteListLevels(ColumnBuffer column)
    {
        WriteLevels(column.Repetitions);
        int n = column.Count;
        if (_levels.Length < n) _levels = new int[Math.Max(n, _levels.Length * 2)];
        var present = _levels.AsSpan(0, n);
        present.Fill(1);
        WriteLevels(present);
    }

    /// <summary>A v1 data page's definition levels (1 present, 0 null).</summary>
    long WriteDefinitionLevels(ColumnBuffer column)
    {
        int n = column.Count;
        if (_levels.Length < n) _levels = new int[Math.Max(n, _levels.Length * 2)];
        var levels = _levels.AsSpan(0, n);
        long nulls = 0;
        if (column.Column.Type is ColumnType.String or ColumnType.Date)
        {
            var strings = column.Strings.AsSpan();
            for (int i = 0; i < n; i++)
            {
                bool present = strings[i] is not null;
                levels[i] = present ? 1 : 0;
                if (!present) nulls++;
            }
        }
        else
        {
            var nullRows = column.NullRows;
            for (int i = 0; i < n; i++)
            {
                bool present = nullRows.IsEmpty || !nullRows[i];
                levels[i] = present ? 1 : 0;
                if (!present) nulls++;
            }
        }
        WriteLevels(levels);
        return nulls;
    }

    /// <summary>Levels of bit width 1 as a v1 data page has them: a 4-byte length, then RLE / bit-packed runs.</summary>
    void WriteLevels(ReadOnlySpan<int> levels)
    {
        int lengthAt = _page.Length;
        _page.Int32LittleEndian(0);
        RleHybridEncoder.Encode(levels, 1, _page);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_page.WrittenSpan[lengthAt..], _page.Length - lengthAt - 4);
    }

    /// <summary>PLAIN fixed-width numbers: the present values, little-endian, back to back.</summary>
    ColumnStatistics PlainNumbers<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> nullRows, long nulls) where T : unmanaged, INumber<T>
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Parquet is little-endian");
        if (nullRows.IsEmpty) _page.Write(MemoryMarshal.AsBytes(values));
        else
            for (int i = 0; i < values.Length; i++)
                if (!nullRows[i]) _page.Write(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in values[i], 1)));
        return NumberStatistics(values, nullRows, nulls);
    }

    /// <summary>Min and max of the present values. NaN is left out and a zero widened to -0.0 / +0.0, as the format
    /// asks of floating point, so that a reader never prunes a row group holding a matching value.</summary>
    static ColumnStatistics NumberStatistics<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> nullRows, long nulls) where T : unmanaged, INumber<T>
    {
        bool any = false;
        T min = T.Zero, max = T.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if ((!nullRows.IsEmpty && nullRows[i]) || T.IsNaN(v)) continue;
            if (!any) { min = max = v; any = true; }
            else if (v < min) min = v;
            else if (v > max) max = v;
        }
        if (!any) return new ColumnStatistics(null, null, nulls);
        if (T.IsZero(min)) min = T.CreateTruncating(-0.0);
        if (T.IsZero(max)) max = T.Zero;
        return new ColumnStatistics(Bytes(min), Bytes(max), nulls);
    }

    /// <summary>PLAIN booleans: one bit each, least significant first.</summary>
    ColumnStatistics PlainBools(ReadOnlySpan<bool> values, ReadOnlySpan<bool> nullRows, long nulls)
    {
        int present = values.Length - (int)nulls;
        var into = _page.Reserve((present + 7) / 8);
        into.Clear();
        int k = 0;
        bool anyTrue = false, anyFalse = false;
        for (int i = 0; i < values.Length; i++)
        {
            if (!nullRows.IsEmpty && nullRows[i]) continue;
            if (values[i]) { into[k >> 3] |= (byte)(1 << (k & 7)); anyTrue = true; }
            else anyFalse = true;
            k++;
        }
        _page.Advance((present + 7) / 8);
        if (!anyTrue && !anyFalse) return new ColumnStatistics(null, null, nulls);
        return new ColumnStatistics([anyFalse ? (byte)0 : (byte)1], [anyTrue ? (byte)1 : (byte)0], nulls);
    }

    /// <summary>PLAIN text: each present value as a 4-byte length and its UTF-8 bytes.</summary>
    ColumnStatistics PlainStrings(ArraySegment<string?> values, long nulls)
    {
        int minAt = -1, minLength = 0, maxAt = -1, maxLength = 0;
        foreach (var s in values.AsSpan())
        {
            if (s is null) continue;
            var (at, length) = AppendString(_page, s);
            var bytes = _page.Written.Slice(at, length);
            if (minAt < 0 || bytes.SequenceCompareTo(_page.Written.Slice(minAt, minLength)) < 0) (minAt, minLength) = (at, length);
            if (maxAt < 0 || bytes.SequenceCompareTo(_page.Written.Slice(maxAt, maxLength)) > 0) (maxAt, maxLength) = (at, length);
        }
        return minAt < 0
            ? new ColumnStatistics(null, null, nulls)
            : new ColumnStatistics(_page.Written.Slice(minAt, minLength).ToArray(), _page.Written.Slice(maxAt, maxLength).ToArray(), nulls);
    }

    /// <summary>A dictionary column: the distinct values go to the dictionary page (PLAIN), the data page holds the
    /// present rows' indices as a bit width and RLE / bit-packed runs.</summary>
    ColumnStatistics DictionaryIndices(ArraySegment<string?> values, long nulls)
    {
        _dictionary.Clear();
        _entries.Clear();
        _values.Clear();
        _dictionaryPage.Clear();
        var span = values.AsSpan();
        if (_indices.Length < span.Length) _indices = new int[Math.Max(span.Length, _indices.Length * 2)];
        int count = 0;
        string? last = null;
        int lastIndex = -1;
        foreach (var s in span)
        {
            if (s is null) continue;
            // Runs of the same instance (a document's language, a quote's kind) need no lookup at all.
            if (!ReferenceEquals(s, last))
            {
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_dictionary, s, out bool exists);
                if (!exists)
                {
                    slot = _entries.Count;
                    _entries.Add(AppendString(_dictionaryPage, s));
                    _values.Add(s);
                    if (_valueRows.Length < _values.Count) Array.Resize(ref _valueRows, Math.Max(256, _valueRows.Length * 2));
                    _valueRows[slot] = 0;
                }
                last = s;
                lastIndex = slot;
            }
            _valueRows[lastIndex]++;
            _indices[count++] = lastIndex;
        }
        // Whole bytes per index, not the narrowest width: Snappy then finds the repeats of frequent words, which a
        // dense bit stream hides (tokens of /tmp/art10k: 51.1 MB this way, 61.0 MB at the narrowest width, 52.9 MB
        // as Parquet.Net's one RLE run per value).
        int width = (RleHybridEncoder.BitWidth(Math.Max(0, _entries.Count - 1)) + 7) / 8 * 8;
        _page.Byte((byte)width);
        RleHybridEncoder.Encode(_indices.AsSpan(0, count), width, _page);
        if (_entries.Count == 0) return new ColumnStatistics(null, null, nulls);
        var page = _dictionaryPage.Written;
        var (minAt, minLength) = _entries[0];
        var (maxAt, maxLength) = _entries[0];
        foreach (var (at, length) in _entries)
        {
            var bytes = page.Slice(at, length);
            if (bytes.SequenceCompareTo(page.Slice(minAt, minLength)) < 0) (minAt, minLength) = (at, length);
            if (bytes.SequenceCompareTo(page.Slice(maxAt, maxLength)) > 0) (maxAt, maxLength) = (at, length);
        }
        return new ColumnStatistics(page.Slice(minAt, minLength).ToArray(), page.Slice(maxAt, maxLength).ToArray(), nulls);
    }

    /// <summary>The distinct values of the last dictionary-encoded chunk, in order of first appearance.</summary>
    public IReadOnlyList<string> DictionaryValues => _values;
    /// <summary>Rows of the last dictionary-encoded chunk holding each of <see cref="DictionaryValues"/>.</summary>
    public ReadOnlySpan<int> DictionaryRows => _valueRows.AsSpan(0, _values.Count);

    /// <summary>Appends a PLAIN byte array (length, UTF-8); returns where its bytes start and how many there are.</summary>
    static (int At, int Length) AppendString(ByteSink sink, string s)
    {
        var into = sink.Reserve(4 + System.Text.Encoding.UTF8.GetMaxByteCount(s.Length));
        int length = System.Text.Encoding.UTF8.GetBytes(s, into[4..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(into, length);
        int at = sink.Length + 4;
        sink.Advance(4 + length);
        return (at, length);
    }

    /// <summary>Compresses a page body with Snappy and appends its header and the compressed bytes.</summary>
    void WritePage(Stream output, ReadOnlySpan<byte> body, PageType type, int values, ParquetEncoding encoding, ref long uncompressed, ref long compressed)
    {
        int max = Snappier.Snappy.GetMaxCompressedLength(body.Length);
        if (_compressed.Length < max) _compressed = GC.AllocateUninitializedArray<byte>(Math.Max(max, _compressed.Length * 2));
        int size = Snappier.Snappy.Compress(body, _compressed);
        _header.Clear();
        _header.I32(ParquetThrift.PageHeader.Type, (int)type);
        _header.I32(ParquetThrift.PageHeader.UncompressedPageSize, body.Length);
        _header.I32(ParquetThrift.PageHeader.CompressedPageSize, size);
        if (type == PageType.DictionaryPage)
        {
            _header.BeginStruct(ParquetThrift.PageHeader.DictionaryPageHeader);
            _header.I32(ParquetThrift.DictionaryPageHeader.NumValues, values);
            _header.I32(ParquetThrift.DictionaryPageHeader.Encoding, (int)encoding);
        }
        else
        {
            _header.BeginStruct(ParquetThrift.PageHeader.DataPageHeader);
            _header.I32(ParquetThrift.DataPageHeader.NumValues, values);
            _header.I32(ParquetThrift.DataPageHeader.Encoding, (int)encoding);
            _header.I32(ParquetThrift.DataPageHeader.DefinitionLevelEncoding, (int)ParquetEncoding.Rle);
            _header.I32(ParquetThrift.DataPageHeader.RepetitionLevelEncoding, (int)ParquetEncoding.Rle);
        }
        _header.EndStruct();
        _header.Stop();
        output.Write(_header.Written);
        output.Write(_compressed.AsSpan(0, size));
        uncompressed += _header.Length + body.Length;
        compressed += _header.Length + size;
    }

    static byte[] Bytes<T>(T value) where T : unmanaged => MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in value, 1)).ToArray();
}
