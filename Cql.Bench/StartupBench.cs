using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// `startup [--runs N]`: the cold costs an analyst feels, each as fresh processes on the default corpus — a
/// `cql -c 'docs | count'`, and a first C# evaluation with nothing warmed (`cql run` of a one-line .csx: loading
/// Roslyn and compiling the first submission). The interactive REPL warms Roslyn while the user types, so its first
/// `>` line is faster than the second number; scripts/repl-tmux-check.sh measures that case in a real terminal.
/// </summary>
public static class StartupBench
{
    public static int Run(string[] args)
    {
        int runs = 11;
        for (int i = 0; i < args.Length; i++)
            if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
        var cql = Path.Combine(AppContext.BaseDirectory, "cql.dll");

        // Once untimed: the very first run after a build ingests the default corpus.
        ChildProcess.Measure(1, cql, "-c", "docs | count");
        var script = Path.Combine(Path.GetTempPath(), $"cql-startup-{Environment.ProcessId}.csx");
        File.WriteAllText(script, "Quotes.Count(q => q.Lang == \"de\")\n");
        try
        {
            Console.WriteLine($"{runs} fresh processes each; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            Console.WriteLine($"{"what",-44} {"median ms",10} {"max ms",8} {"CPU ms",8}  output");
            Report("cql -c 'docs | count'", ChildProcess.Measure(runs, cql, "-c", "docs | count", "--format", "csv"));
            Report("cql run first.csx (a cold first C# line)", ChildProcess.Measure(runs, cql, "run", script));
        }
        finally { File.Delete(script); }
        return 0;
    }

    static void Report(string what, Measurement m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-44} {m.MedianMs,10:0} {m.MaxMs,8:0} {m.MedianCpuMs,8:0}  {m.Output.Trim().Replace('\n', ' ')}"));

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
