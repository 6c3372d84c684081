namespace Cql.Engine.Ingest;

/// <summary>
/// Runs <c>work</c> over a list on dedicated worker threads, at most <c>window</c> items ahead of the consumer, and
/// hands the results back in list order. Ingest writes on its own thread while the workers analyse the next files,
/// so every core stays busy (a chunk-at-a-time loop left all but one idle while it wrote), and the window bounds the
/// memory held by analysed files waiting for the writer. Each worker makes its state once (<c>newState</c>: ingest's
/// <see cref="AnalysisContext"/>) and passes it to the work of every item it takes.
/// </summary>
internal sealed class OrderedPipeline<TIn, TState, TOut> : IDisposable
{
    readonly IReadOnlyList<TIn> _items;
    readonly Func<TState> _newState;
    readonly Func<TIn, TState, TOut> _work;
    readonly TaskCompletionSource<TOut>[] _slots;
    // Free slots: a worker takes one before it claims an item, the consumer returns it once it has the result.
    readonly SemaphoreSlim _room;
    readonly CancellationTokenSource _stop;
    readonly Thread[] _threads;
    int _claimed, _consumed;

    public OrderedPipeline(IReadOnlyList<TIn> items, Func<TState> newState, Func<TIn, TState, TOut> work, int workers, int window, CancellationToken ct)
    {
        _items = items;
        _newState = newState;
        _work = work;
        window = Math.Max(1, window);
        _slots = new TaskCompletionSource<TOut>[window];
        for (int i = 0; i < window; i++) _slots[i] = NewSlot();
        _room = new SemaphoreSlim(window, window);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _threads = new Thread[Math.Max(1, Math.Min(workers, items.Count))];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = "cql-ingest-" + i };
            _threads[i].Start();
        }
    }

    static TaskCompletionSource<TOut> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The result of the next item in list order (rethrows what its work threw).</summary>
    public async Task<TOut> NextAsync()
    {
        if (_consumed >= _items.Count) throw new InvalidOperationException("no items left");
        int slot = _consumed % _slots.Length;
        var result = await _slots[slot].Task.WaitAsync(_stop.Token).ConfigureAwait(false);
        // The slot is fresh before it is given back: the item window places further on finds an empty one.
        _slots[slot] = NewSlot();
        _consumed++;
        _room.Release();
        return result;
    }

    void Run()
    {
        try
        {
            var state = _newState();
            while (true)
            {
                _room.Wait(_stop.Token);
                int i = Interlocked.Increment(ref _claimed) - 1;
                if (i >= _items.Count) return;
                var slot = _slots[i % _slots.Length];
                try { slot.SetResult(_work(_items[i], state)); }
                catch (Exception e) { slot.SetException(e); } // the consumer rethrows it in order
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Stops the workers (after the item each is on) and waits for them.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var t in _threads) t.Join();
        _stop.Dispose();
        _room.Dispose();
    }
}
