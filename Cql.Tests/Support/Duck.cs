using DuckDB.NET.Data;
using System.Globalization;

namespace Cql.Tests.Support;

/// <summary>DuckDB as the tests use it: the oracle that reads our Parquet files without our code.</summary>
public static class Duck
{
    public static DuckDBConnection Open()
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        return db;
    }

    /// <summary>The rows of a query on a fresh in-memory DuckDB; SQL NULL is null.</summary>
    public static List<object?[]> Rows(string sql)
    {
        using var db = Open();
        return Rows(db, sql);
    }

    public static List<object?[]> Rows(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The one value of a query (a count), as a long.</summary>
    public static long Count(string sql) => Convert.ToInt64(Rows(sql).Single()[0], CultureInfo.InvariantCulture);

    /// <summary>Each row rendered as one line, cells joined by '|', NULL as ∅, doubles to 6 places — the way
    /// <see cref="Execution.TestCorpus.Rows"/> renders the engine's rows, so the two compare as strings.</summary>
    public static List<string> Rendered(DuckDBConnection db, string sql) =>
        Rows(db, sql).ConvertAll(row => string.Join('|', row.Select(v => v is null ? "∅" : Execution.TestCorpus.Render(v))));
}
