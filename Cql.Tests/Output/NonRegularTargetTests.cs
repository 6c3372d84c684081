using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using Cql.Tests.Support;
using System.Diagnostics;

namespace Cql.Tests.Output;

/// <summary>Exports to what is not a regular file: a pipe or a device is written through and stays what it was;
/// a folder is refused. A regular file keeps the atomic write and its provenance.</summary>
public class NonRegularTargetTests
{
    static readonly ResultColumn[] Cols = [new("n", ColumnType.Int32)];
    static readonly Provenance Prov = new("q", "h", "/c", "0.1.0", DateTimeOffset.UnixEpoch);

    static MemoryRows Numbers(int count) => new(Cols, Enumerable.Range(0, count).Select(i => new object?[] { i }).ToList(), batchSize: 100);

    static string MakeFifo(TempDir d, string name)
    {
        var path = d.File(name);
        using var p = Process.Start("mkfifo", path)!;
        Assert.True(p.WaitForExit(10_000) && p.ExitCode == 0, "mkfifo failed");
        return path;
    }

    [Fact]
    public void File_kinds_are_told_apart()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/null and stat as on Linux
        using var d = new TempDir();
        Assert.Equal(FileKind.RegularFile, FileKinds.Of(d.Write("a.csv", "x")));
        Assert.Equal(FileKind.Missing, FileKinds.Of(d.File("none.csv")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(d.Path));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(MakeFifo(d, "pipe")));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public async Task A_fifo_delivers_every_row_to_its_reader_and_stays_a_fifo()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/null and stat as on Linux
        using var d = new TempDir();
        var fifo = MakeFifo(d, "rows.csv");
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var n = ResultWriter.Export(Numbers(5000), fifo, OutputFormat.Csv, Prov, CancellationToken.None);
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5000, n);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5001, lines.Length);
        Assert.Equal("4999", lines[^1]);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        // No temporary file, no rename, no sidecar.
        Assert.Equal([fifo], Directory.GetFileSystemEntries(d.Path));
    }

    [Fact]
    public async Task Parquet_goes_through_a_fifo_whole()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/null and stat as on Linux
        using var d = new TempDir();
        var fifo = MakeFifo(d, "rows.parquet");
        var reader = Task.Run(() => File.ReadAllBytes(fifo));
        ResultWriter.Export(Numbers(1000), fifo, OutputFormat.Parquet, Prov, CancellationToken.None);
        var copy = d.Write("copy.parquet", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal(1000L, Duck.Count($"SELECT count(*) FROM read_parquet('{copy}')"));
    }

    [Fact]
    public async Task Waiting_for_a_fifo_reader_ends_when_cancelled()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/null and stat as on Linux
        using var d = new TempDir();
        var fifo = MakeFifo(d, "nobody-reads.csv");
        foreach (var format in new[] { OutputFormat.Csv, OutputFormat.Parquet })
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => ResultWriter.Export(Numbers(10), fifo, format, Prov, cts.Token));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{format}: waited {clock.Elapsed}");
            Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
            // A reader at last: the abandoned open completes and is closed, so no thread stays blocked in it.
            Assert.Empty(await Task.Run(() => File.ReadAllBytes(fifo)).WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public void Dev_null_stays_a_character_device_without_a_sidecar()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/null and stat as on Linux
        var n = ResultWriter.Export(Numbers(10), "/dev/null", OutputFormat.Tsv, Prov, CancellationToken.None);
        Assert.Equal(10, n);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.False(File.Exists("/dev/null.meta.json"));
    }

    [Fact]
    public void A_link_to_a_file_stays_a_link_and_its_target_gets_the_rows()
    {
        using var d = new TempDir();
        var target = d.Write("reports/2026.csv", "old");
        var link = d.File("latest.csv");
        File.CreateSymbolicLink(link, target);
        ResultWriter.Export(Numbers(3), link, OutputFormat.Csv, Prov, CancellationToken.None);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("n\n0\n1\n2\n", File.ReadAllText(target));
        Assert.True(File.Exists(target + ".meta.json"));
    }

    [Fact]
    public void A_folder_is_refused_and_left_as_it_was()
    {
        using var d = new TempDir();
        var folder = Directory.CreateDirectory(d.File("out.csv")).FullName;
        var e = Assert.Throws<IOException>(() => ResultWriter.Export(Numbers(3), folder, OutputFormat.Csv, Prov, CancellationToken.None));
        Assert.Contains("is a folder", e.Message);
        Assert.True(Directory.Exists(folder));
        Assert.Single(Directory.GetFileSystemEntries(d.Path));
    }
}
