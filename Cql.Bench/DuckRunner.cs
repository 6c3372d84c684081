using DuckDB.NET.Data;
using System.Diagnostics;

namespace Cql.Bench;

/// <summary>Runs one SQL query in DuckDB over the corpus files and writes the rows as CSV to stdout (like cql does).</summary>
public static class DuckRunner
{
    const string Usage = "usage: Cql.Bench duck --corpus DIR SQL";

    public static int Run(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        return Run(args, stdout, Console.Error);
    }

    /// <summary>Runs `duck --corpus DIR SQL` (the arguments after "duck"): 0 with the rows on <paramref name="output"/>,
    /// or a one-line message on <paramref name="error"/> and cql's exit codes — 2 for a usage error, 3 when DIR is not
    /// a corpus or cannot be read, 1 when DuckDB rejects the query.</summary>
    public static int Run(string[] args, Stream output, TextWriter error)
    {
        if (args.Length != 3 || args[0] != "--corpus")
        {
            error.WriteLine(Usage);
            return 2;
        }
        string corpus = args[1], sql = args[2];
        try
        {
            var m = Cql.Engine.Storage.CorpusManifest.Load(corpus);
            foreach (var t in new[] { "quotes", "docs", "sentences", "tokens", "paragraphs", "mentions", "entities" })
                sql = sql.Replace("{" + t + "}", $"read_parquet([{string.Join(", ", m.FilesOf(corpus, t).Select(f => $"'{f}'"))}])");
            return Query(sql, output, error);
        }
        catch (Exception e) when (e is Cql.Engine.Storage.CorpusException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cql.Bench duck: {e.Message}");
            return 3;
        }
        catch (DuckDBException e)
        {
            error.WriteLine($"Cql.Bench duck: {e.Message}");
            return 1;
        }
    }

    static int Query(string sql, Stream output, TextWriter error)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        using var w = new StreamWriter(output, leaveOpen: true);
        for (int i = 0; i < r.FieldCount; i++) { if (i > 0) w.Write(','); w.Write(r.GetName(i)); }
        w.WriteLine();
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++) { if (i > 0) w.Write(','); w.Write(Cell(r, i)); }
            w.WriteLine();
        }
        w.Flush();
        error.WriteLine($"peak_rss_kb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024}");
        return 0;
    }

    // A cell as cql writes it in CSV: true/false in lower case (.NET writes True/False).
    static string Cell(DuckDBDataReader r, int i) =>
        r.IsDBNull(i) ? "" : r.GetValue(i) is bool b ? (b ? "true" : "false") : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
