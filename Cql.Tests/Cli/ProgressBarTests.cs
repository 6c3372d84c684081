using Cql.Engine.Ingest;
using Cql.Repl.Cli;

namespace Cql.Tests.Cli;

/// <summary>The ingest progress bar: what share is done, at what rate, and how long is left.</summary>
public class ProgressBarTests
{
    [Fact]
    public void The_bar_shows_the_rate_and_the_time_left_and_clears_what_it_drew()
    {
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var now = t;
        var err = new StringWriter();
        var bar = new ProgressBar(err, () => now);

        now = t.AddMilliseconds(200);
        bar.Report(new IngestProgress(1, 100, 1_000_000, 50_000_000, 10));
        Assert.Equal("", err.ToString()); // a short ingest draws nothing

        now = t.AddSeconds(10); // 20 MB in 10 s: 2 MB/s, 30 MB left: 15 s
        bar.Report(new IngestProgress(40, 100, 20_000_000, 50_000_000, 400));
        var line = err.ToString();
        Assert.StartsWith("\r[############..................]  40% 40/100 files, 400 docs, 2.0 MB/s, ETA 0:15", line);

        now = t.AddSeconds(20);
        bar.Report(new IngestProgress(100, 100, 50_000_000, 50_000_000, 1000));
        Assert.EndsWith("2.5 MB/s, finishing", err.ToString());
        int drawn = err.ToString().Split('\r')[^1].Length;
        bar.Clear();
        Assert.EndsWith("\r" + new string(' ', drawn) + "\r", err.ToString());
    }

    [Fact]
    public void A_long_wait_is_shown_in_hours()
    {
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var now = t;
        var err = new StringWriter();
        var bar = new ProgressBar(err, () => now);
        now = t.AddSeconds(100); // 1 MB in 100 s: 0.01 MB/s, 99 MB left: 9900 s = 2:45:00
        bar.Report(new IngestProgress(1, 100, 1_000_000, 100_000_000, 1));
        Assert.EndsWith("ETA 2:45:00", err.ToString());
    }
}
