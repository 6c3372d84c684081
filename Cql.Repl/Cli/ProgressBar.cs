using Cql.Engine.Ingest;

namespace Cql.Repl.Cli;

/// <summary>A one-line progress bar on stderr for long ingests; drawn only on a terminal.</summary>
public sealed class ProgressBar(TextWriter err)
{
    readonly DateTime _start = DateTime.UtcNow;
    DateTime _last;

    public void Report(IngestProgress p)
    {
        var now = DateTime.UtcNow;
        if (now - _last < TimeSpan.FromMilliseconds(100) && p.FilesDone < p.FilesTotal) return;
        if (now - _start < TimeSpan.FromMilliseconds(500)) return; // short ingests need no bar
        _last = now;
        double frac = p.BytesTotal > 0 ? Math.Min(1, (double)p.BytesDone / p.BytesTotal) : 0;
        const int width = 30;
        int done = (int)(frac * width);
        err.Write($"\r[{new string('#', done)}{new string('.', width - done)}] {frac,4:P0} {p.FilesDone}/{p.FilesTotal} files, {p.Docs} docs ");
    }

    public void Clear()
    {
        if (_last != default) err.Write("\r" + new string(' ', 79) + "\r");
    }
}
