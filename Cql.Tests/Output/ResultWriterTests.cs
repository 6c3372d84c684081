using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using Cql.Tests.Support;
using System.Text;
using System.Text.Json;

namespace Cql.Tests.Output;

public class ResultWriterTests
{
    static readonly ResultColumn[] Cols = [new("speaker", ColumnType.String), new("n", ColumnType.Int32), new("share", ColumnType.Float64)];
    static readonly object?[][] Rows =
    [
        ["Xi Jinping", 3, 0.5],
        ["Putin, Vladimir", 2, 0.25],
        [null, 1, 0.125],
        ["He said \"no\"\nthen left", 0, 1.0],
    ];

    static string Render(OutputFormat f, TableStyle? style = null)
    {
        using var ms = new MemoryStream();
        ResultWriter.Write(new MemoryRows(Cols, Rows, batchSize: 2), f, ms, style ?? new TableStyle(), CancellationToken.None);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Csv_quotes_as_rfc4180_and_ends_lines_in_lf_unless_crlf_is_asked_for()
    {
        var csv = Render(OutputFormat.Csv);
        Assert.Equal("speaker,n,share\nXi Jinping,3,0.5\n\"Putin, Vladimir\",2,0.25\n,1,0.125\n\"He said \"\"no\"\"\nthen left\",0,1\n", csv);
        using var ms = new MemoryStream();
        ResultWriter.Write(new MemoryRows(Cols, Rows, batchSize: 2), OutputFormat.Csv, ms, new TableStyle(), CancellationToken.None, crlf: true);
        // RFC 4180 ends records in CR LF; a newline inside a quoted value stays as it was.
        Assert.Equal("speaker,n,share\r\nXi Jinping,3,0.5\r\n\"Putin, Vladimir\",2,0.25\r\n,1,0.125\r\n\"He said \"\"no\"\"\nthen left\",0,1\r\n",
            Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void Jsonl_is_one_object_per_row_keyed_by_column_and_json_is_an_array()
    {
        var lines = Render(OutputFormat.Jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("Xi Jinping", first.RootElement.GetProperty("speaker").GetString());
            Assert.Equal(3, first.RootElement.GetProperty("n").GetInt32());
        }
        using (var third = JsonDocument.Parse(lines[2])) Assert.Equal(JsonValueKind.Null, third.RootElement.GetProperty("speaker").ValueKind);

        using var arr = JsonDocument.Parse(Render(OutputFormat.Json));
        Assert.Equal(4, arr.RootElement.GetArrayLength());
        Assert.Equal("He said \"no\"\nthen left", arr.RootElement[3].GetProperty("speaker").GetString());
    }

    [Fact]
    public void Table_aligns_numbers_and_says_when_rows_are_not_shown()
    {
        var t = Render(OutputFormat.Table, new TableStyle(MaxRows: 2));
        var lines = t.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("speaker", lines[0]);
        Assert.Equal(2 + 2 + 1, lines.Length); // header, rule, 2 rows, footer
        Assert.Contains("2 more rows", lines[^1]);
        Assert.Equal(lines[2].IndexOf("3 ", StringComparison.Ordinal), lines[3].IndexOf("2 ", StringComparison.Ordinal)); // right-aligned counts
    }

    [Fact]
    public void Export_is_atomic_and_carries_provenance()
    {
        using var d = new TempDir();
        var target = d.Write("out.csv", "previous content");
        var prov = new Provenance("quotes | count", "abc123", "/c", "0.1.0", DateTimeOffset.UnixEpoch);

        // A query that fails halfway leaves the previous file untouched and no temp file behind.
        Assert.Throws<InvalidOperationException>(() => ResultWriter.Export(new FailingRows(), target, OutputFormat.Csv, prov, CancellationToken.None));
        Assert.Equal("previous content", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(d.Path));

        var n = ResultWriter.Export(new MemoryRows(Cols, Rows, batchSize: 2), target, OutputFormat.Csv, prov, CancellationToken.None);
        Assert.Equal(4, n);
        Assert.StartsWith("speaker,n,share", File.ReadAllText(target));
        using var meta = JsonDocument.Parse(File.ReadAllText(target + ".meta.json"));
        Assert.Equal("quotes | count", meta.RootElement.GetProperty("cql.query").GetString());
        Assert.Equal("4", meta.RootElement.GetProperty("cql.rows").GetString());
    }

    [Fact]
    public async Task Parquet_export_opens_in_duckdb_with_the_provenance_in_its_metadata()
    {
        using var d = new TempDir();
        var path = d.File("r.parquet");
        ResultWriter.Export(new MemoryRows(Cols, Rows, batchSize: 2), path, OutputFormat.Parquet,
            new Provenance("quotes | count by speaker", "h1", "/c", "0.1.0", DateTimeOffset.UnixEpoch), CancellationToken.None);

        using var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        await db.OpenAsync();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT count(*), sum(n)::BIGINT, count(speaker) FROM read_parquet('{path}')";
        using (var r = await cmd.ExecuteReaderAsync())
        {
            Assert.True(r.Read());
            Assert.Equal(4L, r.GetInt64(0));
            Assert.Equal(6L, r.GetInt64(1));
            Assert.Equal(3L, r.GetInt64(2)); // the null speaker stays null
        }
        cmd.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'cql.query'";
        var q = await cmd.ExecuteScalarAsync();
        Assert.Equal("quotes | count by speaker", q is byte[] b ? Encoding.UTF8.GetString(b) : q?.ToString());
    }

    sealed class FailingRows : IBatchStream
    {
        readonly MemoryRows _inner = new(Cols, Rows, batchSize: 1);
        int _n;
        public IReadOnlyList<ResultColumn> Columns => Cols;
        public ColumnBatch Current => _inner.Current;
        public bool MoveNext(CancellationToken ct) => ++_n < 3 ? _inner.MoveNext(ct) : throw new InvalidOperationException("disk on fire");
        public void Dispose() { }
    }
}
