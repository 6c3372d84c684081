using System.Diagnostics;
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
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--corpus") corpus = args[++i];
            else if (args[i] == "--runs") runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--only") only = args[++i];
        }
        if (corpus is null) { Console.Error.WriteLine("usage: Cql.Bench suite --corpus DIR [--runs N] [--only NAME]"); return 2; }
        var cqlDll = Path.Combine(AppContext.BaseDirectory, "cql.dll");
        var self = Path.Combine(AppContext.BaseDirectory, "Cql.Bench.dll");
        Console.WriteLine($"corpus {corpus}; {runs} runs each; {Environment.ProcessorCount} cores; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"{"query",-16} {"cql ms",8} {"duckdb ms",10} {"ratio",7} {"cql MB",7} {"duck MB",8}  same answer");
        var ratios = new List<double>();
        foreach (var q in Suite.Queries)
        {
            if (only is not null && q.Name != only) continue;
            var c = Measure(runs, cqlDll, "--corpus", corpus, "-c", q.Cql, "--format", "csv");
            var d = Measure(runs, self, "duck", "--corpus", corpus, q.Sql);
            double ratio = c.MedianMs / d.MedianMs;
            ratios.Add(ratio);
            bool same = Canonical(c.Output) == Canonical(d.Output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{q.Name,-16} {c.MedianMs,8:0} {d.MedianMs,10:0} {ratio,7:0.00} {c.PeakMb,7:0} {d.PeakMb,8:0}  {(same ? "yes" : "NO")}"));
            if (!same) Console.WriteLine($"  cql:    {Trim(c.Output)}\n  duckdb: {Trim(d.Output)}");
        }
        ratios.Sort();
        if (ratios.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio cql/duckdb: {ratios[ratios.Count / 2]:0.00}"));
        return 0;
    }

    sealed record Measurement(double MedianMs, double PeakMb, string Output);

    static Measurement Measure(int runs, string dll, params string[] args)
    {
        var times = new List<double>();
        double peak = 0;
        string output = "";
        for (int i = 0; i < runs; i++)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["CQL_BENCH_STATS"] = "1";
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            times.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var line in err.Result.Split('\n'))
                if (line.StartsWith("peak_rss_kb=", StringComparison.Ordinal))
                    peak = Math.Max(peak, long.Parse(line[12..].Trim(), CultureInfo.InvariantCulture) / 1024.0);
            if (p.ExitCode != 0) { output = "exit " + p.ExitCode + ": " + err.Result; break; }
        }
        times.Sort();
        return new Measurement(times[times.Count / 2], peak, output);
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
