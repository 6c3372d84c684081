namespace Cql.Engine.Storage.Writing;

/// <summary>Opens a pipe or a device for writing straight through (no temporary file, no rename). Opening a FIFO
/// waits until it has a reader; the wait ends when the token is cancelled (Ctrl+C), which a plain open would not.</summary>
public static class PassThroughFile
{
    public static FileStream Open(string path, CancellationToken ct)
    {
        // Without truncation (a pipe or device has nothing to truncate) and shared, so no lock is taken.
        var open = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16), CancellationToken.None);
        try
        {
            return open.WaitAsync(ct).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The open may still succeed once a reader comes: close it then.
            _ = open.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
    }
}
