using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Records;
using Cql.Engine.Storage;
using Cql.Tests.Support;
using Parquet;

namespace Cql.Tests.Ingest;

/// <summary>
/// The engine writes and reads Parquet only through its own code; Parquet.Net stays in the tests as an independent
/// reader of what it writes: the term index, the entities kept across --append, the C# records.
/// </summary>
public sealed class EngineParquetTests
{
    static async Task Ingest(string outDir, bool append, params string[] inputs) =>
        await Ingestor.RunAsync(new IngestOptions(inputs, outDir, Append: append), null, CancellationToken.None);

    [Fact]
    public void The_engine_does_not_reference_Parquet_Net()
    {
        var references = typeof(CorpusSchema).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Parquet", references);
        Assert.DoesNotContain("Parquet.Net", references);
    }

    [Fact]
    public async Task Parquet_Net_reads_the_term_index_as_DuckDB_does()
    {
        using var d = new TempDir();
        var corpus = d.File("corpus");
        await Ingest(corpus, false, RepoPaths.Seeds);
        var path = Directory.GetFiles(Path.Combine(corpus, "sentence_terms"), "*.parquet").Single();
        var duck = Duck.Rows($"SELECT term, rows, occurrences, array_to_string(ids, ',') FROM read_parquet('{path}')")
            .Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}").ToList();

        var read = new List<string>();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            var terms = await ParquetNet.Strings(rg, fields.Single(f => f.Name == "term"));
            var rows = await ParquetNet.Column<int>(rg, fields.Single(f => f.Name == "rows"));
            var occurrences = await ParquetNet.Column<long>(rg, fields.Single(f => f.Name == "occurrences"));
            var (flat, repetitions) = await ParquetNet.Int32Lists(rg, fields.Single(f => f.Name == "ids"));
            int at = 0;
            for (int r = 0; r < terms.Length; r++)
            {
                int end = at + 1;
                while (end < flat.Length && repetitions[end] == 1) end++;
                read.Add($"{terms[r]} {rows[r]} {occurrences[r]} {string.Join(',', flat[at..end])}");
                at = end;
            }
        }
        Assert.True(duck.Count > 500);
        Assert.Equal(duck, read);
    }

    [Fact]
    public async Task Append_keeps_the_entities_and_their_ids()
    {
        using var d = new TempDir();
        var corpus = d.File("corpus");
        d.Write("first/one.txt", "Første artikkel\n\n«Vi må samarbeide bedre,» sa Kari Nordmann-Testesen til NTB.");
        await Ingest(corpus, false, RepoPaths.Seeds, d.File("first"));
        const string Sql = "SELECT entity_id, name, kind, aliases FROM read_parquet('{0}/entities/*.parquet') ORDER BY entity_id";
        var before = Duck.Rows(string.Format(Sql, corpus)).Select(r => string.Join('\t', r)).ToList();
        // A speaker the gazetteer does not know exists only in the file: the append must read it back.
        Assert.Contains(before, e => e.Contains("Kari Nordmann-Testesen"));
        d.Write("more/two.txt", "Andre artikkel\n\n«Det går bra,» sa Ola Testmann-Hansen til NTB.");
        await Ingest(corpus, true, d.File("more"));
        var after = Duck.Rows(string.Format(Sql, corpus)).Select(r => string.Join('\t', r)).ToList();
        Assert.Equal(before, after.Take(before.Count));
        Assert.Contains(after.Skip(before.Count), e => e.Contains("Ola Testmann-Hansen"));
    }

    [Fact]
    public async Task Records_load_what_DuckDB_reads()
    {
        using var d = new TempDir();
        var corpus = d.File("corpus");
        await Ingest(corpus, false, RepoPaths.Seeds);
        string Files(string table) => Path.Combine(corpus, table, "*.parquet");
        var docs = RecordTables.Load<Doc>(Directory.GetFiles(Path.Combine(corpus, "docs"), "*.parquet"));
        var duckDocs = Duck.Rows($"SELECT doc_id, source, lang, title, {GeneratedCorpus.DateAsText("date")} FROM read_parquet('{Files("docs")}') ORDER BY doc_id");
        Assert.Equal(duckDocs.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]} {r[4]}"),
            docs.OrderBy(x => x.DocId).Select(x => $"{x.DocId} {x.Source} {x.Lang} {x.Title} {x.Date}"));
        var entities = RecordTables.Load<Entity>(Directory.GetFiles(Path.Combine(corpus, "entities"), "*.parquet"));
        var duckEntities = Duck.Rows($"SELECT entity_id, name, kind, coalesce(aliases, '') FROM read_parquet('{Files("entities")}') ORDER BY entity_id");
        Assert.Equal(duckEntities.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}"),
            entities.OrderBy(x => x.EntityId).Select(x => $"{x.EntityId} {x.Name} {x.Kind} {x.Aliases}"));
        // A nullable int column (statement_id: null for a term) reads as int?, not as its default.
        var quotes = RecordTables.Load<Quote>(Directory.GetFiles(Path.Combine(corpus, "quotes"), "*.parquet"));
        var duckQuotes = Duck.Rows($"SELECT quote_id, coalesce(CAST(statement_id AS VARCHAR), 'null') FROM read_parquet('{Files("quotes")}') ORDER BY quote_id");
        Assert.Equal(duckQuotes.Select(r => $"{r[0]} {r[1]}"), quotes.OrderBy(x => x.QuoteId).Select(x => $"{x.QuoteId} {x.StatementId?.ToString() ?? "null"}"));
        var statements = RecordTables.Load<Statement>(Directory.GetFiles(Path.Combine(corpus, "statements"), "*.parquet"));
        var duckStatements = Duck.Rows($"SELECT statement_id, n_docs, langs, coalesce({GeneratedCorpus.DateAsText("first_date")}, '') FROM read_parquet('{Files("statements")}') ORDER BY statement_id");
        Assert.NotEmpty(statements);
        Assert.Equal(duckStatements.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}"),
            statements.OrderBy(x => x.StatementId).Select(x => $"{x.StatementId} {x.NDocs} {x.Langs} {x.FirstDate}"));
    }

    [Fact]
    public void A_damaged_file_is_a_corpus_error_naming_it()
    {
        using var d = new TempDir();
        var path = d.File("docs.parquet");
        File.WriteAllText(path, "PAR1 not really parquet");
        var e = Assert.Throws<CorpusException>(() => RecordTables.Load<Doc>([path]));
        Assert.Contains(path, e.Message);
    }
}
