using Cql.Tests.Support;
using System.Globalization;
using Xunit.Abstractions;

namespace Cql.Tests.Differential;

/// <summary>
/// Thousands of random, well-typed queries per run, each answered by cql and by DuckDB over the same files; any
/// disagreement fails with the query's seed. Replay one with CQL_DIFF_SEED=N CQL_DIFF_QUERIES=1; run more with a
/// larger CQL_DIFF_QUERIES. Each run starts from a new seed unless CQL_DIFF_SEED is set, so CI explores new ground.
/// </summary>
public abstract class RandomQueryTests(GeneratedCorpus corpus, ITestOutputHelper output)
{
    static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    List<string> Column(string sql) => corpus.DuckRows(sql);

    Domains LoadDomains() => new(
        Speakers: [.. Column("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 40"),
                   .. Column("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*), speaker LIMIT 10")],
        Langs: Column("SELECT DISTINCT lang FROM quotes ORDER BY 1"),
        Kinds: Column("SELECT DISTINCT kind FROM quotes ORDER BY 1"),
        Cues: Column("SELECT DISTINCT cue FROM quotes WHERE cue IS NOT NULL ORDER BY 1"),
        Words: Column("SELECT word FROM tokens WHERE length(word) >= 3 GROUP BY word ORDER BY count(*) DESC, word LIMIT 300"),
        Phrases: Column("SELECT a.word || ' ' || b.word FROM tokens a JOIN tokens b ON a.sent_id = b.sent_id AND b.position = a.position + 1 "
                        + "WHERE a.sent_id % 97 = 0 ORDER BY a.sent_id, a.position LIMIT 60"),
        Prefixes: Column("SELECT DISTINCT substr(text, 1, 3) FROM quotes WHERE quote_id % 50 = 0 ORDER BY 1 LIMIT 60"),
        MaxQuoteId: int.Parse(Column("SELECT max(quote_id) FROM quotes")[0], CultureInfo.InvariantCulture),
        MaxDocId: int.Parse(Column("SELECT max(doc_id) FROM docs")[0], CultureInfo.InvariantCulture));

    /// <summary>Queries a run asks unless CQL_DIFF_QUERIES says otherwise.</summary>
    protected virtual int DefaultQueries => 2000;

    [Fact]
    public void Random_queries_give_the_same_rows_in_cql_and_duckdb()
    {
        int queries = Env("CQL_DIFF_QUERIES", DefaultQueries);
        int seed = Env("CQL_DIFF_SEED", Random.Shared.Next(1, int.MaxValue / 2));
        output.WriteLine($"random differential: {queries} queries from seed {seed} (replay: CQL_DIFF_SEED={seed})");
        var generator = new RandomQueryGenerator(LoadDomains());
        var failures = new List<string>();
        int answered = 0, withRows = 0;
        for (int i = 0; i < queries && failures.Count < 5; i++)
        {
            var q = generator.Next(seed + i);
            var replay = $"seed {q.Seed} (CQL_DIFF_SEED={q.Seed} CQL_DIFF_QUERIES=1)\n  cql: {q.Cql}\n  sql: {q.Sql}";
            List<string> expected;
            try { expected = corpus.DuckRows(q.Sql); }
            catch (DuckDB.NET.Data.DuckDBException e) { failures.Add($"DuckDB rejected the SQL of {replay}\n  {e.Message}"); continue; }
            List<string> actual;
            try { actual = corpus.CqlRows(q.Cql); }
            catch (Exception e) { failures.Add($"cql failed on {replay}\n  {e.Message}"); continue; }
            answered++;
            if (expected.Count > 0 && expected is not ["0"]) withRows++;
            // Without an order by, any order of the rows is right.
            if (!q.Ordered) { expected.Sort(StringComparer.Ordinal); actual.Sort(StringComparer.Ordinal); }
            if (expected.SequenceEqual(actual)) continue;
            int at = 0;
            while (at < expected.Count && at < actual.Count && expected[at] == actual[at]) at++;
            failures.Add($"different answers for {replay}\n  first difference at row {at}: cql {(at < actual.Count ? actual[at] : "(none)")} | duckdb {(at < expected.Count ? expected[at] : "(none)")}"
                         + $"\n  rows: cql {actual.Count}, duckdb {expected.Count}");
        }
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{failures.Count} of the random queries failed (first shown):\n{failures.FirstOrDefault()}");
        output.WriteLine($"{answered} queries agreed; {withRows} of them selected something");
        // A generator whose queries select nothing would prove little.
        Assert.True(withRows * 3 > answered, $"only {withRows} of {answered} queries selected anything");
    }
}

/// <summary>The random queries over the corpus as cql gen writes it.</summary>
public sealed class RandomQueriesOnGeneratedLayout(GeneratedCorpus corpus, ITestOutputHelper output)
    : RandomQueryTests(corpus, output), IClassFixture<GeneratedCorpus>;

/// <summary>The random queries over the same rows re-laid out by DuckDB (sorted, partitioned, small row groups).</summary>
public sealed class RandomQueriesOnRelaidLayout(RelaidCorpus corpus, ITestOutputHelper output)
    : RandomQueryTests(corpus, output), IClassFixture<RelaidCorpus>;

/// <summary>The random queries with a budget of 7 groups and 16 KB of sorted rows, so that every grouping with more
/// groups and every full sort of more rows sets rows aside in temporary files: the spilling paths must give the same
/// rows as DuckDB for every query form. Fewer queries, since each spills.</summary>
public sealed class RandomQueriesSpilling(SpillingCorpus corpus, ITestOutputHelper output)
    : RandomQueryTests(corpus, output), IClassFixture<SpillingCorpus>
{
    protected override int DefaultQueries => 600;
}
