namespace Cql.Engine.Ingest;

/// <summary>
/// Runs <c>work</c> over a sequence on dedicated worker threads, at most <c>window</c> items ahead of the consumer,
/// and hands the results back in sequence order. Ingest writes on its own thread while the workers analyse the next
/// files, so every core stays busy (a chunk-at-a-time loop left all but one idle while it wrote), and the window bounds
/// the memory held by analysed items waiting for the writer. The sequence is taken one item at a time, under a lock,
/// by the worker that claims the item (ingest's reads a WARC file as it goes). Each worker makes its state once
/// (<c>newState</c>: ingest's <see cref="AnalysisContext"/>) and passes it to the work of every item it takes.
/// </summary>
internal sealed class OrderedPipeline<TIn, TState, TOut> : IDisposable where TOut : class
{
    readonly IEnumerator<TIn> _items;
    readonly Func<TState> _newState;
    readonly Func<TIn, TState, TOut> _work;
    readonly TaskCompletionSource<TOut?>[] _slots;
    // Free slots: a worker takes one before it claims an item, the consumer returns it once it has the result.
    readonly SemaphoreSlim _room;
    readonly CancellationTokenSource _stop;
    readonly Thread[] _threads;
    readonly Lock _claim = new();
    int _claimed, _consumed;
    bool _ended; // the sequence ended (or failed): its end is in the slot after the last item

    public OrderedPipeline(IEnumerable<TIn> items, Func<TState> newState, Func<TIn, TState, TOut> work, int workers, int window, CancellationToken ct)
    {
        _items = items.GetEnumerator();
        _newState = newState;
        _work = work;
        window = Math.Max(1, window);
        _slots = new TaskCompletionSource<TOut?>[window];
        for (int i = 0; i < window; i++) _slots[i] = NewSlot();
        _room = new SemaphoreSlim(window, window);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _threads = new Thread[Math.Max(1, workers)];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = "cql-ingest-" + i };
            _threads[i].Start();
        }
    }

    static TaskCompletionSource<TOut?> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The result of the next item in sequence order (rethrows what its work, or taking it from the
    /// sequence, threw), or null after the last.</summary>
    public async Task<TOut?> NextAsync()
    {
        int slot = _consumed % _slots.Length;
        var result = await _slots[slot].Task.WaitAsync(_stop.Token).ConfigureAwait(false);
        if (result is null) return null; // the end stays in its slot for any further call
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
                TIn item;
                TaskCompletionSource<TOut?> slot;
                lock (_claim)
                {
                    if (_ended) return;
                    slot = _slots[_claimed % _slots.Length];
                    _claimed++;
                    try
                    {
                        if (!_items.MoveNext())
                        {
                            _ended = true;
                            slot.SetResult(null);
                            return;
                        }
                        item = _items.Current;
                    }
                    catch (Exception e)
                    {
                        _ended = true;
                        slot.SetException(e); // the consumer rethrows it in order
                        return;
                    }
                }
                try { slot.SetResult(_work(item, state)); }
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
        _items.Dispose();
        _stop.Dispose();
        _room.Dispose();
    }
}
