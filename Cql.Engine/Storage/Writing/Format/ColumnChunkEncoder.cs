using Cql.Engine.Storage.Reading;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>What the footer and the page index say about one encoded column chunk; offsets are from the start of
/// the chunk. <see cref="Statistics"/> are exact; the footer writes them truncated (<see cref="StatisticsTruncation"/>).</summary>
internal sealed record EncodedChunk(
    PhysicalType Type, bool Dictionary, long NumValues, long UncompressedSize, long CompressedSize,
    long DictionaryPageOffset, long DataPageOffset, ColumnStatistics Statistics, DataPageEntry[] Pages);

/// <summary>Min and max in Parquet's byte form (absent when every value is null) and the null count.</summary>
internal readonly record struct ColumnStatistics(byte[]? Min, byte[]? Max, long Nulls);

/// <summary>One data page: where it starts in the chunk, its size with header, its first row, and its statistics
/// (for the page index).</summary>
internal readonly record struct DataPageEntry(long Offset, int CompressedSize, long FirstRow, int Rows, ColumnStatistics Statistics);

/// <summary>
/// Encodes one column of a row group as a Parquet column chunk: an optional dictionary page and data pages (v1,
/// Snappy) of at most <see cref="PageRows"/> rows and about <see cref="PageChars"/> characters of text, each after its
/// Thrift header with its statistics, so that readers with a page index or page statistics skip pages, not only row
/// groups. A list column (the term index's ids) is one page: its pages would have to end at list boundaries. Numbers, bools and long text are PLAIN; short text columns are
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
    int[] _levels = [], _indices = [], _ranks = [];
    readonly List<DataPageEntry> _pages = [];

    /// <summary>Rows a data page holds at most (parquet-mr's default page row limit).</summary>
    public const int PageRows = 20_000;
    /// <summary>A plain text page ends once it holds this many characters (about 1 MB of UTF-8 for most text).</summary>
    public const int PageChars = 1 << 19;

    /// <summary>Writes the chunk for <paramref name="column"/> to <paramref name="output"/>.</summary>
    public EncodedChunk Encode(ColumnBuffer column, bool dictionary, Stream output)
    {
        int n = column.Count;
        var type = PhysicalTypeOf(column.Column);
        bool useDictionary = dictionary && type == PhysicalType.ByteArray;
        _pages.Clear();
        // The compressed size of the pages so far is also the offset of the next one in the chunk.
        long uncompressed = 0, compressed = 0, dictionaryOffset = -1;
        var chunkStats = new ColumnStatistics(null, null, 0);
        if (useDictionary)
        {
            BuildDictionary(column.Strings);
            dictionaryOffset = compressed;
            WritePage(output, _dictionaryPage.Written, PageType.DictionaryPage, _entries.Count, ParquetEncoding.PlainDictionary, default, ref uncompressed, ref compressed);
            chunkStats = DictionaryStatistics(0, _entries.Count == 0 ? 0 : _entries.Count, all: true);
        }
        long dataOffset = compressed;
        int row = 0, present = 0;
        do
        {
            int end = column.Repeated ? n : PageEnd(column, row, useDictionary);
            _page.Clear();
            if (column.Repeated) WriteListLevels(column);
            long nulls = column.Column.Nullable ? WriteDefinitionLevels(column, row, end) : 0;
            int pagePresent = end - row - (int)nulls;
            var stats = column.Column.Type switch
            {
                ColumnType.Int32 => PlainNumbers(column.Ints.Span[row..end], Slice(column.NullRows, row, end), nulls),
                ColumnType.Int64 => PlainNumbers(column.Longs.Span[row..end], Slice(column.NullRows, row, end), nulls),
                ColumnType.Float64 => PlainNumbers(column.Doubles.Span[row..end], Slice(column.NullRows, row, end), nulls),
                ColumnType.Bool => PlainBools(column.Bools.Span[row..end], Slice(column.NullRows, row, end), nulls),
                ColumnType.Date => PlainDates(column.Strings.AsSpan(row, end - row), nulls),
                ColumnType.String when column.Column.Timestamp => PlainTimestamps(column.Strings.AsSpan(row, end - row), nulls),
                _ => useDictionary ? DictionaryPage(present, pagePresent, nulls) : PlainStrings(column, row, end, nulls),
            };
            long pageStart = compressed;
            WritePage(output, _page.Written, PageType.DataPage, end - row,
                useDictionary ? ParquetEncoding.PlainDictionary : ParquetEncoding.Plain, stats, ref uncompressed, ref compressed);
            _pages.Add(new DataPageEntry(pageStart, (int)(compressed - pageStart), row, end - row, stats));
            if (!useDictionary) chunkStats = Merge(chunkStats, stats, type);
            present += pagePresent;
            row = end;
        }
        while (row < n);
        long allNulls = 0;
        foreach (var p in _pages) allNulls += p.Statistics.Nulls;
        chunkStats = chunkStats with { Nulls = allNulls };
        return new EncodedChunk(type, useDictionary, n, uncompressed, compressed, dictionaryOffset, dataOffset, chunkStats, [.. _pages]);
    }

    static ReadOnlySpan<bool> Slice(ReadOnlySpan<bool> nullRows, int from, int to) => nullRows.IsEmpty ? default : nullRows[from..to];

    /// <summary>Where the page starting at <paramref name="row"/> ends: <see cref="PageRows"/> rows, or fewer
    /// when plain text reaches <see cref="PageChars"/>.</summary>
    static int PageEnd(ColumnBuffer column, int row, bool dictionary)
    {
        int end = (int)Math.Min(column.Count, (long)row + PageRows);
        if (dictionary || column.Column.Type != ColumnType.String || column.Column.Timestamp) return end;
        long chars = 0;
        for (int i = row; i < end; i++)
        {
            chars += column.TextAt(i).Length;
            if (chars >= PageChars) return i + 1;
        }
        return end;
    }

    /// <summary>Min and max over two sets of statistics, in Parquet's order for the type.</summary>
    static ColumnStatistics Merge(ColumnStatistics a, ColumnStatistics b, PhysicalType type)
    {
        if (b.Min is null) return a;
        if (a.Min is null) return b;
        return new(Compare(b.Min, a.Min, type) < 0 ? b.Min : a.Min, Compare(b.Max!, a.Max!, type) > 0 ? b.Max : a.Max, a.Nulls + b.Nulls);
    }

    /// <summary>Two plain-encoded values of <paramref name="type"/> in Parquet's order.</summary>
    internal static int Compare(byte[] x, byte[] y, PhysicalType type) => type switch
    {
        PhysicalType.Int32 => BitConverter.ToInt32(x).CompareTo(BitConverter.ToInt32(y)),
        PhysicalType.Int64 => BitConverter.ToInt64(x).CompareTo(BitConverter.ToInt64(y)),
        // -0.0 and +0.0 as the writer widened them: -0.0 is the smaller bound.
        PhysicalType.Double => BitConverter.ToDouble(x) == BitConverter.ToDouble(y)
            ? double.IsNegative(BitConverter.ToDouble(y)).CompareTo(double.IsNegative(BitConverter.ToDouble(x)))
            : BitConverter.ToDouble(x).CompareTo(BitConverter.ToDouble(y)),
        PhysicalType.Boolean => x[0].CompareTo(y[0]),
        _ => x.AsSpan().SequenceCompareTo(y),
    };

    /// <summary>How a column of our schema is stored: text as UTF-8 byte arrays (instants as INT64 TIMESTAMP).</summary>
    public static PhysicalType PhysicalTypeOf(ColumnSchema column) => column.Timestamp ? PhysicalType.Int64 : PhysicalTypeOf(column.Type);

    /// <summary>How a type of our schema is stored: text as UTF-8 byte arrays, dates as DATE (INT32 days).</summary>
    public static PhysicalType PhysicalTypeOf(ColumnType type) => type switch
    {
        ColumnType.Int32 or ColumnType.Date => PhysicalType.Int32,
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

    /// <summary>A v1 data page's definition levels (1 present, 0 null) for rows [from, to).</summary>
    long WriteDefinitionLevels(ColumnBuffer column, int from, int to)
    {
        int n = to - from;
        if (_levels.Length < n) _levels = new int[Math.Max(n, _levels.Length * 2)];
        var levels = _levels.AsSpan(0, n);
        long nulls = 0;
        if (column.Column.Type is ColumnType.String or ColumnType.Date)
        {
            for (int i = 0; i < n; i++)
            {
                bool present = !column.IsNull(from + i);
                levels[i] = present ? 1 : 0;
                if (!present) nulls++;
            }
        }
        else
        {
            var nullRows = Slice(column.NullRows, from, to);
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

    int[] _days = [];
    long[] _micros = [];
    bool[] _nullRows = [];

    /// <summary>ISO dates of any precision as DATE: the first day of each one's period (its precision is the
    /// caller's other column, see <see cref="DatePrecision"/>).</summary>
    ColumnStatistics PlainDates(ReadOnlySpan<string?> dates, long nulls) => PlainFromText(dates, nulls, ref _days, DatePrecision.FirstDay);

    /// <summary>ISO 8601 instants as TIMESTAMP (UTC, microseconds).</summary>
    ColumnStatistics PlainTimestamps(ReadOnlySpan<string?> times, long nulls) => PlainFromText(times, nulls, ref _micros, Instants.ToUnixMicros);

    /// <summary>Text values stored as numbers: converted into a reused buffer, then written as PLAIN numbers.</summary>
    ColumnStatistics PlainFromText<T>(ReadOnlySpan<string?> texts, long nulls, ref T[] buffer, Func<string, T> convert) where T : unmanaged, INumber<T>
    {
        int n = texts.Length;
        if (buffer.Length < n) buffer = new T[n];
        if (_nullRows.Length < n) _nullRows = new bool[n];
        for (int i = 0; i < n; i++)
        {
            _nullRows[i] = texts[i] is null;
            buffer[i] = texts[i] is { } t ? convert(t) : T.Zero;
        }
        return PlainNumbers<T>(buffer.AsSpan(0, n), nulls == 0 ? default : _nullRows.AsSpan(0, n), nulls);
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
    ColumnStatistics PlainStrings(ColumnBuffer column, int from, int to, long nulls)
    {
        int minAt = -1, minLength = 0, maxAt = -1, maxLength = 0;
        for (int i = from; i < to; i++)
        {
            if (column.IsNull(i)) continue;
            var (at, length) = AppendString(_page, column.TextAt(i));
            var bytes = _page.Written.Slice(at, length);
            if (minAt < 0 || bytes.SequenceCompareTo(_page.Written.Slice(minAt, minLength)) < 0) (minAt, minLength) = (at, length);
            if (maxAt < 0 || bytes.SequenceCompareTo(_page.Written.Slice(maxAt, maxLength)) > 0) (maxAt, maxLength) = (at, length);
        }
        return minAt < 0
            ? new ColumnStatistics(null, null, nulls)
            : new ColumnStatistics(_page.Written.Slice(minAt, minLength).ToArray(), _page.Written.Slice(maxAt, maxLength).ToArray(), nulls);
    }

    /// <summary>A dictionary column: the distinct values go to the dictionary page (PLAIN), their indices (one per
    /// present row, in order) to <see cref="_indices"/> for the data pages; each entry's rank in Parquet's order
    /// to <see cref="_ranks"/>, so a page's min and max are found by comparing ints.</summary>
    void BuildDictionary(ArraySegment<string?> values)
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
        int d = _entries.Count;
        if (_ranks.Length < d) _ranks = new int[Math.Max(d, _ranks.Length * 2)];
        var order = new int[d];
        for (int i = 0; i < d; i++) order[i] = i;
        var page = _dictionaryPage.Written.ToArray();
        var entries = _entries;
        Array.Sort(order, (x, y) => page.AsSpan(entries[x].Start, entries[x].Length).SequenceCompareTo(page.AsSpan(entries[y].Start, entries[y].Length)));
        for (int r = 0; r < d; r++) _ranks[order[r]] = r;
    }

    /// <summary>A dictionary data page: the bit width and the RLE / bit-packed indices of its present rows
    /// (<paramref name="count"/> of them from the <paramref name="first"/>-th); its statistics.</summary>
    ColumnStatistics DictionaryPage(int first, int count, long nulls)
    {
        // Whole bytes per index, not the narrowest width: Snappy then finds the repeats of frequent words, which a
        // dense bit stream hides (tokens of /tmp/art10k: 51.1 MB this way, 61.0 MB at the narrowest width, 52.9 MB
        // as Parquet.Net's one RLE run per value).
        int width = (RleHybridEncoder.BitWidth(Math.Max(0, _entries.Count - 1)) + 7) / 8 * 8;
        _page.Byte((byte)width);
        var indices = _indices.AsSpan(first, count);
        RleHybridEncoder.Encode(indices, width, _page);
        var stats = DictionaryStatistics(first, count, all: false);
        return stats with { Nulls = nulls };
    }

    /// <summary>Min and max of the dictionary entries that present rows [first, first + count) use, or of every
    /// entry (<paramref name="all"/>: the chunk's).</summary>
    ColumnStatistics DictionaryStatistics(int first, int count, bool all)
    {
        int lo = int.MaxValue, hi = -1, loEntry = -1, hiEntry = -1;
        var ranks = _ranks;
        if (all)
            for (int e = 0; e < _entries.Count; e++)
            {
                int r = ranks[e];
                if (r < lo) (lo, loEntry) = (r, e);
                if (r > hi) (hi, hiEntry) = (r, e);
            }
        else
            foreach (int e in _indices.AsSpan(first, count))
            {
                int r = ranks[e];
                if (r < lo) (lo, loEntry) = (r, e);
                if (r > hi) (hi, hiEntry) = (r, e);
            }
        if (loEntry < 0) return new ColumnStatistics(null, null, 0);
        var page = _dictionaryPage.Written;
        var (minAt, minLength) = _entries[loEntry];
        var (maxAt, maxLength) = _entries[hiEntry];
        return new ColumnStatistics(page.Slice(minAt, minLength).ToArray(), page.Slice(maxAt, maxLength).ToArray(), 0);
    }

    /// <summary>The distinct values of the last dictionary-encoded chunk, in order of first appearance.</summary>
    public IReadOnlyList<string> DictionaryValues => _values;
    /// <summary>Rows of the last dictionary-encoded chunk holding each of <see cref="DictionaryValues"/>.</summary>
    public ReadOnlySpan<int> DictionaryRows => _valueRows.AsSpan(0, _values.Count);

    /// <summary>Appends a PLAIN byte array (length, UTF-8); returns where its bytes start and how many there are.</summary>
    static (int At, int Length) AppendString(ByteSink sink, ReadOnlySpan<char> s)
    {
        var into = sink.Reserve(4 + System.Text.Encoding.UTF8.GetMaxByteCount(s.Length));
        int length = System.Text.Encoding.UTF8.GetBytes(s, into[4..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(into, length);
        int at = sink.Length + 4;
        sink.Advance(4 + length);
        return (at, length);
    }

    /// <summary>Compresses a page body with Snappy and appends its header (a data page's with its statistics,
    /// text truncated) and the compressed bytes.</summary>
    void WritePage(Stream output, ReadOnlySpan<byte> body, PageType type, int values, ParquetEncoding encoding, ColumnStatistics stats,
        ref long uncompressed, ref long compressed)
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
            _header.BeginStruct(ParquetThrift.DataPageHeader.Statistics);
            WriteStatistics(_header, stats);
            _header.EndStruct();
        }
        _header.EndStruct();
        _header.Stop();
        output.Write(_header.Written);
        output.Write(_compressed.AsSpan(0, size));
        uncompressed += _header.Length + body.Length;
        compressed += _header.Length + size;
    }

    /// <summary>The fields of a Statistics struct: null count, then max and min (text truncated, and marked
    /// inexact when it was).</summary>
    public static void WriteStatistics(ThriftWriter t, ColumnStatistics stats)
    {
        t.I64(ParquetThrift.Statistics.NullCount, stats.Nulls);
        if (stats.Min is null || stats.Max is null) return;
        var max = StatisticsTruncation.Max(stats.Max, out bool maxExact);
        var min = StatisticsTruncation.Min(stats.Min, out bool minExact);
        if (max is not null) t.Binary(ParquetThrift.Statistics.MaxValue, max);
        t.Binary(ParquetThrift.Statistics.MinValue, min);
        if (max is not null) t.Bool(ParquetThrift.Statistics.IsMaxValueExact, maxExact);
        t.Bool(ParquetThrift.Statistics.IsMinValueExact, minExact);
    }

    static byte[] Bytes<T>(T value) where T : unmanaged => MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in value, 1)).ToArray();
}
