using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using Parquet;
using Parquet.Schema;
using System.Globalization;

namespace Cql.Tests.Execution;

/// <summary>
/// The engine's own Parquet reader on files it did not write: DuckDB's with every codec it offers and both page
/// versions (v2 brings the delta and byte-stream-split encodings), Parquet.Net's with every codec it offers, nulls,
/// all-null columns, empty files and row groups, and codecs we do not decode (a clear error naming file and codec).
/// DuckDB reading the same file is the oracle.
/// </summary>
public sealed class ParquetReaderTests
{
    const int Rows = 50_000;

    /// <summary>Numbers of every width, booleans, a dictionary text column with nulls, a unique (plain) text column
    /// with non-ASCII text, a mostly-null text column and an all-null one.</summary>
    static readonly string Table = $"""
        SELECT i::INT AS id, (i * 7919)::BIGINT AS big, (i % 300)::SMALLINT AS small,
          CASE WHEN i % 13 = 0 THEN NULL ELSE i / 7.0 END AS x, (i / 3)::REAL AS f, (i % 3 = 0) AS flag,
          CASE WHEN i % 5 = 0 THEN NULL ELSE ['no','sv','de','it','Støre 😀'][1 + (i % 5)::INT] END AS lang,
          'tekst ' || i::VARCHAR || repeat('æ', (i % 17)::INT) AS text,
          CASE WHEN i % 11 = 0 THEN 'q' || (i * 31)::VARCHAR ELSE NULL END AS rare,
          NULL::VARCHAR AS nothing
        FROM range({Rows}) t(i)
        """;

    static string DuckFile(TempDir dir, string options, string name = "t.parquet", string? table = null)
    {
        var path = dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = Duck.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"COPY ({table ?? Table}) TO '{path}' (FORMAT parquet{options})";
        cmd.ExecuteNonQuery();
        return path;
    }

    /// <summary>Numbers as long or double, so DuckDB's SMALLINT and REAL meet the engine's int and double.</summary>
    static object? Norm(object? v) => v switch
    {
        short s => (long)s,
        int i => (long)i,
        long l => l,
        float f => (double)f,
        _ => v,
    };

    static void AssertSameAsDuck(string path)
    {
        var expected = Duck.Rows($"SELECT * FROM read_parquet('{path}')");
        var own = OwnParquet.Rows(path);
        Assert.Equal(expected.Count, own.Count);
        for (int r = 0; r < own.Count; r++)
            for (int c = 0; c < own[r].Length; c++)
            {
                var (e, a) = (Norm(expected[r][c]), Norm(own[r][c]));
                if (!Equals(e, a)) Assert.Fail($"row {r} column {c}: DuckDB {e ?? "NULL"}, ours {a ?? "NULL"}");
            }
    }

    [Theory]
    [InlineData("uncompressed", ParquetCodec.Uncompressed)]
    [InlineData("snappy", ParquetCodec.Snappy)]
    [InlineData("gzip", ParquetCodec.Gzip)]
    [InlineData("zstd", ParquetCodec.Zstd)]
    [InlineData("brotli", ParquetCodec.Brotli)]
    [InlineData("lz4", ParquetCodec.Lz4Raw)]
    [InlineData("lz4_raw", ParquetCodec.Lz4Raw)]
    public void Reads_duckdb_files_with_each_codec_and_format_version(string codec, ParquetCodec claimed)
    {
        using var dir = new TempDir();
        var v1 = DuckFile(dir, $", COMPRESSION {codec}, ROW_GROUP_SIZE 20000", "v1.parquet");
        var v2 = DuckFile(dir, $", COMPRESSION {codec}, ROW_GROUP_SIZE 20000, PARQUET_VERSION V2", "v2.parquet");
        Assert.Equal([claimed], OwnParquet.Codecs(v1));
        Assert.Equal([claimed], OwnParquet.Codecs(v2));
        AssertSameAsDuck(v1);
        AssertSameAsDuck(v2);
    }

    [Fact]
    public void Duckdb_v2_files_bring_the_delta_and_byte_stream_split_encodings()
    {
        // What the codec test above covers for V2: the encodings a v1 reader never sees. DuckDB still writes them
        // in v1 data pages; data page v2 is covered by V2PageFileTests.
        using var dir = new TempDir();
        var kinds = OwnParquet.PageKinds(DuckFile(dir, ", PARQUET_VERSION V2"));
        Assert.Contains("DataPage/DeltaBinaryPacked", kinds);
        Assert.Contains("DataPage/ByteStreamSplit", kinds);
        Assert.Contains(kinds, k => k is "DataPage/DeltaLengthByteArray" or "DataPage/DeltaByteArray");
    }

    [Fact]
    public void Reads_chunks_of_many_pages()
    {
        // One big row group of long text: DuckDB splits its chunks into pages.
        using var dir = new TempDir();
        var path = DuckFile(dir, ", ROW_GROUP_SIZE 1000000", table: """
            SELECT i::INT AS id, repeat('lang tekst ', 20) || i::VARCHAR AS text,
              CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 1000)::VARCHAR END AS code FROM range(600000) t(i)
            """);
        Assert.True(OwnParquet.MaxDataPages(path) > 1, "expected a chunk of several pages");
        AssertSameAsDuck(path);
    }

    [Fact]
    public void Empty_files_and_empty_or_all_null_columns_read_as_no_rows_and_nulls()
    {
        using var dir = new TempDir();
        DuckFile(dir, "", "quotes/part-00000.parquet", "SELECT * FROM (" + Table + ") WHERE false");
        DuckFile(dir, "", "quotes/part-00001.parquet", "SELECT * FROM (" + Table + ") WHERE id < 10");
        var files = CorpusFiles.FromFolder(dir.Path);
        var scan = new Scan("quotes", [new("id", ColumnType.Int32), new("nothing", ColumnType.String), new("rare", ColumnType.String)]);
        var rows = Q.Run(scan, files);
        Assert.Equal(10, rows.Count);
        Assert.Equal("0|∅|q0", rows[0]);
        Assert.Equal("1|∅|∅", rows[1]);
        Assert.Empty(OwnParquet.Rows(files.Of("quotes")[0]));
    }

    public static TheoryData<CompressionMethod> ParquetNetCodecs() =>
        [CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Zstd, CompressionMethod.Brotli, CompressionMethod.Lz4Raw,
         CompressionMethod.LZ4]; // LZ4 (codec 5): a bare block from Parquet.Net

    [Theory]
    [MemberData(nameof(ParquetNetCodecs))]
    public async Task Reads_parquet_net_files_with_each_codec_nulls_and_an_empty_row_group(CompressionMethod codec)
    {
        using var dir = new TempDir();
        var path = dir.File("t.parquet");
        var id = new DataField<int>("id");
        var big = new DataField<long?>("big");
        var x = new DataField<double>("x");
        var flag = new DataField<bool?>("flag");
        var lang = new DataField<string>("lang", true);
        var text = new DataField<string>("text", true);
        var options = new ParquetOptions { CompressionMethod = codec };
        options.ColumnEncodingHints["lang"] = EncodingHint.Dictionary;
        var expected = new List<object?[]>();
        await using (var fs = File.Create(path))
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(id, big, x, flag, lang, text), fs, options))
            foreach (int n in new[] { 30_000, 0, 7 })
            {
                using var rg = w.CreateRowGroup();
                var ids = new int[n];
                var bigs = new long?[n];
                var xs = new double[n];
                var flags = new bool?[n];
                var langs = new string?[n];
                var texts = new string?[n];
                for (int i = 0; i < n; i++)
                {
                    int k = expected.Count;
                    ids[i] = k;
                    bigs[i] = k % 6 == 0 ? null : (long)k << 33;
                    xs[i] = k / 3.0;
                    flags[i] = k % 5 == 0 ? null : k % 2 == 0;
                    langs[i] = k % 9 == 0 ? null : (k % 3) switch { 0 => "no", 1 => "sv", _ => "Ærlig 😀" };
                    texts[i] = k % 11 == 0 ? null : $"«Sitat {k}» på møtet";
                    expected.Add([ids[i], bigs[i], xs[i], flags[i], langs[i], texts[i]]);
                }
                await rg.WriteAsync<int>(id, ids, null, null, default);
                await rg.WriteAsync<long>(big, bigs, null, null, default);
                await rg.WriteAsync<double>(x, xs, null, null, default);
                await rg.WriteAsync<bool>(flag, flags, null, null, default);
                await rg.WriteAsync(lang, (IReadOnlyCollection<string>)langs!, null);
                await rg.WriteAsync(text, (IReadOnlyCollection<string>)texts!, null);
            }
        var own = OwnParquet.Rows(path);
        Assert.Equal(expected.Count, own.Count);
        for (int r = 0; r < own.Count; r++)
            for (int c = 0; c < own[r].Length; c++)
                if (!Equals(expected[r][c], own[r][c])) Assert.Fail($"{codec}: row {r} column {c}: wrote {expected[r][c] ?? "NULL"}, read {own[r][c] ?? "NULL"}");
        // DuckDB reads the same file the same way (it refuses codec LZ4, which we read).
        if (codec != CompressionMethod.LZ4) AssertSameAsDuck(path);
    }

    [Theory]
    [InlineData(ParquetCodec.Lzo, "Lzo")]
    [InlineData(ParquetCodec.Lz4, "Lz4")] // decoded, but these pages are Snappy: damage, named with the codec
    public void A_codec_we_do_not_decode_raises_CorpusReadException_naming_file_and_codec(ParquetCodec codec, string name)
    {
        using var dir = new TempDir();
        var path = DuckFile(dir, ", COMPRESSION snappy", "quotes/part-00000.parquet");
        Assert.Equal(10, OwnParquet.PatchCodec(path, codec));
        Assert.Equal([codec], OwnParquet.Codecs(path));
        var scan = new Scan("quotes", [new("id", ColumnType.Int32), new("text", ColumnType.String)]);
        var e = Assert.Throws<CorpusReadException>(() => Q.Run(scan, CorpusFiles.FromFolder(dir.Path)));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        Assert.Contains(name, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reads_the_term_index_lists_as_duckdb_does()
    {
        // The repeated INT32 ids of the term index: lists of several lengths, empty lists, null lists.
        using var dir = new TempDir();
        var path = DuckFile(dir, ", ROW_GROUP_SIZE 5000", table: """
            SELECT i::INT AS n, CASE WHEN i % 7 = 0 THEN [] WHEN i % 13 = 0 THEN NULL
              ELSE list_transform(range((i % 5)::BIGINT + 1), x -> (x * 1000 + i)::INT) END AS ids
            FROM range(12000) t(i)
            """);
        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var handle = files.Handle(path);
        var ids = footer.Columns["ids"];
        var expected = Duck.Rows($"SELECT len(coalesce(ids, [])), ids FROM read_parquet('{path}')");
        int row = 0;
        foreach (var rg in footer.RowGroups)
        {
            var flat = ColumnChunkReader.ReadRepeatedInt32(handle, ids, rg.Chunk(ids), (int)rg.RowCount, out var lengths);
            int at = 0;
            for (int r = 0; r < lengths.Length; r++, row++)
            {
                Assert.Equal(Convert.ToInt64(expected[row][0], CultureInfo.InvariantCulture), lengths[r]);
                var list = expected[row][1] as System.Collections.IList;
                for (int k = 0; k < lengths[r]; k++) Assert.Equal(Convert.ToInt32(list![k], CultureInfo.InvariantCulture), flat[at++]);
            }
            Assert.Equal(flat.Length, at);
        }
        Assert.Equal(12000, row);
    }
}
