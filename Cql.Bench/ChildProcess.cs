using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Cql.Bench;

/// <summary>One command measured as fresh processes: median and slowest wall time, median CPU time, peak memory.</summary>
public sealed record Measurement(double MedianMs, double MaxMs, double PeakMb, string Output, double MedianCpuMs, int ExitCode);

/// <summary>
/// Runs a .NET program as a child process several times and measures it whole: wall time from start to exit, CPU
/// time (user + system, from getrusage of the children) and the peak memory the child reports.
/// </summary>
public static class ChildProcess
{
    [StructLayout(LayoutKind.Sequential)]
    struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int getrusage(int who, out RUsage usage);

    /// <summary>CPU time of every waited-for child so far (Linux, RUSAGE_CHILDREN); 0 where unavailable.</summary>
    static double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux() || getrusage(-1, out var u) != 0) return 0;
        return (u.UserSec + u.SysSec) * 1000.0 + (u.UserUsec + u.SysUsec) / 1000.0;
    }

    /// <summary>Runs <c>dotnet DLL ARGS</c> <paramref name="runs"/> times (stopping at the first failure).</summary>
    public static Measurement Measure(int runs, string dll, params string[] args)
    {
        var times = new List<double>();
        var cpus = new List<double>();
        double peak = 0;
        string output = "";
        int exit = 0;
        for (int i = 0; i < runs; i++)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["CQL_BENCH_STATS"] = "1";
            double cpuBefore = ChildrenCpuMs();
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpus.Add(ChildrenCpuMs() - cpuBefore);
            foreach (var line in err.Result.Split('\n'))
                if (line.StartsWith("peak_rss_kb=", StringComparison.Ordinal))
                    peak = Math.Max(peak, long.Parse(line[12..].Trim(), CultureInfo.InvariantCulture) / 1024.0);
            if (p.ExitCode != 0) { output = "exit " + p.ExitCode + ": " + err.Result; exit = p.ExitCode; break; }
        }
        times.Sort();
        cpus.Sort();
        return new Measurement(times[times.Count / 2], times[^1], peak, output, cpus[cpus.Count / 2], exit);
    }
}
