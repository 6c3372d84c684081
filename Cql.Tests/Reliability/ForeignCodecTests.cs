using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;

namespace Cql.Tests.Reliability;

/// <summary>The whole pipeline (cql as a process) on part files rewritten by another writer: codecs we decode give
/// the same answer; codecs we do not give exit 3 with the file and the codec named.</summary>
public class ForeignCodecTests
{
    static string Corpus(TempDir d)
    {
        d.Write("in/a.txt", "Første sak\n\n«Vi er enige», sa Ola Nordmann til NTB.\n\n«Det blir bra», sa Ola Nordmann.");
        d.Write("in/b.txt", "Andra saken\n\n”Vi är överens”, säger Kari Berg.");
        var r = CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("corpus"), "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return d.File("corpus");
    }

    static CqlProcess.Result Query(string corpus) =>
        CqlProcess.Run(null, "--corpus", corpus, "-c", "quotes where speaker = \"Ola Nordmann\" | select speaker, text, lang", "--format", "csv");

    [Theory]
    [InlineData("COMPRESSION zstd")]
    [InlineData("COMPRESSION gzip")]
    [InlineData("COMPRESSION uncompressed")]
    [InlineData("COMPRESSION brotli")]
    [InlineData("COMPRESSION lz4_raw")]
    [InlineData("COMPRESSION zstd, PARQUET_VERSION V2")]
    public void Files_rewritten_by_duckdb_with_another_codec_give_the_same_answer(string options)
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var before = Query(corpus);
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("Ola Nordmann", before.Stdout);
        foreach (var file in CorpusManifest.Load(corpus).FilesOf(corpus, "quotes"))
        {
            var copy = file + ".tmp";
            Duck.Rows($"COPY (SELECT * FROM read_parquet('{file}')) TO '{copy}' (FORMAT parquet, {options})");
            File.Move(copy, file, overwrite: true);
        }
        var after = Query(corpus);
        Assert.True(after.ExitCode == 0, after.Stderr);
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Theory]
    [InlineData(ParquetCodec.Lzo, "Lzo")]
    public void A_codec_we_do_not_decode_gives_exit_3_naming_file_and_codec(ParquetCodec codec, string name)
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var file = CorpusManifest.Load(corpus).FilesOf(corpus, "quotes")[0];
        Assert.True(OwnParquet.PatchCodec(file, codec) > 0);
        var r = Query(corpus);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains(Path.GetFileName(file), r.Stderr);
        Assert.Contains(name, r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("form cql does not read", r.Stderr); // not "damaged": the file is fine, cql cannot read it
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
