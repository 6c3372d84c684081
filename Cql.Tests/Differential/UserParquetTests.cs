using Cql.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace Cql.Tests.Differential;

/// <summary>
/// A user's own Parquet files, written by DuckDB and by Parquet.Net (several row groups, nulls, every flat type our
/// reader gives), read with read "PATH" and checked against DuckDB's answer over the same file.
/// </summary>
public sealed class UserParquetTests(OutletNewsCorpus corpus) : IClassFixture<OutletNewsCorpus>
{
    const int Rows = 20_000;

    /// <summary>cql over the file "F", and DuckDB SQL over it as @F; whether the row order is part of the answer.</summary>
    public static TheoryData<string, string, bool> Queries => new()
    {
        { "read \"F\" | count by grp | order by grp", "SELECT grp, count(*) FROM @F GROUP BY grp ORDER BY grp NULLS LAST", true },
        { "read \"F\" where flag = true and x > 1000 | count", "SELECT count(*) FROM @F WHERE flag AND x > 1000", true },
        { "read \"F\" where name = \"name3\" and id >= 5000 | select id, big, x | order by id | limit 20",
          "SELECT id, big, x FROM @F WHERE name = 'name3' AND id >= 5000 ORDER BY id LIMIT 20", true },
        { "read \"F\" | group by name aggregate sum(x) as s, count() as n, min(big) as m, count_distinct(grp) as g | order by name",
          "SELECT name, sum(x), count(*), min(big), count(DISTINCT grp) FROM @F GROUP BY name ORDER BY name", true },
        { "read \"F\" where grp is null or x is null | count", "SELECT count(*) FROM @F WHERE grp IS NULL OR x IS NULL", true },
        { "read \"F\" where id < 300 | join \"F\" on big = big as o | select id, o.name | order by id",
          "SELECT a.id, o.name FROM @F a JOIN @F o ON a.big = o.big WHERE a.id < 300 ORDER BY a.id", true },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_file_written_by_duckdb_reads_as_duckdb_reads_it(string cql, string sql, bool ordered)
    {
        var path = Path.Combine(corpus.Files, "duck.parquet");
        if (!File.Exists(path))
            Duck.Rows($"""
                COPY (SELECT i::INTEGER AS id, i * 1000000007 AS big, 'name' || (i % 7) AS name,
                             CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(i AS DOUBLE) / 4 END AS x, i % 3 = 0 AS flag,
                             CASE WHEN i % 4 = 0 THEN NULL ELSE 'g' || (i % 13) END AS grp
                      FROM range(0, {Rows}) t(i)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 4096)
                """);
        Compare(path, cql, sql, ordered);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_file_written_by_parquet_net_reads_as_duckdb_reads_it(string cql, string sql, bool ordered)
    {
        var path = Path.Combine(corpus.Files, "parquetnet.parquet");
        if (!File.Exists(path)) await WriteWithParquetNet(path);
        Compare(path, cql, sql, ordered);
    }

    void Compare(string path, string cql, string sql, bool ordered)
    {
        var ours = corpus.Rows(cql.Replace("\"F\"", $"\"{path}\""));
        using var duck = Duck.Open();
        var theirs = Duck.Rendered(duck, sql.Replace("@F", $"read_parquet('{path}')"));
        if (!ordered) { ours.Sort(StringComparer.Ordinal); theirs.Sort(StringComparer.Ordinal); }
        Assert.Equal(theirs, ours);
    }

    static async Task WriteWithParquetNet(string path)
    {
        var id = new DataField<int>("id");
        var big = new DataField<long>("big");
        var name = new DataField<string>("name", false);
        var x = new DataField<double?>("x");
        var flag = new DataField<bool>("flag");
        var grp = new DataField<string>("grp", true);
        var tmp = path + ".tmp";
        await using (var fs = File.Create(tmp))
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(id, big, name, x, flag, grp), fs))
        {
            const int group = 6000;
            for (int start = 0; start < Rows; start += group)
            {
                int n = Math.Min(group, Rows - start);
                var ids = new int[n];
                var bigs = new long[n];
                var names = new string[n];
                var xs = new double?[n];
                var flags = new bool[n];
                var grps = new string?[n];
                for (int k = 0; k < n; k++)
                {
                    int i = start + k;
                    ids[k] = i;
                    bigs[k] = i * 1_000_000_007L;
                    names[k] = "name" + i % 7;
                    xs[k] = i % 5 == 0 ? null : i / 4.0;
                    flags[k] = i % 3 == 0;
                    grps[k] = i % 4 == 0 ? null : "g" + i % 13;
                }
                using var rg = w.CreateRowGroup();
                await rg.WriteAsync<int>(id, ids, null, null, default);
                await rg.WriteAsync<long>(big, bigs, null, null, default);
                await rg.WriteAsync(name, (IReadOnlyCollection<string>)names, null);
                await rg.WriteAsync<double>(x, (ReadOnlyMemory<double?>)xs, null, null, default);
                await rg.WriteAsync<bool>(flag, flags, null, null, default);
                await rg.WriteAsync(grp, (IReadOnlyCollection<string>)grps!, null);
            }
        }
        File.Move(tmp, path, overwrite: true);
    }
}
