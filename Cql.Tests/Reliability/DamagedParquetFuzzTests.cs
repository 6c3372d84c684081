using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Execution;
using Cql.Tests.Support;
using System.Globalization;

namespace Cql.Tests.Reliability;

/// <summary>
/// Random damage to Parquet files from each writer and codec — truncation, flipped bytes, overwritten runs, a
/// scribbled footer — read through the engine's scan: every read either succeeds or raises CorpusReadException
/// naming the file (exit 3), never another exception, a hang or a runaway allocation. Replay one case with
/// CQL_DAMAGE_SEED=N; CQL_DAMAGE_CASES sets how many a file (default 120).
/// </summary>
public sealed class DamagedParquetFuzzTests
{
    const string Table = """
        SELECT i::INT AS id, (i * 7919)::BIGINT AS big, CASE WHEN i % 13 = 0 THEN NULL ELSE i / 7.0 END AS x,
          (i % 3 = 0) AS flag, CASE WHEN i % 5 = 0 THEN NULL ELSE ['no','sv','de','it'][1 + (i % 4)::INT] END AS lang,
          'tekst ' || i::VARCHAR || repeat('æ', (i % 17)::INT) AS text
        FROM range(6000) t(i)
        """;

    static readonly Scan All = new("quotes", [
        new("id", ColumnType.Int32), new("big", ColumnType.Int64), new("x", ColumnType.Float64), new("flag", ColumnType.Bool),
        new("lang", ColumnType.String), new("text", ColumnType.String)]);

    // A predicate makes the scan prune by statistics and read the text of the surviving rows only.
    static readonly LogicalPlan Filtered = new Filter(All, new Compare(CompareOp.Gt, new ColumnRef("id", ColumnType.Int32), Literal.Of(4000)));

    [Theory]
    [InlineData("duckdb-snappy")]
    [InlineData("duckdb-zstd-v2")]
    [InlineData("duckdb-gzip")]
    [InlineData("duckdb-lz4")]
    [InlineData("v2-pages-zstd")]
    public async Task Random_damage_raises_CorpusReadException_or_reads(string kind)
    {
        using var dir = new TempDir();
        var path = dir.File("quotes/part-00000.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "v2-pages-zstd": V2PageWriter.Write(path, ParquetCodec.Zstd, [3000, 2500]); break;
            default:
            {
                var options = kind switch
                {
                    "duckdb-snappy" => "COMPRESSION snappy",
                    "duckdb-zstd-v2" => "COMPRESSION zstd, PARQUET_VERSION V2",
                    "duckdb-lz4" => "COMPRESSION lz4_raw",
                    _ => "COMPRESSION gzip",
                };
                Duck.Rows($"COPY ({Table}) TO '{path}' (FORMAT parquet, {options}, ROW_GROUP_SIZE 2048)");
                break;
            }
        }
        var scan = kind == "v2-pages-zstd"
            ? new Scan("quotes", [new("id", ColumnType.Int32), new("name", ColumnType.String), new("note", ColumnType.String), new("score", ColumnType.Float64)])
            : All;
        LogicalPlan filtered = kind == "v2-pages-zstd"
            ? new Filter(scan, new Compare(CompareOp.Gt, new ColumnRef("id", ColumnType.Int32), Literal.Of(4000)))
            : Filtered;
        var original = File.ReadAllBytes(path);
        var files = CorpusFiles.FromFolder(dir.Path);
        Assert.NotEmpty(Q.Run(scan, files)); // intact, it reads

        int cases = int.TryParse(Environment.GetEnvironmentVariable("CQL_DAMAGE_CASES"), out var c) ? c : 120;
        int baseSeed = int.TryParse(Environment.GetEnvironmentVariable("CQL_DAMAGE_SEED"), out var s) ? s : Random.Shared.Next();
        int failedReads = 0;
        for (int i = 0; i < cases; i++)
        {
            int seed = unchecked(baseSeed + i * 7919);
            var (bytes, what) = Damage(original, new Random(seed));
            File.WriteAllBytes(path, bytes);
            foreach (var plan in new[] { scan, filtered })
            {
                try { await Task.Run(() => Q.Run(plan, files)).WaitAsync(TimeSpan.FromSeconds(30)); }
                catch (TimeoutException) { Assert.Fail($"{kind}: hung after {what} (CQL_DAMAGE_SEED={seed} CQL_DAMAGE_CASES=1)"); }
                catch (CorpusReadException e)
                {
                    Assert.Equal(path, e.FilePath);
                    failedReads++;
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"{kind}: {e.GetType().Name} after {what} (CQL_DAMAGE_SEED={seed} CQL_DAMAGE_CASES=1): {e}");
                }
            }
        }
        Assert.True(failedReads > 0, "no damage was noticed at all: the mutations do not reach the reader");
    }

    static (byte[] Bytes, string What) Damage(byte[] original, Random r)
    {
        var b = (byte[])original.Clone();
        int footerLength = BitConverter.ToInt32(original, original.Length - 8);
        int footerStart = original.Length - 8 - footerLength;
        switch (r.Next(5))
        {
            case 0:
            {
                int keep = r.Next(original.Length);
                return (b[..keep], $"truncation to {keep} bytes");
            }
            case 1:
            {
                int n = 1 + r.Next(4);
                for (int k = 0; k < n; k++) b[r.Next(4, footerStart)] ^= (byte)(1 << r.Next(8));
                return (b, $"{n} bit flips in the pages");
            }
            case 2:
            {
                int at = r.Next(4, footerStart), len = Math.Min(1 + r.Next(64), footerStart - at);
                r.NextBytes(b.AsSpan(at, len));
                return (b, $"{len} random bytes at {at.ToString(CultureInfo.InvariantCulture)}");
            }
            case 3:
            {
                int n = 1 + r.Next(3);
                for (int k = 0; k < n; k++) b[r.Next(footerStart, original.Length - 8)] = (byte)r.Next(256);
                return (b, $"{n} bytes of the footer overwritten");
            }
            default:
            {
                int len = r.Next(original.Length);
                BitConverter.TryWriteBytes(b.AsSpan(original.Length - 8), len);
                return (b, $"footer length set to {len}");
            }
        }
    }
}
