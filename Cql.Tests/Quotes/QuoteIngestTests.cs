using Cql.Engine.Ingest;
using Cql.Tests.Support;

namespace Cql.Tests.Quoting;

/// <summary>The seed corpus's quote, entity and mention tables as another Parquet reader sees them after ingest.</summary>
public class QuoteIngestTests
{
    [Fact]
    public async Task The_first_user_query_finds_Xi_quoted_in_Swedish_and_German_and_every_table_joins()
    {
        using var d = new TempDir();
        await Ingestor.RunAsync(new IngestOptions([RepoPaths.Seeds], d.File("corpus")), null, CancellationToken.None);
        string T(string table) => $"read_parquet('{d.File($"corpus/{table}/**/*.parquet")}', hive_partitioning=true)";

        // quotes where speaker = "Xi" and lang in (sv, de): the alias resolves through the entities table.
        var xi = Duck.Rows($"""
            SELECT q.lang, count(*) FROM {T("quotes")} q
            WHERE q.speaker IN (SELECT name FROM {T("entities")} WHERE list_contains(string_split(aliases, ' | '), 'Xi'))
              AND q.lang IN ('sv', 'de')
            GROUP BY q.lang ORDER BY q.lang
            """);
        Assert.Equal(["de", "sv"], xi.Select(r => (string)r[0]!));
        Assert.All(xi, r => Assert.True(Convert.ToInt64(r[1]) >= 5));
        // The English quotation inside the Swedish article is English; its document stays Swedish.
        var english = Duck.Rows($"""
            SELECT q.lang, d.lang FROM {T("quotes")} q JOIN {T("docs")} d USING (doc_id)
            WHERE q.text LIKE 'China is willing to push%'
            """);
        Assert.Equal(("en", "sv"), ((string)english.Single()[0]!, (string)english.Single()[1]!));
        // A quote's text is the slice of its document its offsets name, and its paragraph holds it.
        var misplaced = Duck.Rows($"""
            SELECT count(*) FROM {T("quotes")} q JOIN {T("docs")} d USING (doc_id) JOIN {T("paragraphs")} p ON q.para_id = p.para_id
            WHERE substring(d.text, q.start + 1, q."end" - q.start) <> q.text OR q.start < p.start OR q."end" > p."end"
            """);
        Assert.Equal(0L, Convert.ToInt64(misplaced[0][0]));
        // Every mention names an entity, and its text is what the document says there.
        var badMentions = Duck.Rows($"""
            SELECT count(*) FROM {T("mentions")} m JOIN {T("docs")} d USING (doc_id) LEFT JOIN {T("entities")} e USING (entity_id)
            WHERE e.name IS NULL OR substring(d.text, m.start + 1, m."end" - m.start) <> m.text
            """);
        Assert.Equal(0L, Convert.ToInt64(badMentions[0][0]));
        Assert.True(Convert.ToInt64(Duck.Rows($"SELECT count(*) FROM {T("mentions")} m JOIN {T("entities")} e USING (entity_id) WHERE e.name = 'Xi Jinping'")[0][0]) > 20);
        // Speakers are canonical: every named speaker is an entity.
        var orphans = Duck.Rows($"SELECT DISTINCT q.speaker FROM {T("quotes")} q LEFT JOIN {T("entities")} e ON q.speaker = e.name WHERE q.speaker IS NOT NULL AND e.name IS NULL");
        Assert.Empty(orphans);
    }
}
