using Cql.Engine.Core;
using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>Partition folders, files written by Parquet.Net, and damaged files.</summary>
public sealed class StorageEdgeTests
{
    [Fact]
    public void Partition_column_comes_from_the_folder_name_and_prunes_whole_files()
    {
        using var dir = new TempDir();
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using (var cmd = duck.CreateCommand())
        {
            cmd.CommandText = $"""
                COPY (SELECT i::INT AS quote_id, ['de','sv','no'][1 + (i % 3)::INT] AS lang, 'q' || i::VARCHAR AS text FROM range(3000) t(i))
                TO '{dir.File("quotes")}' (FORMAT parquet, PARTITION_BY (lang), ROW_GROUP_SIZE 500)
                """;
            cmd.ExecuteNonQuery();
        }
        var files = CorpusFiles.FromFolder(dir.Path);
        Assert.Contains(files.Of("quotes"), p => p.Contains("lang=sv", StringComparison.Ordinal));

        var scan = new Scan("quotes", [new("quote_id", ColumnType.Int32), new("lang", ColumnType.String)]);
        var plan = Optimizer.Optimize(new Filter(scan, new InList(Str("lang"), [L("sv"), L("no")])));
        var rows = TestCorpus.Rows(PhysicalPlanner.Execute(plan, files));
        Assert.Equal(2000, rows.Count);
        Assert.All(rows, r => Assert.True(r.EndsWith("|sv", StringComparison.Ordinal) || r.EndsWith("|no", StringComparison.Ordinal)));
        Assert.Contains("1|sv", rows);

        var explain = PhysicalPlanPrinter.Print(plan, files);
        Assert.Matches(@"row groups: (\d+) of (\d+) kept", explain);
        var m = System.Text.RegularExpressions.Regex.Match(explain, @"row groups: (\d+) of (\d+) kept");
        Assert.True(int.Parse(m.Groups[1].Value) < int.Parse(m.Groups[2].Value), explain);
    }

    [Fact]
    public async Task Reads_files_written_by_parquet_net_with_required_and_optional_columns()
    {
        using var dir = new TempDir();
        var id = new DataField<int>("doc_id");
        var title = new DataField<string>("title", true);
        var source = new DataField<string>("source", false);
        var path = dir.File("docs/part-00000.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var fs = File.Create(path))
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(id, title, source), fs))
        using (var rg = w.CreateRowGroup())
        {
            await rg.WriteAsync<int>(id, new[] { 1, 2, 3 }, null, null, default);
            await rg.WriteAsync(title, (IReadOnlyCollection<string>)new string?[] { "Xi i Moskva", null, "Putin" }!, null);
            await rg.WriteAsync(source, (IReadOnlyCollection<string>)new[] { "a.txt", "b.txt", "c.txt" }, null);
        }
        var plan = new Filter(Scan.Of(CorpusSchema.Docs, "doc_id", "title", "source"), new Not(new IsNull(Str("title"))));
        var rows = Run(plan, CorpusFiles.FromFolder(dir.Path));
        Assert.Equal(["1|Xi i Moskva|a.txt", "3|Putin|c.txt"], rows);
    }

    [Fact]
    public void A_truncated_file_raises_CorpusReadException_naming_the_file()
    {
        using var corpus = new TestCorpus();
        var victim = corpus.Files.Of("quotes")[2];
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CorpusReadException>(() => Run(Quotes(), corpus.Files));
        Assert.Equal(victim, e.FilePath);
    }

    [Fact]
    public void A_corrupt_column_chunk_raises_CorpusReadException()
    {
        using var corpus = new TestCorpus();
        var victim = corpus.Files.Of("quotes")[1];
        var bytes = File.ReadAllBytes(victim);
        // Scribble over the data pages but keep the footer intact, so the damage shows when rows are read.
        for (int i = 4; i < bytes.Length / 2; i += 3) bytes[i] = (byte)(bytes[i] ^ 0x5A);
        File.WriteAllBytes(victim, bytes);
        var e = Assert.Throws<CorpusReadException>(() => Run(Select(Quotes(), "quote_id", "text"), corpus.Files));
        Assert.Equal(victim, e.FilePath);
    }

    [Fact]
    public void Cancellation_stops_between_batches()
    {
        using var corpus = new TestCorpus();
        using var stream = PhysicalPlanner.Execute(Optimizer.Optimize(Quotes()), corpus.Files);
        using var cts = new CancellationTokenSource();
        Assert.True(stream.MoveNext(cts.Token));
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => stream.MoveNext(cts.Token));
    }
}
