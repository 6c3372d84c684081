using Cql.Engine.Core;
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
public class GeneratedCorpus : IDisposable
{
    readonly TempDir _dir = new();
    public string Dir { get; }
    public CqlSession Session { get; }
    public DuckDBConnection Duck { get; }

    public GeneratedCorpus() : this(relaid: false) { }

    /// <param name="relaid">Rewrite the tables with DuckDB's Parquet writer in another layout (see
    /// <see cref="RelaidCorpus"/>) before opening the session.</param>
    protected GeneratedCorpus(bool relaid)
    {
        const int quotes = 6000, seed = 11;
        Dir = _dir.File("corpus");
        CorpusGenerator.RunAsync(new GenerateOptions(quotes, Dir, seed, Speakers: 400), null, CancellationToken.None).GetAwaiter().GetResult();
        Duck = new DuckDBConnection("DataSource=:memory:");
        Duck.Open();
        // DuckDB 1.5's rewrite of row_number() … <= N into a top-N fails with an INTERNAL error ("Failed to cast
        // expression to type") on some filtered QUALIFY queries the random generator writes (limit … by): the
        // oracle runs without that rewrite, which changes no answer.
        Exec("SET disabled_optimizers = 'top_n_window_elimination'");
        if (relaid) Relayout();
        // The SQL side compares dates as CQL does, as ISO text of their precision: the DATE column cut to its
        // precision column, as a DuckDB user would write it.
        foreach (var t in CorpusSchema.Tables)
        {
            var dates = string.Join(", ", t.Columns.Where(c => c.Type == ColumnType.Date).Select(c => $"{DateAsText(c.Name)} AS {c.Name}"));
            Exec($"CREATE VIEW {t.Name} AS SELECT * {(dates.Length > 0 ? $"REPLACE ({dates}) " : "")}FROM read_parquet('{Path.Combine(Dir, t.Name)}/**/*.parquet', hive_partitioning=true)");
        }
        Session = CqlSession.Open(Dir);
    }

    /// <summary>
    /// Quotes sorted by speaker and cut into two files of 2,048-row groups (DuckDB's smallest: statistics then prune,
    /// and the parallel scan must keep file order); docs Hive-partitioned by lang (the column lives in the folder
    /// names); sentences in 2,048-row groups, newest documents first. All written by DuckDB, so the reader meets
    /// another writer's encodings.
    /// </summary>
    void Relayout()
    {
        var manifest = CorpusManifest.Load(Dir);
        Exec("SET threads = 1"); // row groups exactly as asked
        void Rewrite(string table, Func<string, List<string>> write)
        {
            var old = Path.Combine(Dir, table);
            var staged = Path.Combine(Dir, "." + table + "-old");
            Directory.Move(old, staged);
            Exec($"CREATE TABLE {table}_src AS SELECT * FROM read_parquet('{staged}/**/*.parquet')");
            Directory.CreateDirectory(old);
            manifest.Tables[table].Files = write(old);
            Exec($"DROP TABLE {table}_src");
            Directory.Delete(staged, recursive: true);
        }
        Rewrite("quotes", dir =>
        {
            var files = new List<string>();
            for (int f = 0; f < 2; f++)
            {
                var path = Path.Combine(dir, $"part-{f}.parquet");
                Exec($"COPY (SELECT * FROM quotes_src WHERE quote_id % 2 = {f} ORDER BY speaker NULLS FIRST, quote_id) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
                files.Add($"quotes/part-{f}.parquet");
            }
            return files;
        });
        Rewrite("docs", dir =>
        {
            Exec($"COPY (SELECT * FROM docs_src ORDER BY doc_id) TO '{dir}' (FORMAT parquet, PARTITION_BY (lang), OVERWRITE_OR_IGNORE)");
            return [.. Directory.GetFiles(dir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(p => Path.GetRelativePath(Dir, p).Replace('\\', '/'))];
        });
        Rewrite("sentences", dir =>
        {
            Exec($"COPY (SELECT * FROM sentences_src ORDER BY doc_id DESC, sent_id) TO '{Path.Combine(dir, "s.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
            return ["sentences/s.parquet"];
        });
        manifest.Save(Dir);
        Exec("RESET threads");
    }

    /// <summary>A corpus date (DATE and its precision column) as the ISO text CQL shows.</summary>
    public static string DateAsText(string column) =>
        $"CASE {DatePrecision.ColumnOf(column)} WHEN 'year' THEN strftime({column}, '%Y') WHEN 'month' THEN strftime({column}, '%Y-%m') "
        + $"WHEN 'day' THEN strftime({column}, '%Y-%m-%d') END";

    public void Exec(string sql)
    {
        using var cmd = Duck.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>DuckDB's rows, rendered one line each (as <see cref="TestCorpus.Rows"/> renders the engine's).</summary>
    public List<string> DuckRows(string sql) => Support.Duck.Rendered(Duck, sql);

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
        GC.SuppressFinalize(this);
    }
}

/// <summary>The generated corpus re-laid out and re-written by DuckDB: sorted, partitioned, small row groups.</summary>
public sealed class RelaidCorpus : GeneratedCorpus
{
    public RelaidCorpus() : base(relaid: true) { }
}

/// <summary>The generated corpus with a session whose budget is tiny (7 groups, 16 KB of sorted rows), so groupings
/// and full sorts spill to temporary files.</summary>
public sealed class SpillingCorpus : GeneratedCorpus
{
    public SpillingCorpus() => Session.Budget = new Cql.Engine.Execution.ExecutionBudget(1 << 16, GroupsBeforeSpill: 7, SortBytes: 16_384);
}
