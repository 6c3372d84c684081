using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Cql.Engine.Generation;

namespace Cql.Bench;

/// <summary>Operator micro-benchmarks (BenchmarkDotNet): generating and scanning a corpus.</summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args);
        return 0;
    }
}

/// <summary>Generation speed: the corpus generator's throughput bounds how large a benchmark corpus can be.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmark
{
    [Benchmark]
    public async Task Generate20kQuotes()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cql-bench-gen-" + Guid.NewGuid().ToString("N"));
        try { await CorpusGenerator.RunAsync(new GenerateOptions(20_000, dir), null, CancellationToken.None); }
        finally { Directory.Delete(dir, true); }
    }
}
