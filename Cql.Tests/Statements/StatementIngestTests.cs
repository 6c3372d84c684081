using Cql.Engine.Ingest;
using Cql.Tests.Support;

namespace Cql.Tests.Statements;

/// <summary>Statements as ingest writes them and the language reads them, across an append.</summary>
public class StatementIngestTests
{
    const string Said = "Since the start of this year, bilateral relations have maintained a sound momentum of development in the face of global turmoil";

    [Fact]
    public async Task An_append_joins_its_copies_to_the_corpus_statements_and_queries_count_them()
    {
        using var d = new TempDir();
        d.Write("a/one.txt", $"Leaders talk\n\nDate: 2022-06-16\n\n\"{Said},\" Xi Jinping said on Wednesday.");
        d.Write("b/two.txt", $"Call on birthday\n\nDate: 2022-06-16\n\n\"{Said.Replace("a sound", "a good")},\" Xi Jinping said. \"We will build a bridge over the river,\" Xi Jinping added.");
        var dir = d.File("corpus");
        await Ingestor.RunAsync(new IngestOptions([d.File("a")], dir), null, CancellationToken.None);
        await Ingestor.RunAsync(new IngestOptions([d.File("a"), d.File("b")], dir, Append: true), null, CancellationToken.None);
        using var session = Cql.Engine.Session.CqlSession.Open(dir);
        Assert.Equal(["0|2|2", "1|1|1"], ScanOnlyCopy.Rows(session, "statements | order by statement_id | select statement_id, n_reports, n_docs"));
        Assert.Equal(["0", "0", "1"], ScanOnlyCopy.Rows(session, "quotes | order by quote_id | select statement_id"));
        Assert.Equal(["Xi Jinping|2"], ScanOnlyCopy.Rows(session, "quotes | group by speaker aggregate count_distinct(statement_id) as n"));
        Assert.Equal(["1"], ScanOnlyCopy.Rows(session, "statements where n_docs > 1 | count"));
    }
}
