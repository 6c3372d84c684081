using Xunit.Abstractions;

namespace Cql.Tests.Fuzzing;

/// <summary>
/// Damaged Parquet from every writer at hand must end in a read or in an error that names the file, the column (or
/// the footer), the row group, the page and what was wrong — never a raw .NET message. A slice of 1,200 files a
/// run from a new seed (printed); CQL_PQ_FUZZ_FILES and CQL_PQ_FUZZ_SEED set the run (README: the 20,000-file run),
/// CQL_PQ_FUZZ_SOURCE keeps one source file.
/// </summary>
public sealed class ParquetDamageFuzzTests(ParquetDamageFuzzer fuzzer, ITestOutputHelper output) : IClassFixture<ParquetDamageFuzzer>
{
    [Fact]
    public void Damaged_files_read_or_fail_with_a_located_error()
    {
        int files = int.TryParse(Environment.GetEnvironmentVariable("CQL_PQ_FUZZ_FILES"), out var f) ? f : 1200;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CQL_PQ_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        int? source = int.TryParse(Environment.GetEnvironmentVariable("CQL_PQ_FUZZ_SOURCE"), out var k) ? k : null;
        var tally = fuzzer.Run(files, seed, source);
        output.WriteLine($"seed {seed}: {tally}");
        var report = Environment.GetEnvironmentVariable("CQL_PQ_FUZZ_REPORT");
        if (report is not null) File.WriteAllText(report, $"seed {seed}: {tally}\n{string.Join("\n", tally.Examples)}\n");
        Assert.True(tally.Raw + tally.Escaped + tally.OursUnlocated == 0, $"seed {seed}: {tally}\n{string.Join("\n", tally.Examples)}");
        Assert.True(tally.Located > files / 4, $"too little damage noticed: {tally}");
    }

    /// <summary>Damage that once broke the reader, replayed every run: (seed, source file).</summary>
    [Theory]
    [InlineData(1864126441, 9)] // DELTA_LENGTH_BYTE_ARRAY lengths near 2^62 whose sum wrapped past the page check
    public void Damage_that_once_escaped_is_located(int seed, int source)
    {
        var tally = fuzzer.Run(1, seed, source);
        Assert.True(tally.Raw + tally.Escaped + tally.OursUnlocated == 0, $"seed {seed}: {tally}\n{string.Join("\n", tally.Examples)}");
    }
}
