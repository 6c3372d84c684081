using Cql.Engine.Session;
using System.Diagnostics;
using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// `inproc --corpus DIR [--runs N] QUERY`: runs one query N times in this process and prints each run's wall time,
/// CPU time, allocations and collections. The first run pays JIT and first-use costs; the later ones show what the
/// query itself costs, which tells start-up work apart from decoding work when a suite ratio moves.
/// </summary>
public static class InProcessRunner
{
    public static int Run(string[] args)
    {
        string corpus = args[Array.IndexOf(args, "--corpus") + 1];
        int at = Array.IndexOf(args, "--runs");
        int runs = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10;
        string query = args[^1];
        for (int i = 0; i < runs; i++)
        {
            long alloc = GC.GetTotalAllocatedBytes(precise: true);
            int g0 = GC.CollectionCount(0), g2 = GC.CollectionCount(2);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long rows = 0;
            using (var session = CqlSession.Open(corpus))
                foreach (var outcome in session.Run(query, CancellationToken.None))
                    if (outcome is RowsOutcome r)
                        using (r.Rows)
                            while (r.Rows.MoveNext(CancellationToken.None)) rows += r.Rows.Current.RowCount;
            var wall = clock.Elapsed.TotalMilliseconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i}: {wall,7:0.0} ms wall {used,7:0.0} ms cpu {(GC.GetTotalAllocatedBytes(true) - alloc) / 1e6,8:0.0} MB alloc  gc0 {GC.CollectionCount(0) - g0} gc2 {GC.CollectionCount(2) - g2}  rows {rows}"));
        }
        return 0;
    }
}
