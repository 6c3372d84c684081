using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;
using Cql.Engine.Storage.Writing.Format;
using Cql.Tests.Support;
using Parquet;

namespace Cql.Tests.Execution;

/// <summary>
/// The lists our writer writes (a term index's ids, one-level <c>repeated int32</c>): DuckDB, Parquet.Net (the
/// independent reader the tests keep) and our reader read back every list, over several row groups, with lists of
/// one value, long runs and bit-packed repetition levels.
/// </summary>
public sealed class ParquetListColumnTests
{
    static readonly ColumnSchema[] Columns =
    [
        new("term", ColumnType.String, false, ""),
        new("ids", ColumnType.Int32, false, ""),
    ];

    // Row r's list: r % 23 + 1 values (1 to 23: short lists mix 0s and 1s into bit-packed groups, long ones make
    // RLE runs of 1), spread so that values and their statistics differ from row to row.
    static int[] List(int r) => Enumerable.Range(0, r % 23 + 1).Select(k => r * 31 + k * 7 - 500).ToArray();

    static string Write(TempDir dir, int[] rowGroups)
    {
        var path = dir.File("lists.parquet");
        using var stream = File.Create(path);
        var writer = new ParquetFileWriter(stream, Columns, [false, false], new ColumnEncoderPool(), [false, true]);
        var term = new ColumnBuffer(Columns[0]);
        var ids = new ColumnBuffer(Columns[1], repeated: true);
        int row = 0;
        foreach (int rows in rowGroups)
        {
            for (int i = 0; i < rows; i++, row++)
            {
                term.AddString($"t{row:D5}");
                ids.AddInt32List(List(row));
            }
            writer.WriteRowGroup([term, ids], null);
            term.Clear();
            ids.Clear();
        }
        writer.Finish(new Dictionary<string, string>());
        return path;
    }

    [Fact]
    public async Task Lists_read_back_the_same_through_duckdb_parquet_net_and_our_reader()
    {
        using var dir = new TempDir();
        int[] rowGroups = [1000, 1, 2500];
        var path = Write(dir, rowGroups);
        int total = rowGroups.Sum();

        var duck = Duck.Rows($"SELECT term, ids FROM read_parquet('{path}')");
        Assert.Equal(total, duck.Count);
        for (int r = 0; r < total; r++)
        {
            Assert.Equal($"t{r:D5}", duck[r][0]);
            Assert.Equal(List(r), ((System.Collections.IEnumerable)duck[r][1]!).Cast<object>().Select(Convert.ToInt32));
        }

        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            var field = reader.Schema.GetDataFields().Single(f => f.Name == "ids");
            int first = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var rg = reader.OpenRowGroupReader(g);
                var (values, repetitions) = await ParquetNet.Int32Lists(rg, field);
                var expected = Enumerable.Range(first, rowGroups[g]).ToList();
                Assert.Equal(expected.SelectMany(List), values);
                Assert.Equal(expected.SelectMany(r => List(r).Select((_, k) => k == 0 ? 0 : 1)), repetitions);
                first += rowGroups[g];
            }
        }

        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var ids = footer.Columns["ids"];
        int start = 0;
        for (int g = 0; g < footer.RowGroups.Count; g++)
        {
            var rg = footer.RowGroups[g];
            int n = (int)rg.RowCount;
            var flat = ColumnChunkReader.ReadRepeatedInt32(files.Handle(path), ids, rg.Chunk(ids), n, out var lengths);
            var expected = Enumerable.Range(start, n).ToList();
            Assert.Equal(expected.Select(r => List(r).Length), lengths);
            Assert.Equal(expected.SelectMany(List), flat);
            // Statistics bound the values of the row group, as for a flat column.
            var stats = rg.Chunk(ids).Statistics!;
            Assert.Equal(expected.SelectMany(List).Min(), BitConverter.ToInt32(stats.Min!));
            Assert.Equal(expected.SelectMany(List).Max(), BitConverter.ToInt32(stats.Max!));
            start += n;
        }
    }

    [Fact]
    public void A_list_column_takes_only_lists_of_numbers_with_a_value()
    {
        Assert.Throws<ArgumentException>(() => new ColumnBuffer(new ColumnSchema("x", ColumnType.String, false, ""), repeated: true));
        Assert.Throws<ArgumentException>(() => new ColumnBuffer(new ColumnSchema("x", ColumnType.Int32, true, ""), repeated: true));
        Assert.Throws<ArgumentException>(() => new ColumnBuffer(Columns[1], repeated: true).AddInt32List([]));
    }
}
