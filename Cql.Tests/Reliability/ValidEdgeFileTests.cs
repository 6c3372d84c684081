using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;

namespace Cql.Tests.Reliability;

/// <summary>
/// Valid files that other writers make and that a strict reader refuses: data pages with no value bytes (not to be
/// decompressed), a chunk of only a dictionary page with data page offset 0, old parquet-mr's short
/// total_compressed_size (PARQUET-816, tolerated for that writer only, as Arrow and DuckDB do) — each read as
/// DuckDB reads it — and encrypted files, named as such.
/// </summary>
public sealed class ValidEdgeFileTests
{
    static void AssertReadsAsDuckDb(string path, int rows, int firstRow)
    {
        var own = OwnParquet.Rows(path);
        var duck = Duck.Rows($"SELECT * FROM read_parquet('{path}')");
        Assert.Equal(rows, own.Count);
        Assert.Equal(rows, duck.Count);
        for (int k = 0; k < rows; k++)
        {
            var written = V2PageWriter.Row(firstRow + k);
            for (int c = 0; c < written.Length; c++)
            {
                if (!Equals(written[c], own[k][c])) Assert.Fail($"row {k} column {c}: wrote {written[c] ?? "NULL"}, read {own[k][c] ?? "NULL"}");
                if (!Equals(duck[k][c], own[k][c])) Assert.Fail($"row {k} column {c}: DuckDB reads {duck[k][c] ?? "NULL"}, we read {own[k][c] ?? "NULL"}");
            }
        }
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    [InlineData(ParquetCodec.Gzip)]
    [InlineData(ParquetCodec.Uncompressed)]
    public void Data_pages_without_value_bytes_read(ParquetCodec codec)
    {
        using var dir = new TempDir();
        var path = dir.File("empty-pages.parquet");
        V2PageWriter.Write(path, codec, [2500, 700], firstRow: V2PageWriter.EmptyFrom);
        AssertReadsAsDuckDb(path, 3200, V2PageWriter.EmptyFrom);
    }

    [Fact]
    public void A_chunk_of_only_a_dictionary_page_with_data_page_offset_0_reads()
    {
        using var dir = new TempDir();
        var path = dir.File("dictionary-only.parquet");
        V2PageWriter.Write(path, ParquetCodec.Snappy, [1200, 0, 800]);
        using (var files = new ParquetFileCache())
        {
            var empty = files.Footer(path).Metadata.RowGroups[1];
            var name = files.Footer(path).Columns["name"];
            Assert.Equal(0, empty.Columns[name.Index].DataPageOffset); // the case: only the dictionary page is there
            Assert.True(empty.Columns[name.Index].DictionaryPageOffset > 4);
        }
        AssertReadsAsDuckDb(path, 2000, 0);
    }

    [Fact]
    public void Old_parquet_mr_short_chunk_size_is_tolerated_for_that_writer_only()
    {
        using var dir = new TempDir();
        var old = dir.File("quotes/old-parquet-mr.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        V2PageWriter.Write(old, ParquetCodec.Snappy, [1500, 900], createdBy: "parquet-mr version 1.2.8 (build abc)", shortBy: 15);
        var own = OwnParquet.Rows(old);
        Assert.Equal(2400, own.Count);
        for (int k = 0; k < own.Count; k++) Assert.Equal(V2PageWriter.Row(k), own[k]);
        // explain says that the file was read with the slack.
        var scan = new Cql.Engine.Planning.Scan("quotes", [new("id", Cql.Engine.Core.ColumnType.Int32)]);
        var plan = Cql.Engine.PhysicalPlanning.PhysicalPlanPrinter.Print(scan, CorpusFiles.FromFolder(dir.Path));
        Assert.Contains("PARQUET-816", plan);

        // Any other writer's short size is damage, located.
        var other = dir.File("other.parquet");
        V2PageWriter.Write(other, ParquetCodec.Snappy, [1500, 900], createdBy: "parquet-mr version 1.12.3 (build abc)", shortBy: 15);
        var e = Assert.Throws<CorpusException>(() => { using var r = new ParquetFileReader(other); r.Read(0, r.Column("id"), Cql.Engine.Core.ColumnType.Int32); });
        Assert.Contains("column 'id', row group 0, page", e.Message);
        Assert.Contains("runs past its column chunk", e.Message);
    }

    [Fact]
    public void An_encrypted_file_is_named_encrypted()
    {
        using var dir = new TempDir();
        var path = dir.File("encrypted.parquet");
        using (var db = Duck.Open())
        {
            // DuckDB's bundled crypto only reads; the write needs its software fallback (fine for a test file).
            Duck.Rows(db, "SET force_mbedtls_unsafe = 'true'");
            Duck.Rows(db, "PRAGMA add_parquet_key('k', '0123456789112345')");
            Duck.Rows(db, $"COPY (SELECT range AS id FROM range(100)) TO '{path}' (FORMAT parquet, ENCRYPTION_CONFIG {{footer_key: 'k'}})");
        }
        var e = Assert.Throws<CorpusException>(() => new ParquetFileReader(path).Dispose());
        Assert.Contains("encrypted", e.Message);
        Assert.Contains("form cql does not read", e.Message); // not "damaged": the file is fine
    }
}
