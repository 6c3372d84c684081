using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>One page of a column chunk, ready to decode; its spans are valid until the next page is read.</summary>
public readonly ref struct ChunkPage
{
    public PageType Type { get; init; }
    public ParquetEncoding Encoding { get; init; }
    /// <summary>Values in the page (rows and nulls for a flat column; for a repeated one, list slots).</summary>
    public int NumValues { get; init; }
    /// <summary>How many of them are present (definition level at the maximum): the values the body holds.</summary>
    public int NonNull { get; init; }
    /// <summary>Definition levels, NumValues of them; empty when the column is required.</summary>
    public ReadOnlySpan<int> Definitions { get; init; }
    /// <summary>Repetition levels, NumValues of them; empty for a flat column.</summary>
    public ReadOnlySpan<int> Repetitions { get; init; }
    /// <summary>The encoded values, decompressed.</summary>
    public ReadOnlySpan<byte> Body { get; init; }
}

/// <summary>
/// The pages of one column chunk: reads the chunk with one positional read into a pooled buffer, then hands out
/// its dictionary page and data pages (v1 and v2) one by one, decompressed, with their levels decoded. What the
/// values mean is the caller's business (<see cref="ColumnChunkReader"/>, <see cref="TextChunkReader"/>).
/// </summary>
public sealed class ChunkPages : IDisposable
{
    readonly byte[] _bytes;
    readonly int _length, _available;
    readonly string _column;
    readonly int _rowGroup;
    readonly long _start;
    readonly ParquetCodec _codec;
    readonly int _maxDefinition, _maxRepetition;
    readonly long _chunkValues;
    readonly PageDecompressor _decompressor = new();
    int _pos, _page = -1, _pageStart;
    long _dataValues;
    int[] _definitions = [], _repetitions = [];

    public ChunkPages(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk)
    {
        _codec = chunk.Codec;
        _maxDefinition = column.MaxDefinitionLevel;
        _maxRepetition = column.MaxRepetitionLevel;
        _chunkValues = chunk.NumValues;
        _column = column.Name;
        _rowGroup = chunk.RowGroup;
        _start = chunk.Start;
        _length = (int)chunk.TotalCompressedSize; // at most int.MaxValue: FooterParser checked
        _available = _length;
        if (chunk.ShortSizeSlack > 0)
            _available = (int)Math.Min(_length + (long)chunk.ShortSizeSlack, Math.Max(_length, RandomAccess.GetLength(file) - 8 - _start));
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(_available, 1));
        FooterParser.ReadExactly(file, _bytes.AsSpan(0, _available), chunk.Start);
    }

    /// <summary><paramref name="e"/> placed in this chunk's column, row group and current page.</summary>
    public ParquetDataException Locate(ParquetDataException e) =>
        e.At(_column, _rowGroup, _page, _page >= 0 ? _start + _pageStart : _start);

    /// <summary>The next dictionary or data page; false at the end of the chunk.</summary>
    public bool Next(out ChunkPage page)
    {
        try { return NextPage(out page); }
        catch (ParquetDataException e) { throw Locate(e); }
    }

    bool NextPage(out ChunkPage page)
    {
        // Past the declared end only while the chunk's values are not all read, and only with a slack.
        while (_pos < _length || (_available > _length && _pos < _available && _dataValues < _chunkValues))
        {
            _page++;
            _pageStart = _pos;
            var h = PageHeader.Parse(_bytes.AsSpan(_pos, _available - _pos), out int headerLength);
            int start = _pos + headerLength;
            if (h.CompressedSize > _available - start)
                throw new ParquetDataException($"page of {h.CompressedSize} bytes runs past its column chunk ({_length} bytes from byte {_start})");
            _pos = start + h.CompressedSize;
            if (h.Type is PageType.DataPage or PageType.DataPageV2) _dataValues += h.NumValues;
            // Level buffers are sized by a data page's count: a damaged header must not size them. (A dictionary
            // page counts distinct values, and its decoder checks them against its bytes.)
            if (h.Type != PageType.DictionaryPage && h.NumValues > _chunkValues)
                throw new ParquetDataException($"page of {h.NumValues} values in a chunk of {_chunkValues}");
            switch (h.Type)
            {
                case PageType.DictionaryPage:
                    page = new ChunkPage
                    {
                        Type = PageType.DictionaryPage, Encoding = h.Encoding, NumValues = h.NumValues, NonNull = h.NumValues,
                        Body = _decompressor.Decompress(_codec, _bytes, start, h.CompressedSize, h.UncompressedSize),
                    };
                    return true;
                case PageType.DataPage:
                {
                    var body = _decompressor.Decompress(_codec, _bytes, start, h.CompressedSize, h.UncompressedSize);
                    int n = h.NumValues;
                    var reps = ReadOnlySpan<int>.Empty;
                    if (_maxRepetition > 0)
                    {
                        var levels = Levels(ref _repetitions, n);
                        body = body[V1Levels(body, _maxRepetition, levels)..];
                        reps = levels;
                    }
                    var defs = ReadOnlySpan<int>.Empty;
                    if (_maxDefinition > 0 && _maxRepetition == 0 && h.DefinitionEncoding != ParquetEncoding.BitPacked
                        && V1AllPresent(body, n, out int levelBytes))
                        body = body[levelBytes..];
                    else if (_maxDefinition > 0)
                    {
                        var levels = Levels(ref _definitions, n);
                        body = h.DefinitionEncoding == ParquetEncoding.BitPacked
                            ? body[BitPackedLevels(body, _maxDefinition, levels)..]
                            : body[V1Levels(body, _maxDefinition, levels)..];
                        defs = levels;
                    }
                    page = new ChunkPage
                    {
                        Type = PageType.DataPage, Encoding = h.Encoding, NumValues = n, NonNull = Present(defs, n),
                        Definitions = defs, Repetitions = reps, Body = body,
                    };
                    return true;
                }
                case PageType.DataPageV2:
                {
                    int n = h.NumValues;
                    var reps = ReadOnlySpan<int>.Empty;
                    if (_maxRepetition > 0)
                    {
                        var levels = Levels(ref _repetitions, n);
                        RleHybrid.Decode(_bytes.AsSpan(start, h.RepetitionLength), BitWidth(_maxRepetition), levels);
                        reps = levels;
                    }
                    var defs = ReadOnlySpan<int>.Empty;
                    var defBytes = _bytes.AsSpan(start + h.RepetitionLength, h.DefinitionLength);
                    if (_maxDefinition > 0 && (_maxRepetition > 0 || !AllPresent(defBytes, n)))
                    {
                        var levels = Levels(ref _definitions, n);
                        RleHybrid.Decode(defBytes, BitWidth(_maxDefinition), levels);
                        defs = levels;
                    }
                    int levelBytes = h.RepetitionLength + h.DefinitionLength;
                    int valuesStart = start + levelBytes, valuesLength = h.CompressedSize - levelBytes;
                    var body = h.IsCompressed
                        ? _decompressor.Decompress(_codec, _bytes, valuesStart, valuesLength, h.UncompressedSize - levelBytes)
                        : _bytes.AsSpan(valuesStart, valuesLength);
                    int present = Present(defs, n);
                    if (_maxRepetition == 0 && n - present != h.NumNulls) throw new ParquetDataException("page's null count disagrees with its levels");
                    page = new ChunkPage
                    {
                        Type = PageType.DataPageV2, Encoding = h.Encoding, NumValues = n, NonNull = present,
                        Definitions = defs, Repetitions = reps, Body = body,
                    };
                    return true;
                }
                default:
                    continue; // index pages: nothing to decode
            }
        }
        page = default;
        return false;
    }

    /// <summary>Whether RLE definition levels are one run of the maximum over the page's n values: a page
    /// without nulls, the common case, then needs no level array (empty levels mean every value is present).</summary>
    bool AllPresent(ReadOnlySpan<byte> rle, int n)
    {
        ulong header = 0;
        int pos = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (pos >= rle.Length || shift > 35) return false;
            byte b = rle[pos++];
            header |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        if ((header & 1) != 0 || (header >> 1) < (ulong)n) return false;
        int width = (BitWidth(_maxDefinition) + 7) / 8, value = 0;
        if (pos + width > rle.Length) return false;
        for (int i = 0; i < width; i++) value |= rle[pos + i] << (8 * i);
        return value == _maxDefinition;
    }

    /// <summary><see cref="AllPresent"/> for a v1 page's length-prefixed levels; false leaves a damaged prefix
    /// to <see cref="V1Levels"/> to report.</summary>
    bool V1AllPresent(ReadOnlySpan<byte> body, int n, out int levelBytes)
    {
        levelBytes = 0;
        if (body.Length < 4) return false;
        int length = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (length < 0 || length > body.Length - 4 || !AllPresent(body.Slice(4, length), n)) return false;
        levelBytes = 4 + length;
        return true;
    }

    int Present(ReadOnlySpan<int> defs, int n)
    {
        if (defs.IsEmpty) return n;
        int present = 0;
        foreach (var d in defs)
        {
            if ((uint)d > (uint)_maxDefinition) throw new ParquetDataException($"definition level {d} above {_maxDefinition}");
            if (d == _maxDefinition) present++;
        }
        return present;
    }

    static Span<int> Levels(ref int[] buffer, int n)
    {
        if (buffer.Length < n)
        {
            if (buffer.Length > 0) ArrayPool<int>.Shared.Return(buffer);
            buffer = ArrayPool<int>.Shared.Rent(n);
        }
        return buffer.AsSpan(0, n);
    }

    public static int BitWidth(int maxLevel) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxLevel);

    /// <summary>RLE levels of a v1 page: a 4-byte length, then the runs; returns the bytes they take.</summary>
    static int V1Levels(ReadOnlySpan<byte> body, int maxLevel, Span<int> levels)
    {
        if (body.Length < 4) throw new ParquetDataException($"page of {body.Length} bytes too short for its levels' length");
        int length = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (length < 0 || length > body.Length - 4) throw new ParquetDataException($"levels of {length} bytes run past the page ({body.Length} bytes)");
        RleHybrid.Decode(body.Slice(4, length), BitWidth(maxLevel), levels);
        return 4 + length;
    }

    /// <summary>The deprecated BIT_PACKED levels: most significant bit first, no length prefix.</summary>
    static int BitPackedLevels(ReadOnlySpan<byte> body, int maxLevel, Span<int> levels)
    {
        int width = BitWidth(maxLevel);
        long bits = (long)levels.Length * width;
        int bytes = (int)((bits + 7) / 8);
        if (bytes > body.Length) throw new ParquetDataException("levels run past the page");
        for (int i = 0; i < levels.Length; i++)
        {
            int v = 0;
            for (int b = 0; b < width; b++)
            {
                long bit = (long)i * width + b;
                v = (v << 1) | ((body[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }
            levels[i] = v;
        }
        return bytes;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        if (_definitions.Length > 0) ArrayPool<int>.Shared.Return(_definitions);
        if (_repetitions.Length > 0) ArrayPool<int>.Shared.Return(_repetitions);
        _definitions = _repetitions = [];
        _decompressor.Dispose();
    }
}
