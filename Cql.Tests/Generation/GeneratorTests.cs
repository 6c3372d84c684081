using Cql.Engine.Core;
using Cql.Engine.Storage;
using Cql.Tests.Support;
using DuckDB.NET.Data;

namespace Cql.Tests.Generation;

/// <summary>`cql gen` as a benchmark author relies on it: the same seed gives the same corpus in every run, and the
/// corpus has exactly the tables and columns of an ingested one.</summary>
public class GeneratorTests
{
    static string Digest(DuckDBConnection db, string dir, string table)
    {
        using var cmd = db.CreateCommand();
        // Order-independent digest of every row of the table.
        cmd.CommandText = $"SELECT count(*), coalesce(sum(hash(t)), 0) FROM read_parquet('{Path.Combine(dir, table)}/**/*.parquet') t";
        using var r = cmd.ExecuteReader();
        r.Read();
        return $"{r.GetValue(0)}:{r.GetValue(1)}";
    }

    [Fact]
    public void The_same_seed_gives_the_same_corpus_in_separate_runs_and_another_seed_another()
    {
        using var d = new TempDir();
        foreach (var (dir, seed) in new[] { ("a", "5"), ("b", "5"), ("c", "6") })
        {
            var r = CqlProcess.Run(null, "gen", "--quotes", "1500", "--out", d.File(dir), "--seed", seed);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        foreach (var t in CorpusSchema.Tables)
            Assert.Equal(Digest(db, d.File("a"), t.Name), Digest(db, d.File("b"), t.Name));
        Assert.NotEqual(Digest(db, d.File("a"), "quotes"), Digest(db, d.File("c"), "quotes"));
    }

    [Fact]
    public void A_generated_corpus_has_the_schema_of_an_ingested_one_and_the_quotes_asked_for()
    {
        using var d = new TempDir();
        var r = CqlProcess.Run(null, "gen", "--quotes", "2345", "--out", d.File("g"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var manifest = CorpusManifest.Load(d.File("g"));
        Assert.Equal(2345, manifest.Tables["quotes"].Rows);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        foreach (var t in CorpusSchema.Tables)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{d.File("g")}/{t.Name}/**/*.parquet')";
            using var rd = cmd.ExecuteReader();
            var cols = new List<string>();
            while (rd.Read()) cols.Add(rd.GetString(0));
            Assert.Equal(t.Columns.Select(c => c.Name), cols);
        }
    }
}
