using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;
using Cql.Engine.Storage.Writing.Format;
using Cql.Tests.Support;
using System.Text;

namespace Cql.Tests.Execution;

/// <summary>
/// The engine's own Parquet writer (every corpus table and export goes through it): every column type, nullable
/// or not, over several row groups, must read back the same through DuckDB (the oracle) and through our reader;
/// the statistics a reader prunes by must bound each row group in Parquet's order; the RLE / bit-packed indices and
/// levels must decode to what was encoded at every bit width.
/// </summary>
public sealed class ParquetFileWriterTests
{
    const int Rows = 140_000; // three row groups: 65,536 + 65,536 + 8,928

    static readonly TableSchema Table = new("mixed", "every type the writer knows", [
        new ColumnSchema("id", ColumnType.Int32, false, ""),
        new ColumnSchema("maybe_int", ColumnType.Int32, true, ""),
        new ColumnSchema("big", ColumnType.Int64, false, ""),
        new ColumnSchema("maybe_big", ColumnType.Int64, true, ""),
        new ColumnSchema("x", ColumnType.Float64, false, ""),
        new ColumnSchema("maybe_x", ColumnType.Float64, true, ""),
        new ColumnSchema("flag", ColumnType.Bool, false, ""),
        new ColumnSchema("maybe_flag", ColumnType.Bool, true, ""),
        new ColumnSchema("lang", ColumnType.String, true, ""),
        new ColumnSchema("word", ColumnType.String, false, ""),
        new ColumnSchema("date", ColumnType.Date, true, ""),
        new ColumnSchema("text", ColumnType.String, true, ""),
        new ColumnSchema("nothing", ColumnType.String, true, ""),
        new ColumnSchema("no_number", ColumnType.Float64, true, ""),
    ]);

    // Text whose UTF-16 order differs from UTF-8's (the emoji is a surrogate pair, below U+FFFD in UTF-16 and above
    // it in UTF-8), and a word list large enough for two-byte dictionary indices.
    static readonly string?[] Langs = ["no", "sv", null, "de", "Støre", "😀", "\uFFFD", "it", "ærlig", null];

    static object?[] Expected(int i) =>
    [
        i,
        i % 7 == 0 ? null : -i * 3,
        (long)i * 1_000_003L - 5_000_000_000L,
        i % 5 == 0 ? null : (long)i << 20,
        i % 1000 == 0 ? double.NaN : i % 999 == 0 ? -0.0 : (i - 70_000) / 7.0,
        i % 3 == 0 ? null : i % 11 == 0 ? 0.0 : i * 0.25,
        i % 3 == 0,
        i % 4 == 0 ? null : i % 2 == 0,
        Langs[i % Langs.Length],
        "ord" + (i * 7919 % 3001),
        i % 9 == 0 ? null : $"20{10 + i % 16}-{1 + i % 12:D2}",
        i % 13 == 0 ? null : $"Tekst {i} — «{new string('æ', i % 17)}» {(i % 2 == 0 ? "😀" : "")}",
        null, // a dictionary column with no value at all: an empty dictionary, no min or max
        i % 2 == 0 ? null : double.NaN, // nothing but nulls and NaN: no min or max either
    ];

    static async Task<string> WriteAsync(TempDir dir, int rows)
    {
        var path = dir.File("mixed.parquet");
        await using var writer = new TableWriter(Table, dir.Path, "part", exactPath: path, metadata: new Dictionary<string, string> { ["k"] = "v" });
        for (int i = 0; i < rows; i++)
            await WriterRows.WriteRowAsync(writer, Expected(i));
        await writer.CompleteAsync(writeEmptyFile: true);
        return path;
    }

    static DateOnly FirstDay(string iso) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + DatePrecision.FirstDay(iso));

    static void AssertValue(object? expected, object? actual, string where)
    {
        bool same = (expected, actual) switch
        {
            (double e, double a) => e.Equals(a) || (e == 0 && a == 0),
            (int e, long a) => e == a,
            (long e, int a) => e == a,
            _ => Equals(expected, actual),
        };
        if (!same) Assert.Fail($"{where}: wrote {expected ?? "NULL"}, read {actual ?? "NULL"}");
    }

    [Fact]
    public async Task Every_type_reads_back_the_same_through_duckdb_and_our_reader()
    {
        using var dir = new TempDir();
        var path = await WriteAsync(dir, Rows);
        var duck = Duck.Rows($"SELECT * FROM read_parquet('{path}')");
        var own = OwnParquet.Rows(path);
        Assert.Equal(Rows, duck.Count);
        Assert.Equal(Rows, own.Count);
        for (int i = 0; i < Rows; i++)
        {
            var expected = Expected(i);
            for (int c = 0; c < expected.Length; c++)
            {
                // A date is stored as the first day of its period (a DATE); without a precision column beside it
                // (see DateStorageTests) both readers see that day.
                var (forDuck, forOwn) = expected[c] is string d && Table.Columns[c].Type == ColumnType.Date
                    ? ((object?)FirstDay(d), (object?)FirstDay(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    : (expected[c], expected[c]);
                AssertValue(forDuck, duck[i][c], $"DuckDB row {i} column {Table.Columns[c].Name}");
                AssertValue(forOwn, own[i][c], $"our reader row {i} column {Table.Columns[c].Name}");
            }
        }
        // Short text is dictionary-encoded, long text is not; the key-value metadata is there for other tools.
        var encodings = Duck.Rows($"SELECT DISTINCT path_in_schema, encodings FROM parquet_metadata('{path}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Contains("DICTIONARY", encodings["word"]);
        Assert.DoesNotContain("DICTIONARY", encodings["text"]);
        Assert.Equal("v", Duck.Rows($"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'k'").Single()[0]);
        Assert.Equal(3L, Duck.Count($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')"));
    }

    [Fact]
    public async Task Statistics_bound_each_row_group_in_parquet_order()
    {
        using var dir = new TempDir();
        var path = await WriteAsync(dir, Rows);
        using var handle = File.OpenHandle(path);
        var meta = FooterParser.Read(handle);
        int first = 0;
        foreach (var rg in meta.RowGroups)
        {
            int n = checked((int)rg.NumRows);
            for (int c = 0; c < Table.Columns.Count; c++)
            {
                var stats = rg.Columns[c].Statistics!;
                var values = Enumerable.Range(first, n).Select(i => Expected(i)[c] is string d && Table.Columns[c].Type == ColumnType.Date
                    ? DatePrecision.FirstDay(d) : Expected(i)[c]).ToList();
                Assert.Equal(values.Count(v => v is null), stats.NullCount);
                var present = values.Where(v => v is not null && v is not double.NaN).Select(v => v!).ToList();
                if (present.Count == 0)
                {
                    Assert.Null(stats.Min);
                    Assert.Null(stats.Max);
                    continue;
                }
                var (min, max) = (Decode(stats.Min!, Table.Columns[c].Type), Decode(stats.Max!, Table.Columns[c].Type));
                var order = Comparer<object>.Create(ParquetOrder);
                Assert.Equal(present.Min(order)!, min, (a, b) => ParquetOrder(a, b) == 0);
                Assert.Equal(present.Max(order)!, max, (a, b) => ParquetOrder(a, b) == 0);
                if (Table.Columns[c].Type == ColumnType.Float64 && present.Any(v => (double)v! == 0))
                {
                    // A zero in the row group: the bounds are -0.0 and +0.0, so no reader prunes it for either sign.
                    if ((double)min == 0) Assert.True(double.IsNegative((double)min));
                    if ((double)max == 0) Assert.False(double.IsNegative((double)max));
                }
            }
            first += n;
        }
        // DuckDB reads the same bounds (here: the first row group of the text with the emoji).
        var duckMax = Duck.Rows($"SELECT stats_max_value FROM parquet_metadata('{path}') WHERE row_group_id = 0 AND path_in_schema = 'lang'").Single()[0];
        Assert.Equal("😀", duckMax);
    }

    /// <summary>Parquet's order: numbers by value, text by the unsigned bytes of its UTF-8.</summary>
    static int ParquetOrder(object a, object b) => (a, b) switch
    {
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (bool x, bool y) => x.CompareTo(y),
        _ => Convert.ToDouble(a).CompareTo(Convert.ToDouble(b)),
    };

    static object Decode(byte[] bytes, ColumnType type) => type switch
    {
        ColumnType.Int32 or ColumnType.Date => BitConverter.ToInt32(bytes),
        ColumnType.Int64 => BitConverter.ToInt64(bytes),
        ColumnType.Float64 => BitConverter.ToDouble(bytes),
        ColumnType.Bool => bytes[0] != 0,
        _ => Encoding.UTF8.GetString(bytes),
    };

    [Fact]
    public async Task Long_text_under_another_name_still_cuts_row_groups_by_size()
    {
        // An export of article text renamed (`select text as body`): not a long-text column by name, yet 700 rows of
        // 60,000 characters must not become one row group (and one page) of 42M characters.
        using var dir = new TempDir();
        var path = dir.File("renamed.parquet");
        var table = new TableSchema("export", "", [new ColumnSchema("id", ColumnType.Int32, false, ""), new ColumnSchema("body", ColumnType.String, false, "")]);
        await using (var writer = new TableWriter(table, dir.Path, "part", exactPath: path))
        {
            for (int i = 0; i < 700; i++)
            {
                writer.Int32(0, i);
                writer.String(1, i.ToString("D6") + new string((char)('a' + i % 26), 60_000));
                await writer.EndRowAsync();
            }
            await writer.CompleteAsync(writeEmptyFile: true);
        }
        Assert.True(Duck.Count($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')") >= 2);
        Assert.Equal(700L, Duck.Count($"SELECT count(DISTINCT body) FROM read_parquet('{path}')"));
    }

    [Fact]
    public async Task An_empty_table_is_a_valid_file_with_its_schema()
    {
        using var dir = new TempDir();
        var path = await WriteAsync(dir, 0);
        Assert.Equal(0L, Duck.Count($"SELECT count(*) FROM read_parquet('{path}')"));
        var names = Duck.Rows($"DESCRIBE SELECT * FROM read_parquet('{path}')").Select(r => (string)r[0]!).ToList();
        Assert.Equal(Table.Columns.Select(c => c.Name), names);
        Assert.Empty(OwnParquet.Rows(path));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(32)]
    public void Rle_hybrid_runs_decode_to_what_was_encoded(int bitWidth)
    {
        var random = new Random(bitWidth);
        long limit = bitWidth == 32 ? int.MaxValue : (1L << bitWidth) - 1;
        var values = new List<int>();
        while (values.Count < 20_000)
        {
            int v = (int)random.NextInt64(0, limit + 1);
            // Runs of every length around the RLE threshold of eight, and stretches of distinct values.
            int repeat = random.Next(4) == 0 ? random.Next(1, 40) : 1;
            for (int k = 0; k < repeat; k++) values.Add(v);
        }
        var sink = new ByteSink();
        RleHybridEncoder.Encode(values.ToArray(), bitWidth, sink);
        var decoded = new int[values.Count];
        int consumed = RleHybrid.Decode(sink.Written, bitWidth, decoded);
        Assert.Equal(sink.Length, consumed);
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void A_long_run_is_one_rle_run()
    {
        var sink = new ByteSink();
        RleHybridEncoder.Encode(Enumerable.Repeat(1, 65_536).ToArray(), 1, sink);
        Assert.True(sink.Length <= 4, $"{sink.Length} bytes for one run");
    }
}
