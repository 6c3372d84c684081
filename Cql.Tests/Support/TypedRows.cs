using Cql.Engine.Core;
using Cql.Engine.Session;
using DuckDB.NET.Data;

namespace Cql.Tests.Support;

/// <summary>Result rows as values (string, long, double or null), for tests that compare numbers within a tolerance.</summary>
public static class TypedRows
{
    /// <summary>The rows of the last statement of <paramref name="script"/>; fails on any error outcome.</summary>
    public static List<object?[]> Cql(CqlSession session, string script)
    {
        List<object?[]>? rows = null;
        foreach (var outcome in session.Run(script, CancellationToken.None))
        {
            switch (outcome)
            {
                case ErrorOutcome e: throw new Xunit.Sdk.XunitException($"cql failed on {outcome.StatementText}:\n{e.Rendered}");
                case RowsOutcome r:
                    rows = [];
                    using (r.Rows)
                        while (r.Rows.MoveNext(CancellationToken.None))
                        {
                            var b = r.Rows.Current;
                            for (int i = 0; i < b.RowCount; i++)
                            {
                                var row = new object?[b.Columns.Count];
                                for (int c = 0; c < row.Length; c++)
                                {
                                    var v = b.Columns[c];
                                    row[c] = v.IsNull(i) ? null : v.Type switch
                                    {
                                        ColumnType.Int32 or ColumnType.Int64 => v.GetInt64(i),
                                        ColumnType.Float64 => v.GetFloat64(i),
                                        ColumnType.Bool => v.GetBool(i),
                                        _ => v.GetString(i).ToString(),
                                    };
                                }
                                rows.Add(row);
                            }
                        }
                    break;
            }
        }
        return rows ?? throw new Xunit.Sdk.XunitException($"no rows from: {script}");
    }

    /// <summary>DuckDB's rows with integers as long and other numbers as double.</summary>
    public static List<object?[]> Duck(DuckDBConnection db, string sql) =>
        [.. Support.Duck.Rows(db, sql).Select(r => r.Select(Normal).ToArray())];

    static object? Normal(object? v) => v switch
    {
        null or DBNull => null,
        string s => s,
        double d => d,
        float f => (double)f,
        decimal m => (double)m,
        System.Numerics.BigInteger b => (long)b,
        IConvertible c when v is sbyte or byte or short or ushort or int or uint or long or ulong => c.ToInt64(System.Globalization.CultureInfo.InvariantCulture),
        _ => v,
    };

    /// <summary>Asserts the same rows in the same order: text and integers equal, doubles within <paramref name="tolerance"/>
    /// (relative to the size of the value when it is above 1).</summary>
    public static void AssertSame(List<object?[]> expected, List<object?[]> actual, string what, double tolerance = 1e-9)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} rows expected, {actual.Count} found\nexpected: {Show(expected)}\nactual: {Show(actual)}");
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.True(expected[r].Length == actual[r].Length, $"{what}: row {r} has {actual[r].Length} columns, not {expected[r].Length}");
            for (int c = 0; c < expected[r].Length; c++)
            {
                object? e = expected[r][c], a = actual[r][c];
                bool same = (e, a) switch
                {
                    (double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x)),
                    (long x, double y) => Math.Abs(x - y) <= tolerance,
                    _ => Equals(e, a),
                };
                Assert.True(same, $"{what}: row {r} column {c}: expected {e}, found {a}\nexpected row: {string.Join(" | ", expected[r])}\nactual row: {string.Join(" | ", actual[r])}");
            }
        }
    }

    static string Show(List<object?[]> rows) => string.Join(" ; ", rows.Take(6).Select(r => string.Join(" | ", r)));
}
