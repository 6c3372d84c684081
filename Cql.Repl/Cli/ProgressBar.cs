using Cql.Engine.Ingest;
using System.Globalization;

namespace Cql.Repl.Cli;

/// <summary>A one-line progress bar on stderr for long ingests, drawn only on a terminal: the share of bytes read,
/// files, documents, the rate so far (MB/s) and the time left at that rate.</summary>
public sealed class ProgressBar(TextWriter err, Func<DateTime>? clock = null)
{
    static readonly Func<DateTime> SystemClock = () => DateTime.UtcNow;
    readonly Func<DateTime> _now = clock ?? SystemClock;
    readonly DateTime _start = (clock ?? SystemClock)();
    DateTime _last;
    int _drawn;

    public void Report(IngestProgress p)
    {
        var now = _now();
        if (now - _last < TimeSpan.FromMilliseconds(100) && p.FilesDone < p.FilesTotal) return;
        var elapsed = now - _start;
        if (elapsed < TimeSpan.FromMilliseconds(500)) return; // short ingests need no bar
        _last = now;
        double frac = p.BytesTotal > 0 ? Math.Min(1, (double)p.BytesDone / p.BytesTotal) : 0;
        const int width = 30;
        int done = (int)(frac * width);
        double rate = p.BytesDone / 1e6 / elapsed.TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', done)}{new string('.', width - done)}] {frac * 100,3:0}% {p.FilesDone}/{p.FilesTotal} files, {p.Docs} docs, {rate:0.0} MB/s, {Eta(p, rate)}");
        err.Write("\r" + line.PadRight(_drawn));
        _drawn = line.Length;
    }

    // The bytes still to read at the rate so far; unknown until something has been read.
    static string Eta(IngestProgress p, double mbPerSecond)
    {
        if (p.BytesDone >= p.BytesTotal) return "finishing";
        if (!(mbPerSecond > 0)) return "ETA --:--";
        var left = TimeSpan.FromSeconds(Math.Min((p.BytesTotal - p.BytesDone) / 1e6 / mbPerSecond, 359_999));
        return left.TotalHours >= 1 ? $"ETA {(int)left.TotalHours}:{left:mm\\:ss}" : $"ETA {left:m\\:ss}";
    }

    public void Clear()
    {
        if (_drawn > 0) err.Write("\r" + new string(' ', _drawn) + "\r");
    }
}
