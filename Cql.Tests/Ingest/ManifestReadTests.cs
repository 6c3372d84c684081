using Cql.Engine.Storage;
using Cql.Tests.Support;
using System.Text.Json;

namespace Cql.Tests.Ingest;

/// <summary>
/// The manifest is written by System.Text.Json and read by the engine's own small JSON reader (every query opens it;
/// the library's first use cost more than the query). What the writer writes must read back the same, whatever the
/// paths and reasons hold, and a damaged manifest must be refused as one.
/// </summary>
public sealed class ManifestReadTests
{
    static CorpusManifest Sample()
    {
        var m = new CorpusManifest { CorpusHash = "abc123", BuiltAt = new DateTimeOffset(2026, 11, 25, 5, 18, 11, 225, TimeSpan.FromHours(1)) };
        m.Tables["docs"] = new ManifestTable { Files = ["docs/part-1.parquet", "docs/del 2 \"quoted\" \\ back/slash.parquet"], Rows = 5_000_000_000 };
        m.Tables["quote_terms"] = new ManifestTable { Files = [], Rows = 0, IndexOf = "quotes", CoveredRows = 42 };
        m.Inputs.Add(new ManifestInput { Source = "nyheter/Støre møter Xi 😀.txt", Sha256 = new string('a', 64), Bytes = 1234, Docs = 1 });
        m.Inputs.Add(new ManifestInput { Source = "tab\there\nnewline<>&'.csv", Sha256 = "b", Bytes = 0, Docs = 0, Status = "skipped", Reason = "binary (NUL bytes)" });
        m.NextIds["doc"] = 7;
        m.NextIds["quote"] = 2_000_000;
        return m;
    }

    static string Json(CorpusManifest m) => JsonSerializer.Serialize(m, ManifestJson.Default.CorpusManifest);

    [Fact]
    public void What_the_serializer_writes_reads_back_the_same()
    {
        using var dir = new TempDir();
        var written = Sample();
        written.Save(dir.Path);
        var read = CorpusManifest.Load(dir.Path);
        Assert.Equal(Json(written), Json(read));
        Assert.Equal("nyheter/Støre møter Xi 😀.txt", read.Inputs[0].Source);
        Assert.Null(read.Inputs[0].Reason);
        Assert.Equal(written.BuiltAt, read.BuiltAt);
    }

    [Fact]
    public void Escapes_whitespace_and_unknown_properties_are_read_as_json_says()
    {
        using var dir = new TempDir();
        dir.Write("corpus.json", """
            { "format_version" : 2, "extra": {"nested": [1, 2.5e3, true, false, null, "x"]},
              "corpus_hash": "\u00e6\"\\\/\ud83d\ude00\n", "tables": {"t": {"files": ["a\tb"], "rows": -1}},
              "built_at": "2026-01-02T03:04:05+00:00" }
            """);
        var m = CorpusManifest.Load(dir.Path);
        Assert.Equal("æ\"\\/😀\n", m.CorpusHash);
        Assert.Equal(["a\tb"], m.Tables["t"].Files);
        Assert.Equal(-1, m.Tables["t"].Rows);
    }

    [Theory]
    [InlineData("{\"format_version\": 2,")]
    [InlineData("{\"format_version\": 2,}")]
    [InlineData("{\"corpus_hash\": \"\\x\"}")]
    [InlineData("{\"corpus_hash\": \"open}")]
    [InlineData("{\"format_version\": \"two\"}")]
    [InlineData("{\"tables\": []}")]
    [InlineData("{\"format_version\": 2} trailing")]
    [InlineData("{\"format_version\": 99999999999}")]
    public void A_damaged_manifest_is_refused_as_not_valid(string json)
    {
        using var dir = new TempDir();
        dir.Write("corpus.json", json);
        var e = Assert.Throws<CorpusException>(() => CorpusManifest.Load(dir.Path));
        Assert.Contains("not a valid manifest", e.Message);
    }
}
