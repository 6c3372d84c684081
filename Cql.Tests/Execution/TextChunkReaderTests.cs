using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace Cql.Tests.Execution;

/// <summary>The engine's own text chunk reader (dictionary and plain pages, nulls, a selection of rows) must give
/// exactly what Parquet.Net's reader gives, for files from both writers.</summary>
public sealed class TextChunkReaderTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    [Fact]
    public async Task Agrees_with_parquet_net_on_duckdb_files()
    {
        int chunks = 0;
        foreach (var path in fx.Corpus.Files.Of("quotes"))
            chunks += await CompareAllStringColumns(path);
        Assert.Equal(4 * 10, chunks); // text, speaker, cue, lang of every row group
    }

    [Fact]
    public async Task Agrees_with_parquet_net_on_parquet_net_files_dictionary_and_plain_with_nulls()
    {
        using var dir = new TempDir();
        var path = dir.File("t.parquet");
        var speaker = new DataField<string>("speaker", true);
        var lang = new DataField<string>("lang", false);
        var text = new DataField<string>("text", true);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        options.ColumnEncodingHints["speaker"] = EncodingHint.Dictionary;
        options.ColumnEncodingHints["lang"] = EncodingHint.Dictionary;
        await using (var fs = File.Create(path))
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(speaker, lang, text), fs, options))
            for (int g = 0; g < 2; g++)
            {
                using var rg = w.CreateRowGroup();
                int n = 70_000;
                var sp = new string?[n];
                var la = new string[n];
                var tx = new string?[n];
                for (int i = 0; i < n; i++)
                {
                    sp[i] = i % 9 == 0 ? null : "Talsperson " + (i * 7919 % 500) + " æøå";
                    la[i] = (i % 3) switch { 0 => "no", 1 => "sv", _ => "de" };
                    tx[i] = i % 11 == 0 ? null : $"«Sitat {i}» – sa {sp[i]} på møtet 😀";
                }
                await rg.WriteAsync(speaker, (IReadOnlyCollection<string>)sp!, null);
                await rg.WriteAsync(lang, (IReadOnlyCollection<string>)la, null);
                await rg.WriteAsync(text, (IReadOnlyCollection<string>)tx!, null);
            }
        Assert.Equal(6, await CompareAllStringColumns(path));
    }

    /// <summary>Compares every string column chunk row by row, whole and under a selection; returns how many.</summary>
    static async Task<int> CompareAllStringColumns(string path)
    {
        int chunks = 0;
        await using var reader = await ParquetReader.CreateAsync(path);
        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var handle = files.Handle(path);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            var info = footer.RowGroups[g];
            foreach (var f in reader.Schema.GetDataFields())
            {
                if (f.ClrType != typeof(string) && f.ClrType != typeof(ReadOnlyMemory<char>)) continue;
                var expected = new string?[rg.RowCount];
                await rg.ReadAsync(f, expected.AsMemory(), null, default);
                var column = footer.Columns[f.Name];
                var own = TextChunkReader.Read(handle, column, info.Chunk(column), (int)rg.RowCount, ColumnType.String);
                chunks++;
                Assert.Equal(expected.Length, own.Length);
                for (int i = 0; i < own.Length; i++)
                {
                    Assert.Equal(expected[i] is null, own.IsNull(i));
                    if (!own.IsNull(i)) Assert.Equal(expected[i], own.GetString(i).ToString());
                }
                // Late materialisation: reading only some rows gives those rows of the whole read.
                var sel = Enumerable.Range(0, own.Length).Where(i => i % 7 == 3 || i % 11 == 0 || i == own.Length - 1).ToArray();
                var some = TextChunkReader.Read(handle, column, info.Chunk(column), (int)rg.RowCount, ColumnType.String, sel);
                Assert.Equal(sel.Length, some.Length);
                for (int k = 0; k < sel.Length; k++)
                {
                    Assert.Equal(expected[sel[k]] is null, some.IsNull(k));
                    if (!some.IsNull(k)) Assert.Equal(expected[sel[k]], some.GetString(k).ToString());
                }
            }
        }
        return chunks;
    }
}
