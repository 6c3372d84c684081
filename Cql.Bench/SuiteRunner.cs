using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// Runs each suite query through cql and through DuckDB, each as a fresh process (whole process against whole
/// process, on the same files), several times, and prints the median times, their ratio, peak memory, and
/// whether the answers agree.
/// </summary>
public static class SuiteRunner
{
    public static int Run(string[] args)
    {
        string? corpus = null;
        int runs = 5;
        string? only = null;
        var queries = Suite.Queries;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--corpus") corpus = args[++i];
            else if (args[i] == "--runs") runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--only") only = args[++i];
            else if (args[i] == "--statistics") queries = Suite.Statistics;
        }
        if (corpus is null) { Console.Error.WriteLine("usage: Cql.Bench suite --corpus DIR [--runs N] [--only NAME] [--statistics]"); return 2; }
        var cqlDll = Path.Combine(AppContext.BaseDirectory, "cql.dll");
        var self = Path.Combine(AppContext.BaseDirectory, "Cql.Bench.dll");
        Console.WriteLine($"corpus {corpus}; {runs} runs each; {Environment.ProcessorCount} cores; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"{"query",-16} {"cql ms",8} {"duckdb ms",10} {"ratio",7} {"cql MB",7} {"duck MB",8} {"cql cpu",8} {"duck cpu",9} {"cpu ratio",9}  same answer");
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        foreach (var q in queries)
        {
            if (only is not null && q.Name != only) continue;
            var c = ChildProcess.Measure(runs, cqlDll, "--corpus", corpus, "-c", q.Cql, "--format", "csv");
            var d = ChildProcess.Measure(runs, self, "duck", "--corpus", corpus, q.Sql);
            double ratio = c.MedianMs / d.MedianMs;
            ratios.Add(ratio);
            double cpuRatio = c.MedianCpuMs / d.MedianCpuMs;
            cpuRatios.Add(cpuRatio);
            bool same = Canonical(c.Output) == Canonical(d.Output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{q.Name,-16} {c.MedianMs,8:0} {d.MedianMs,10:0} {ratio,7:0.00} {c.PeakMb,7:0} {d.PeakMb,8:0} {c.MedianCpuMs,8:0} {d.MedianCpuMs,9:0} {cpuRatio,9:0.00}  {(same ? "yes" : "NO")}"));
            if (!same) Console.WriteLine($"  cql:    {Trim(c.Output)}\n  duckdb: {Trim(d.Output)}");
        }
        ratios.Sort();
        cpuRatios.Sort();
        if (ratios.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio cql/duckdb: {ratios[ratios.Count / 2]:0.00} (CPU time: {cpuRatios[cpuRatios.Count / 2]:0.00})"));
        // CPU time (user + system of the process) is steadier than wall time when other work shares the machine.
        return 0;
    }

    // Rows in a canonical order and number format, so cql and DuckDB answers compare.
    static string Canonical(string csv)
    {
        var lines = csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    static string Trim(string s) => s.Length > 300 ? s[..300] + "…" : s.Replace('\n', ' ');
}
