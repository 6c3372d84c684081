using Cql.Engine.Core;
using Cql.Tests.Support;

namespace Cql.Tests.Differential;

/// <summary>
/// The corpus stores dates as Parquet DATE with their precision beside them: DuckDB computes with them without a
/// cast, CQL keeps the precision the source gave (a month is the whole month), and an export keeps both.
/// </summary>
public sealed class CorpusDateTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    string Files(string table) => Path.Combine(corpus.Dir, table) + "/**/*.parquet";

    [Fact]
    public void DuckDB_reads_docs_date_and_statements_first_date_as_DATE()
    {
        Assert.Equal(["DATE|VARCHAR"], Duck.Rendered(corpus.Duck, $"SELECT DISTINCT typeof(date), typeof(date_precision) FROM read_parquet('{Files("docs")}')"));
        Assert.Equal(["DATE"], Duck.Rendered(corpus.Duck, $"SELECT DISTINCT typeof(first_date) FROM read_parquet('{Files("statements")}')"));
        // The generator gives days and months, and some documents no date.
        Assert.Equal(["day", "month", "∅"],
            Duck.Rendered(corpus.Duck, $"SELECT DISTINCT date_precision FROM read_parquet('{Files("docs")}') ORDER BY 1 NULLS LAST"));
        Assert.Equal(["0"], Duck.Rendered(corpus.Duck,
            $"SELECT count(*) FROM read_parquet('{Files("docs")}') WHERE (date IS NULL) != (date_precision IS NULL)"));
    }

    [Theory]
    [InlineData("2024", "DATE '2024-01-01'")]
    [InlineData("2019-06", "DATE '2019-06-01'")]
    public void DuckDB_filters_on_the_date_without_a_cast_as_CQL_does(string cql, string sql)
    {
        long duck = Duck.Count($"SELECT count(*) FROM read_parquet('{Files("docs")}') WHERE date >= {sql}");
        var ours = corpus.CqlRows($"docs where date >= {cql} | count");
        Assert.Equal([duck.ToString(System.Globalization.CultureInfo.InvariantCulture)], ours);
        long all = Duck.Count($"SELECT count(*) FROM read_parquet('{Files("docs")}') WHERE date IS NOT NULL");
        Assert.InRange(duck, 1, all - 1);
    }

    [Fact]
    public void CQL_shows_each_date_at_its_precision()
    {
        var expected = corpus.DuckRows($"SELECT doc_id, {GeneratedCorpus.DateAsText("date")}, date_precision FROM read_parquet('{Files("docs")}') ORDER BY doc_id");
        Assert.Equal(expected, corpus.CqlRows("docs | select doc_id, date, date_precision | order by doc_id"));
        Assert.Contains(expected, r => r.Split('|')[1].Length == 7);
    }

    [Fact]
    public void An_export_writes_DATE_with_the_precision_beside_it_and_CSV_shows_the_ISO_text()
    {
        using var d = new TempDir();
        var parquet = d.File("dates.parquet");
        var csv = d.File("dates.csv");
        var query = "docs | select doc_id, date | order by doc_id";
        foreach (var o in corpus.Session.Run($"{query} | export \"{parquet}\"\n{query} | export \"{csv}\"", CancellationToken.None))
            Assert.IsType<Cql.Engine.Session.ExportOutcome>(o);
        Assert.Equal(["DATE"], Duck.Rendered(corpus.Duck, $"SELECT DISTINCT typeof(date) FROM read_parquet('{parquet}')"));
        var shown = corpus.CqlRows(query);
        Assert.Equal(shown, corpus.DuckRows($"SELECT doc_id, {GeneratedCorpus.DateAsText("date")} FROM read_parquet('{parquet}')"));
        Assert.Equal(shown, corpus.DuckRows($"SELECT doc_id, date FROM read_csv('{csv}', header = true, nullstr = '', types = {{'date': 'VARCHAR'}})"));
        Assert.Equal(DatePrecision.ColumnOf("date"), corpus.DuckRows($"SELECT name FROM parquet_schema('{parquet}') WHERE name LIKE 'date%' ORDER BY name")[1]);
    }
}
