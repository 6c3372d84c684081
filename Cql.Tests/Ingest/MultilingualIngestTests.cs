using Cql.Engine.Core;
using Cql.Tests.Support;

namespace Cql.Tests.Ingest;

/// <summary>
/// The seeds plus articles of our own in nine more languages, each with its local date line and quote
/// conventions, through `cql ingest`: every document gets its language, the dates their value, the quotes their
/// speakers, and DuckDB reads every table with hive partitioning.
/// </summary>
public class MultilingualIngestTests
{
    static readonly Dictionary<string, string> SeedLanguages = new()
    {
        ["000_ec84314081129a3a.txt"] = "no", ["001_8fa1af74d4c97d9e.txt"] = "sv", ["002_66b4c24dfe62b857.txt"] = "no",
        ["003_e7046ab981153f44.txt"] = "de", ["004_a3bf1baf7ef32c25.txt"] = "it",
    };

    [Fact]
    public void Every_document_gets_its_language_date_and_speakers_and_duckdb_reads_every_table()
    {
        using var d = new TempDir();
        var input = d.File("in");
        Directory.CreateDirectory(input);
        var expectedLang = new Dictionary<string, string>(SeedLanguages);
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        foreach (var folder in new[] { "Cql.Tests/Ingest/Multilingual", "Cql.Tests/Quotes/Articles", "Cql.Tests/Quotes/HeldOut", "Cql.Tests/Quotes/HeldOut2" })
            foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.txt"))
            {
                var name = Path.GetFileName(f);
                File.Copy(f, Path.Combine(input, name));
                expectedLang[name] = name[..2];
            }
        Assert.Contains(expectedLang.Values, l => l == "fr");
        var r = CqlProcess.Run(null, "ingest", input, "--out", d.File("corpus"), "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);

        using var db = Duck.Open();
        string T(string table) => $"read_parquet('{d.File("corpus")}/{table}/**/*.parquet', hive_partitioning=true)";
        foreach (var t in CorpusSchema.Tables)
            Assert.Equal(t.Columns.Select(c => c.Name), Duck.Rows(db, $"DESCRIBE SELECT * FROM {T(t.Name)}").Select(x => (string)x[0]!));

        var langs = Duck.Rows(db, $"SELECT source, lang FROM {T("docs")}").ToDictionary(x => (string)x[0]!, x => (string)x[1]!);
        Assert.Equal(expectedLang.Count, langs.Count);
        var wrong = expectedLang.Where(kv => langs[kv.Key] != kv.Value).Select(kv => $"{kv.Key}: {langs[kv.Key]}, not {kv.Value}").ToList();
        Assert.True(wrong.Count == 0, "wrong languages: " + string.Join("; ", wrong));

        var dates = Duck.Rows(db, $"SELECT source, strftime(date, '%Y-%m-%d') FROM {T("docs")} WHERE source IN ('da-havvind.txt', 'en-harbour.txt', 'fr-greve.txt', 'es-sequia.txt', 'sv-tag.txt') ORDER BY source")
            .Select(x => $"{x[0]}={x[1]}");
        Assert.Equal(["da-havvind.txt=2024-03-03", "en-harbour.txt=2024-03-05", "es-sequia.txt=2024-03-09", "fr-greve.txt=2024-03-07", "sv-tag.txt=2024-03-11"], dates);

        string? SpeakerOf(string source, string fragment) =>
            (string?)Duck.Rows(db, $"SELECT q.speaker FROM {T("quotes")} q JOIN {T("docs")} d USING (doc_id) WHERE d.source = '{source}' AND contains(q.text, '{fragment.Replace("'", "''")}')").Single()[0];
        Assert.Equal("Lars Aagaard", SpeakerOf("da-havvind.txt", "Vi har travlt"));
        Assert.Equal("Lars Aagaard", SpeakerOf("da-havvind.txt", "sidste udbud"));
        Assert.Equal("Ellen Carter", SpeakerOf("en-harbour.txt", "most important decision"));
        Assert.Equal("James Patel", SpeakerOf("en-harbour.txt", "Nobody believes"));
        Assert.Equal("Sophie Martin", SpeakerOf("fr-greve.txt", "ne demandons pas la lune"));
        Assert.Equal("David Mascort", SpeakerOf("es-sequia.txt", "peor sequía"));
        Assert.Equal("David Mascort", SpeakerOf("es-sequia.txt", "esfuerzo extra"));
        Assert.Equal("Andreas Carlson", SpeakerOf("sv-tag.txt", "stort steg"));
        Assert.Equal("Andreas Carlson", SpeakerOf("sv-tag.txt", "tågen blir fulla"));

        // The quote's own language: the English quote inside the Swedish seed is en, its document stays sv.
        Assert.Contains(Duck.Rows(db, $"SELECT q.lang FROM {T("quotes")} q JOIN {T("docs")} d USING (doc_id) WHERE d.source = '001_8fa1af74d4c97d9e.txt' AND contains(q.text, 'China is willing')"), x => (string?)x[0] == "en");
    }
}
