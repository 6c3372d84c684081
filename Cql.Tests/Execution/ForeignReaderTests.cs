using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>
/// Our files as other engines see them: ParquetSharp (Arrow C++) and DuckDB read the same values we wrote; every
/// chunk carries encoding_stats and a dictionary chunk lists only dictionary encodings (checked through Parquet.Net's
/// footer model, an independent Thrift parser: ParquetSharp 25 does not expose either); every flat column has a page
/// index whose offsets land on page headers, whose first rows add up, and whose min/max (text truncated to a
/// 64-byte prefix, the max rounded up) bound every value of their page in Parquet's order.
/// </summary>
public sealed class ForeignReaderTests
{
    const int Rows = 70_000; // two row groups (65,536 + 4,464), four pages in the first

    static readonly TableSchema Table = new("quotes", "a table with every kind of column", [
        new ColumnSchema("id", ColumnType.Int32, false, ""),
        new ColumnSchema("big", ColumnType.Int64, true, ""),
        new ColumnSchema("x", ColumnType.Float64, true, ""),
        new ColumnSchema("flag", ColumnType.Bool, false, ""),
        new ColumnSchema("lang", ColumnType.String, true, ""),
        new ColumnSchema("text", ColumnType.String, true, ""),
    ]);

    static readonly string[] Langs = ["no", "sv", "de", "ærlig", "😀"];

    static object?[] Row(int i) =>
    [
        i,
        i % 7 == 0 ? null : (long)i * 1_000_003L - 5_000_000_000L,
        i % 11 == 0 ? null : (i - 35_000) / 7.0,
        i % 3 == 0,
        i % 5 == 0 ? null : Langs[i % Langs.Length],
        // Long enough to be truncated in the statistics, with multi-byte characters at the cut.
        i % 13 == 0 ? null : $"{(char)('a' + i % 26)}{new string('ø', 40)} {i:D6} " + new string('x', i % 50),
    ];

    static async Task<string> WriteAsync(TempDir dir)
    {
        var path = dir.File("quotes.parquet");
        await using var writer = new TableWriter(Table, dir.Path, "part", exactPath: path);
        for (int i = 0; i < Rows; i++)
            await WriterRows.WriteRowAsync(writer, Row(i));
        await writer.CompleteAsync(writeEmptyFile: true);
        return path;
    }

    [Fact]
    public async Task ParquetSharp_and_DuckDB_read_what_we_wrote()
    {
        using var dir = new TempDir();
        var path = await WriteAsync(dir);
        var duck = Duck.Rows($"SELECT * FROM read_parquet('{path}')");
        Assert.Equal(Rows, duck.Count);
        using var reader = new ParquetSharp.ParquetFileReader(path);
        int row = 0;
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using var rg = reader.RowGroup(g);
            int n = checked((int)rg.MetaData.NumRows);
            var columns = new object?[Table.Columns.Count][];
            columns[0] = Box(rg.Column(0).LogicalReader<int>().ReadAll(n));
            columns[1] = Box(rg.Column(1).LogicalReader<long?>().ReadAll(n));
            columns[2] = Box(rg.Column(2).LogicalReader<double?>().ReadAll(n));
            columns[3] = Box(rg.Column(3).LogicalReader<bool>().ReadAll(n));
            columns[4] = rg.Column(4).LogicalReader<string?>().ReadAll(n);
            columns[5] = rg.Column(5).LogicalReader<string?>().ReadAll(n);
            for (int i = 0; i < n; i++, row++)
            {
                var expected = Row(row);
                for (int c = 0; c < expected.Length; c++)
                {
                    if (!Equals(expected[c], columns[c][i])) Assert.Fail($"ParquetSharp row {row} column {Table.Columns[c].Name}: wrote {expected[c] ?? "NULL"}, read {columns[c][i] ?? "NULL"}");
                    if (!Equals(expected[c], duck[row][c])) Assert.Fail($"DuckDB row {row} column {Table.Columns[c].Name}: wrote {expected[c] ?? "NULL"}, read {duck[row][c] ?? "NULL"}");
                }
            }
        }
        Assert.Equal(Rows, row);
    }

    static object?[] Box<T>(T[] values)
    {
        var boxed = new object?[values.Length];
        for (int i = 0; i < values.Length; i++) boxed[i] = values[i];
        return boxed;
    }

    [Fact]
    public async Task Every_chunk_has_encoding_stats_and_a_page_index_that_bounds_its_pages()
    {
        using var dir = new TempDir();
        var path = await WriteAsync(dir);
        await using var stream = File.OpenRead(path);
        await using var pn = await Parquet.ParquetReader.CreateAsync(stream);
        var bytes = File.ReadAllBytes(path);
        var own = OwnParquet.Rows(path);
        int firstRowOfGroup = 0, multiPageChunks = 0;
        foreach (var rg in pn.Metadata!.RowGroups)
        {
            for (int c = 0; c < rg.Columns.Count; c++)
            {
                var chunk = rg.Columns[c];
                var meta = chunk.MetaData!;
                string name = Table.Columns[c].Name;
                bool dictionary = meta.DictionaryPageOffset is not null;
                Assert.Equal(name is "lang", dictionary);
                var stats = meta.EncodingStats ?? throw new Xunit.Sdk.XunitException($"{name}: no encoding_stats");
                if (dictionary)
                {
                    Assert.DoesNotContain(Parquet.Meta.Encoding.PLAIN, meta.Encodings);
                    Assert.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY, meta.Encodings);
                    Assert.All(stats, s => Assert.Equal(Parquet.Meta.Encoding.PLAIN_DICTIONARY, s.Encoding));
                    Assert.Contains(stats, s => s.PageType == Parquet.Meta.PageType.DICTIONARY_PAGE && s.Count == 1);
                }
                else Assert.All(stats, s => Assert.Equal(Parquet.Meta.Encoding.PLAIN, s.Encoding));

                Assert.NotNull(chunk.ColumnIndexOffset);
                Assert.NotNull(chunk.OffsetIndexOffset);
                var locations = PageIndexBytes.Offsets(bytes.AsSpan((int)chunk.OffsetIndexOffset!.Value, chunk.OffsetIndexLength!.Value));
                var index = PageIndexBytes.Columns(bytes.AsSpan((int)chunk.ColumnIndexOffset!.Value, chunk.ColumnIndexLength!.Value));
                int dataPages = stats.Where(s => s.PageType == Parquet.Meta.PageType.DATA_PAGE).Sum(s => s.Count);
                Assert.Equal(dataPages, locations.Count);
                Assert.Equal(dataPages, index.Min.Count);
                if (dataPages > 1) multiPageChunks++;
                for (int p = 0; p < locations.Count; p++)
                {
                    var (offset, size, firstRow) = locations[p];
                    var header = PageHeader.Parse(bytes.AsSpan((int)offset, size), out int headerLength);
                    Assert.Equal(PageType.DataPage, header.Type);
                    Assert.Equal(size, headerLength + header.CompressedSize);
                    long nextRow = p + 1 < locations.Count ? locations[p + 1].FirstRow : rg.NumRows;
                    Assert.Equal(nextRow - firstRow, header.NumValues);
                    // Every value of the page lies within the index's bounds, in Parquet's order; nulls counted.
                    long nulls = 0;
                    for (long r = firstRow; r < nextRow; r++)
                    {
                        var v = own[firstRowOfGroup + (int)r][c];
                        if (v is null) { nulls++; continue; }
                        var plain = Plain(v);
                        Assert.True(Compare(index.Min[p], plain, v) <= 0, $"{name} page {p}: min above row {r}");
                        Assert.True(Compare(index.Max[p], plain, v) >= 0, $"{name} page {p}: max below row {r}");
                    }
                    Assert.Equal(nulls, index.NullCounts[p]);
                    Assert.True(index.Min[p].Length <= 64 && index.Max[p].Length <= 64);
                }
                if (name == "id") Assert.Equal(1, index.BoundaryOrder); // ascending ids
                if (meta.Statistics!.MaxValue is { } max) Assert.True(max.Length <= 64, $"{name}: {max.Length}-byte max");
            }
            firstRowOfGroup += (int)rg.NumRows;
        }
        Assert.True(multiPageChunks >= Table.Columns.Count, "the test should cover chunks of several pages");
    }

    static byte[] Plain(object v) => v switch
    {
        int i => BitConverter.GetBytes(i),
        long l => BitConverter.GetBytes(l),
        double d => BitConverter.GetBytes(d),
        bool b => [b ? (byte)1 : (byte)0],
        string s => System.Text.Encoding.UTF8.GetBytes(s),
        _ => throw new InvalidOperationException(v.GetType().Name),
    };

    static int Compare(byte[] bound, byte[] plain, object v) => v switch
    {
        int => BitConverter.ToInt32(bound).CompareTo(BitConverter.ToInt32(plain)),
        long => BitConverter.ToInt64(bound).CompareTo(BitConverter.ToInt64(plain)),
        double => BitConverter.ToDouble(bound).CompareTo(BitConverter.ToDouble(plain)),
        _ => bound.AsSpan().SequenceCompareTo(plain),
    };

    /// <summary>The two page-index structs, read field by field (Parquet.Net has their model but no public reader).</summary>
    static class PageIndexBytes
    {
        public static List<(long Offset, int Size, long FirstRow)> Offsets(ReadOnlySpan<byte> data)
        {
            var t = new ThriftCompact(data);
            var result = new List<(long, int, long)>();
            short last = 0;
            while (t.NextField(ref last, out var id, out var type))
            {
                if (id != ParquetThrift.OffsetIndex.PageLocations) { t.Skip(type); continue; }
                var (n, _) = t.ListHeader();
                for (int i = 0; i < n; i++)
                {
                    long offset = 0, first = 0; int size = 0;
                    short l = 0;
                    while (t.NextField(ref l, out var f, out var ft))
                        switch (f)
                        {
                            case ParquetThrift.PageLocation.Offset: offset = t.I64Value(); break;
                            case ParquetThrift.PageLocation.CompressedPageSize: size = t.I32Value(); break;
                            case ParquetThrift.PageLocation.FirstRowIndex: first = t.I64Value(); break;
                            default: t.Skip(ft); break;
                        }
                    result.Add((offset, size, first));
                }
            }
            return result;
        }

        public sealed record ColumnIndex(List<byte[]> Min, List<byte[]> Max, List<long> NullCounts, int BoundaryOrder);

        public static ColumnIndex Columns(ReadOnlySpan<byte> data)
        {
            var t = new ThriftCompact(data);
            List<byte[]> min = [], max = [];
            List<long> nulls = [];
            int order = -1;
            short last = 0;
            while (t.NextField(ref last, out var id, out var type))
                switch (id)
                {
                    case ParquetThrift.ColumnIndex.MinValues or ParquetThrift.ColumnIndex.MaxValues:
                    {
                        var (n, _) = t.ListHeader();
                        for (int i = 0; i < n; i++) (id == ParquetThrift.ColumnIndex.MinValues ? min : max).Add(t.BinaryValue().ToArray());
                        break;
                    }
                    case ParquetThrift.ColumnIndex.NullCounts:
                    {
                        var (n, _) = t.ListHeader();
                        for (int i = 0; i < n; i++) nulls.Add(t.I64Value());
                        break;
                    }
                    case ParquetThrift.ColumnIndex.BoundaryOrder: order = t.I32Value(); break;
                    default: t.Skip(type); break;
                }
            return new ColumnIndex(min, max, nulls, order);
        }
    }
}
