using Cql.Engine.Generation;
using Cql.Engine.Session;
using Cql.Engine.Storage;
using Cql.Tests.Execution;
using DuckDB.NET.Data;

namespace Cql.Tests.Support;

/// <summary>
/// A corpus made by `cql gen` (every table, Zipf speakers, eleven languages, partial and missing dates), a session
/// on it, and DuckDB views with the table names over the same Parquet files: the two sides of a differential test.
/// </summary>
public sealed class GeneratedCorpus : IDisposable
{
    readonly TempDir _dir = new();
    public string Dir { get; }
    public CqlSession Session { get; }
    public DuckDBConnection Duck { get; }

    public GeneratedCorpus()
    {
        const int quotes = 6000, seed = 11;
        Dir = _dir.File("corpus");
        CorpusGenerator.RunAsync(new GenerateOptions(quotes, Dir, seed, Speakers: 400), null, CancellationToken.None).GetAwaiter().GetResult();
        Session = CqlSession.Open(Dir);
        Duck = new DuckDBConnection("DataSource=:memory:");
        Duck.Open();
        foreach (var t in CorpusSchema.Tables)
            Exec($"CREATE VIEW {t.Name} AS SELECT * FROM read_parquet('{Path.Combine(Dir, t.Name)}/**/*.parquet', hive_partitioning=true)");
    }

    public void Exec(string sql)
    {
        using var cmd = Duck.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>DuckDB's rows, rendered one line each (as <see cref="TestCorpus.Rows"/> renders the engine's).</summary>
    public List<string> DuckRows(string sql)
    {
        using var cmd = Duck.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            var cells = new string[r.FieldCount];
            for (int c = 0; c < cells.Length; c++) cells[c] = r.IsDBNull(c) ? "∅" : TestCorpus.Render(r.GetValue(c));
            rows.Add(string.Join('|', cells));
        }
        return rows;
    }

    /// <summary>The rows of the last statement of a script run through the session; fails on any error outcome.</summary>
    public List<string> CqlRows(string script)
    {
        List<string>? rows = null;
        foreach (var outcome in Session.Run(script, CancellationToken.None))
        {
            switch (outcome)
            {
                case ErrorOutcome e: throw new Xunit.Sdk.XunitException($"cql failed on {outcome.StatementText}:\n{e.Rendered}");
                case RowsOutcome r: rows = TestCorpus.Rows(r.Rows); break;
            }
        }
        return rows ?? throw new Xunit.Sdk.XunitException($"no rows from: {script}");
    }

    public void Dispose()
    {
        Duck.Dispose();
        Session.Dispose();
        _dir.Dispose();
    }
}
