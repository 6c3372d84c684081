using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using DuckDB.NET.Data;
using System.Globalization;
using System.Text;

namespace Cql.Tests.Execution;

/// <summary>
/// A small corpus written by DuckDB (row groups of 1000 rows) with quotes, docs and sentences, and helpers that run
/// the same question through the engine and through DuckDB so tests compare the two (differential testing).
/// </summary>
public sealed class TestCorpus : IDisposable
{
    readonly TempDir _dir = new();
    public string Dir => _dir.Path;
    public CorpusFiles Files { get; }
    public DuckDBConnection Duck { get; }

    /// <summary>Rows in the quotes table: five files of 4096 rows, each two row groups of 2048 (DuckDB's smallest).</summary>
    public const int QuoteRows = 20_480;

    public TestCorpus()
    {
        Duck = new DuckDBConnection("DataSource=:memory:");
        Duck.Open();
        Exec("SET threads = 1"); // row groups exactly as asked, in order
        Directory.CreateDirectory(Path.Combine(Dir, "quotes"));
        Directory.CreateDirectory(Path.Combine(Dir, "docs"));
        Directory.CreateDirectory(Path.Combine(Dir, "sentences"));
        // Quotes sorted by quote_id, so min/max statistics of a row group are tight; speakers repeat (a dictionary
        // column), every 7th has none; a few texts mention "Samarbeid" in varying case and inside other words.
        Exec($"""
            CREATE TABLE quotes AS SELECT
              i::INT AS quote_id, (i // 10)::INT AS doc_id, (i // 3)::INT AS sent_id,
              CASE WHEN i % 97 = 0 THEN 'Vi trenger mer SAMARBEID nå, sa hun.'
                   WHEN i % 89 = 0 THEN 'Et samarbeidsavtale ble signert i ' || i::VARCHAR
                   ELSE 'Quote number ' || i::VARCHAR || ' about the economy' END AS text,
              CASE WHEN i % 7 = 0 THEN NULL ELSE ['Xi Jinping','Vladimir Putin','Jonas Gahr Støre','Ulf Kristersson','Giorgia Meloni'][1 + (i % 5)::INT] END AS speaker,
              CASE WHEN i % 3 = 0 THEN 'said' ELSE NULL END AS cue,
              ['no','sv','de','it'][1 + ((i // 13) % 4)::INT] AS lang,
              (i % 11)::INT AS score
            FROM range({QuoteRows}) t(i)
            """);
        for (int f = 0; f < 5; f++)
            Exec($"COPY (SELECT * FROM quotes WHERE quote_id >= {f * 4096} AND quote_id < {(f + 1) * 4096} ORDER BY quote_id) TO '{Path.Combine(Dir, "quotes", $"part-{f:D5}.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        Exec("""
            CREATE TABLE docs AS SELECT i::INT AS doc_id, ['no','sv','de','it'][1 + (i % 4)::INT] AS lang,
              CASE WHEN i % 5 = 0 THEN NULL ELSE '202' || (i % 4)::VARCHAR || '-0' || (1 + i % 9)::VARCHAR END AS date,
              'Title ' || i::VARCHAR AS title
            FROM range(2040) t(i)
            """); // docs 2040..2047 are missing on purpose: their quotes get nulls
        Exec($"COPY docs TO '{Path.Combine(Dir, "docs", "part-00000.parquet")}' (FORMAT parquet)");
        Exec("""
            CREATE TABLE sentences AS SELECT * FROM (VALUES
              (1, 10, 'Xi Jinping and Vladimir Putin met in Moscow on Tuesday.'),
              (1, 11, 'The two leaders praised their close cooperation, said the Kremlin.'),
              (2, 20, 'Putin, speaking in Moscow, said cooperation with China is strong.'),
              (2, 21, 'Nothing about the meeting was cooperative.'),
              (3, 30, 'Moscow. Moscow again: cooperation in Moscow!')
            ) v(doc_id, sent_id, text)
            """);
        Exec($"COPY (SELECT doc_id::INT AS doc_id, sent_id::INT AS sent_id, text FROM sentences) TO '{Path.Combine(Dir, "sentences", "part-00000.parquet")}' (FORMAT parquet)");
        Files = CorpusFiles.FromFolder(Dir);
    }

    public void Exec(string sql)
    {
        using var cmd = Duck.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>DuckDB's answer, one rendered line per row.</summary>
    public List<string> DuckRows(string sql) => Support.Duck.Rendered(Duck, sql);

    /// <summary>The engine's answer, rendered like <see cref="DuckRows"/>.</summary>
    public static List<string> Rows(IBatchStream stream)
    {
        var rows = new List<string>();
        using (stream)
            while (stream.MoveNext(CancellationToken.None))
            {
                var b = stream.Current;
                for (int r = 0; r < b.RowCount; r++)
                {
                    var sb = new StringBuilder();
                    for (int c = 0; c < b.Columns.Count; c++)
                    {
                        if (c > 0) sb.Append('|');
                        var v = b.Columns[c];
                        sb.Append(v.IsNull(r) ? "∅" : v.Type switch
                        {
                            ColumnType.Int32 => Render(v.GetInt32(r)),
                            ColumnType.Int64 => Render(v.GetInt64(r)),
                            ColumnType.Float64 => Render(v.GetFloat64(r)),
                            ColumnType.Bool => Render(v.GetBool(r)),
                            _ => v.GetString(r).ToString(),
                        });
                    }
                    rows.Add(sb.ToString());
                }
            }
        return rows;
    }

    public static string Render(object v) => v switch
    {
        double d => Math.Round(d, 6).ToString(CultureInfo.InvariantCulture),
        float f => Math.Round((double)f, 6).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>A read_parquet over one table of this corpus, for DuckDB queries.</summary>
    public string Table(string table) => $"read_parquet('{Path.Combine(Dir, table)}/**/*.parquet', hive_partitioning=true)";

    public void Dispose()
    {
        Duck.Dispose();
        _dir.Dispose();
    }
}
