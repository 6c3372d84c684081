using DuckDB.NET.Data;
using System.Diagnostics;

namespace Cql.Bench;

/// <summary>Runs one SQL query in DuckDB over the corpus files and writes the rows as CSV to stdout (like cql does).</summary>
public static class DuckRunner
{
    public static int Run(string[] args)
    {
        string corpus = args[Array.IndexOf(args, "--corpus") + 1];
        string sql = args[^1];
        var m = Cql.Engine.Storage.CorpusManifest.Load(corpus);
        foreach (var t in new[] { "quotes", "docs", "sentences", "tokens", "paragraphs", "mentions", "entities" })
            sql = sql.Replace("{" + t + "}", $"read_parquet([{string.Join(", ", m.FilesOf(corpus, t).Select(f => $"'{f}'"))}])");
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        using var w = new StreamWriter(Console.OpenStandardOutput());
        for (int i = 0; i < r.FieldCount; i++) { if (i > 0) w.Write(','); w.Write(r.GetName(i)); }
        w.WriteLine();
        long n = 0;
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++) { if (i > 0) w.Write(','); w.Write(Cell(r, i)); }
            w.WriteLine();
            n++;
        }
        w.Flush();
        Console.Error.WriteLine($"peak_rss_kb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024}");
        return 0;
    }

    // A cell as cql writes it in CSV: true/false in lower case (.NET writes True/False).
    static string Cell(DuckDBDataReader r, int i) =>
        r.IsDBNull(i) ? "" : r.GetValue(i) is bool b ? (b ? "true" : "false") : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
