using Microsoft.Win32.SafeHandles;

namespace Cql.Engine.Storage.Reading;

/// <summary>One data page as a chunk's page index describes it: where it is, its first row, and its statistics
/// (plain-encoded, text possibly a truncated prefix and a rounded-up max; null when the page is all null).</summary>
public sealed record IndexedPage(long Offset, int CompressedSize, long FirstRow, byte[]? Min, byte[]? Max, long? NullCount);

/// <summary>
/// Reads a column chunk's page index (ColumnIndex and OffsetIndex, parquet-format's PageIndex.md) when the writer
/// gave one: what a reader needs to skip the pages of a row group that a filter cannot match. Damage raises
/// <see cref="ParquetDataException"/>.
/// </summary>
public static class PageIndexReader
{
    /// <summary>The chunk's pages, or null when it has no offset index.</summary>
    public static IReadOnlyList<IndexedPage>? Read(SafeFileHandle file, ColumnChunkMeta chunk)
    {
        if (chunk.OffsetIndexOffset < 4 || chunk.OffsetIndexLength <= 0) return null;
        var locations = Offsets(ReadBytes(file, chunk.OffsetIndexOffset, chunk.OffsetIndexLength));
        byte[][]? min = null, max = null;
        long[]? nulls = null;
        bool[]? nullPages = null;
        if (chunk.ColumnIndexOffset >= 4 && chunk.ColumnIndexLength > 0)
            (nullPages, min, max, nulls) = Columns(ReadBytes(file, chunk.ColumnIndexOffset, chunk.ColumnIndexLength));
        if (min is not null && (min.Length != locations.Count || max!.Length != locations.Count))
            throw new ParquetDataException($"page index: {min.Length} column index entries for {locations.Count} pages");
        var pages = new IndexedPage[locations.Count];
        for (int p = 0; p < pages.Length; p++)
        {
            var (offset, size, first) = locations[p];
            bool allNull = nullPages is not null && p < nullPages.Length && nullPages[p];
            pages[p] = new IndexedPage(offset, size, first, allNull ? null : min?[p], allNull ? null : max?[p],
                nulls is not null && p < nulls.Length ? nulls[p] : null);
        }
        return pages;
    }

    static byte[] ReadBytes(SafeFileHandle file, long offset, int length)
    {
        if (offset + length > RandomAccess.GetLength(file)) throw new ParquetDataException($"page index at byte {offset} runs past the file");
        var bytes = new byte[length];
        FooterParser.ReadExactly(file, bytes, offset);
        return bytes;
    }

    static List<(long Offset, int Size, long FirstRow)> Offsets(ReadOnlySpan<byte> data)
    {
        var t = new ThriftCompact(data);
        var result = new List<(long, int, long)>();
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (id != ParquetThrift.OffsetIndex.PageLocations || type != ThriftCompact.List) { t.Skip(type); continue; }
            var (n, _) = t.ListHeader();
            for (int i = 0; i < n; i++)
            {
                long offset = -1, first = -1;
                int size = -1;
                short l = 0;
                while (t.NextField(ref l, out var f, out var ft))
                    switch (f)
                    {
                        case ParquetThrift.PageLocation.Offset when ft == ThriftCompact.I64: offset = t.I64Value(); break;
                        case ParquetThrift.PageLocation.CompressedPageSize when ft == ThriftCompact.I32: size = t.I32Value(); break;
                        case ParquetThrift.PageLocation.FirstRowIndex when ft == ThriftCompact.I64: first = t.I64Value(); break;
                        default: t.Skip(ft); break;
                    }
                if (offset < 4 || size < 0 || first < 0) throw new ParquetDataException($"page index: page {i} at {offset}, {size} bytes, row {first}");
                result.Add((offset, size, first));
            }
        }
        return result;
    }

    static (bool[] NullPages, byte[][] Min, byte[][] Max, long[] Nulls) Columns(ReadOnlySpan<byte> data)
    {
        var t = new ThriftCompact(data);
        bool[] nullPages = [];
        byte[][] min = [], max = [];
        long[] nulls = [];
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (type != ThriftCompact.List) { t.Skip(type); continue; }
            switch (id)
            {
                case ParquetThrift.ColumnIndex.NullPages:
                {
                    var (n, _) = t.ListHeader();
                    nullPages = new bool[n];
                    for (int i = 0; i < n; i++) nullPages[i] = t.BoolElement();
                    break;
                }
                case ParquetThrift.ColumnIndex.MinValues or ParquetThrift.ColumnIndex.MaxValues:
                {
                    var (n, _) = t.ListHeader();
                    var values = new byte[n][];
                    for (int i = 0; i < n; i++) values[i] = t.BinaryValue().ToArray();
                    if (id == ParquetThrift.ColumnIndex.MinValues) min = values; else max = values;
                    break;
                }
                case ParquetThrift.ColumnIndex.NullCounts:
                {
                    var (n, _) = t.ListHeader();
                    nulls = new long[n];
                    for (int i = 0; i < n; i++) nulls[i] = t.I64Value();
                    break;
                }
                default: t.Skip(type); break;
            }
        }
        return (nullPages, min, max, nulls);
    }
}
