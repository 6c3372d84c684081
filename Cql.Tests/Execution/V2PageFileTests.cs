using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>Data page v2 (levels outside the compressed values, is_compressed), which neither DuckDB nor
/// Parquet.Net writes: files from <see cref="V2PageWriter"/>, checked against DuckDB and against what was written.</summary>
public sealed class V2PageFileTests
{
    [Theory]
    [InlineData(ParquetCodec.Uncompressed, true)]
    [InlineData(ParquetCodec.Snappy, true)]
    [InlineData(ParquetCodec.Zstd, true)]
    [InlineData(ParquetCodec.Gzip, true)]
    [InlineData(ParquetCodec.Zstd, false)]
    public void Reads_v2_pages_with_nulls_dictionary_and_plain_values(ParquetCodec codec, bool compressValues)
    {
        using var dir = new TempDir();
        var path = dir.File("v2.parquet");
        int[] groups = [3000, 2500];
        V2PageWriter.Write(path, codec, groups, compressValues);
        Assert.Contains("DataPageV2/RleDictionary", OwnParquet.PageKinds(path));
        Assert.Contains("DataPageV2/Plain", OwnParquet.PageKinds(path));
        Assert.True(OwnParquet.MaxDataPages(path) >= 3);

        var own = OwnParquet.Rows(path);
        var duck = Duck.Rows($"SELECT * FROM read_parquet('{path}')");
        Assert.Equal(groups.Sum(), own.Count);
        Assert.Equal(own.Count, duck.Count);
        for (int k = 0; k < own.Count; k++)
        {
            var written = V2PageWriter.Row(k);
            for (int c = 0; c < written.Length; c++)
            {
                if (!Equals(written[c], own[k][c])) Assert.Fail($"row {k} column {c}: wrote {written[c] ?? "NULL"}, read {own[k][c] ?? "NULL"}");
                if (!Equals(written[c], duck[k][c])) Assert.Fail($"DuckDB disagrees with the writer at row {k} column {c}: {duck[k][c] ?? "NULL"}");
            }
        }
    }
}
