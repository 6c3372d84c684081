using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Tables;
using Microsoft.Win32.SafeHandles;

namespace Cql.Engine.Execution;

/// <summary>
/// Reads the kept row groups of a table in parallel (positional reads on one shared handle per file) and hands out
/// one batch per row group in file order. Inside a row group the pushed predicate is evaluated conjunct by conjunct,
/// cheapest columns first, on the surviving rows only; the other columns (the text, say) are read only when some
/// row survives (late materialisation). The physical planner hands it the layout (row groups kept) and the
/// conjuncts (with their term-index answers).
/// </summary>
public sealed class ScanOperator : IPhysicalOperator
{
    readonly Scan _scan;
    readonly ScanLayout _layout;
    readonly ParquetFileCache _files;
    readonly int _window;
    readonly Queue<Task<ColumnBatch?>> _inflight = new();
    readonly CancellationTokenSource _stop = new();
    readonly Dictionary<string, ColumnType> _types = new(StringComparer.Ordinal);
    readonly IReadOnlyList<ScanConjunct> _conjuncts;
    readonly string[][] _conjunctColumns; // the distinct column names each conjunct reads
    int _next;
    int _handedOut; // units whose batch was taken from the queue: the rows still to come are in the units after them
    long _emitted;

    public ScanOperator(Scan scan, ScanLayout layout, IReadOnlyList<ScanConjunct> conjuncts, ParquetFileCache files, int workers)
    {
        _scan = scan; _layout = layout; _files = files; _conjuncts = conjuncts;
        _window = Math.Max(1, workers) * 2;
        foreach (var c in scan.Columns) _types[c.Name] = c.Type;
        _conjunctColumns = new string[conjuncts.Count][];
        for (int i = 0; i < conjuncts.Count; i++)
        {
            var names = new List<string>();
            foreach (var r in conjuncts[i].Reads)
            {
                _types.TryAdd(r.Name, r.Type);
                if (!names.Contains(r.Name)) names.Add(r.Name);
            }
            _conjunctColumns[i] = names.ToArray();
        }
    }

    public IReadOnlyList<ResultColumn> Columns => _scan.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_scan.Limit is { } reached && _emitted >= reached) return null; // row groups still in flight are dropped
            while (_inflight.Count < _window && _next < _layout.Units.Count)
            {
                var unit = _layout.Units[_next++];
                var token = _stop.Token;
                _inflight.Enqueue(Task.Run(() => ReadUnit(unit, token), token));
            }
            if (_inflight.Count == 0) return null;
            var task = _inflight.Dequeue();
            _handedOut++;
            // Sleep until the unit is read, without Task.Wait's spinning first: on two cores the spinning consumer
            // took CPU from the very workers it waited for (a fifth of a query's CPU in a profile).
            if (!task.IsCompleted) ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            var batch = task.GetAwaiter().GetResult();
            if (batch is null || batch.RowCount == 0) continue;
            if (_scan.Limit is { } limit)
            {
                long left = limit - _emitted;
                if (batch.RowCount >= left)
                {
                    _next = _layout.Units.Count; // no more reading: the limit is reached
                    if (batch.RowCount > left)
                    {
                        var rows = new int[left];
                        for (int i = 0; i < rows.Length; i++) rows[i] = i;
                        batch = VectorOps.Gather(batch, rows);
                    }
                }
            }
            _emitted += batch.RowCount;
            return batch;
        }
    }

    /// <summary>The row groups it reads, in the order it hands them out.</summary>
    public ScanLayout Layout => _layout;

    /// <summary>A lower bound of a column over the rows not handed out yet, from the minimum of each row group and
    /// the ones after it (<paramref name="restMinima"/>, one more than the row groups: the last is +∞).</summary>
    public Func<double> LowerBoundOfRest(double[] restMinima) => () => restMinima[_handedOut];

    ColumnBatch? ReadUnit(ScanUnit unit, CancellationToken ct)
    {
        var path = unit.File.Path;
        try { return ReadUnit(unit, _files.Handle(path), ct); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e))
        {
            // A user's own file is not the corpus: "rebuild the corpus" would be the wrong advice.
            if (_scan.File is not null) throw new UserTableException(UserTableProblem.Parquet, path, e.Message, 0, e);
            throw new CorpusReadException(path, e.Message, e);
        }
    }

    ColumnBatch? ReadUnit(ScanUnit unit, SafeFileHandle file, CancellationToken ct)
    {
        var rg = unit.RowGroup;
        int n = checked((int)rg.RowCount);
        var loaded = new Dictionary<string, ColumnVector>(StringComparer.Ordinal);
        int[]? sel = null; // null: every row survives

        if (_conjuncts.Count > 0)
        {
            // alive[i] is Tri.True while row i passes every conjunct so far.
            var alive = new byte[n];
            var mask = System.Buffers.ArrayPool<byte>.Shared.Rent(n);
            try
            {
                int aliveCount = n;
                bool first = true;
                foreach (int index in OrderByCost(rg))
                {
                    ct.ThrowIfCancellationRequested();
                    var conjunct = _conjuncts[index];
                    var names = _conjunctColumns[index];
                    bool plainText = false;
                    foreach (var name in names)
                    {
                        Load(name);
                        plainText |= loaded[name] is StringVector { Codes: null };
                    }
                    if (first || !plainText || aliveCount * 2 > n)
                    {
                        // Whole row group: cheap for numbers and dictionary columns (one test per distinct value).
                        PredicateEvaluator.Evaluate(conjunct.Test, new DictionarySource(loaded, n), mask.AsSpan(0, n), conjunct.Hits);
                        aliveCount = 0;
                        for (int i = 0; i < n; i++)
                        {
                            byte a = first ? mask[i] : alive[i] == Tri.True ? mask[i] : Tri.False;
                            alive[i] = a;
                            if (a == Tri.True) aliveCount++;
                        }
                    }
                    else
                    {
                        // Few survivors and plain text to scan: test only the surviving rows.
                        var rows = VectorOps.Selection(alive);
                        var view = new DictionarySource(Gathered(loaded, names, rows), rows.Length);
                        PredicateEvaluator.Evaluate(conjunct.Test, view, mask.AsSpan(0, rows.Length), conjunct.Hits);
                        aliveCount = 0;
                        for (int i = 0; i < rows.Length; i++)
                        {
                            if (mask[i] == Tri.True) aliveCount++;
                            else alive[rows[i]] = Tri.False;
                        }
                    }
                    first = false;
                    if (aliveCount == 0) return null;
                }
                if (aliveCount < n) sel = VectorOps.Selection(alive);
            }
            finally { System.Buffers.ArrayPool<byte>.Shared.Return(mask); }
        }

        var cols = new ColumnVector[_scan.Columns.Count];
        for (int c = 0; c < cols.Length; c++)
        {
            var name = _scan.Columns[c].Name;
            if (sel is not null && !loaded.ContainsKey(name) && unit.File.Columns.TryGetValue(name, out var only))
            {
                // Not read yet: read just the surviving rows (the text of 4% of a row group, not all of it).
                cols[c] = DateColumns.Read(file, unit.File, rg, only, n, _types[name], sel);
                continue;
            }
            Load(name);
            cols[c] = sel is null ? loaded[name] : VectorOps.Gather(loaded[name], sel);
        }
        return new ColumnBatch(cols, sel?.Length ?? n);

        void Load(string name)
        {
            if (loaded.ContainsKey(name)) return;
            var type = _types[name];
            if (unit.File.Columns.TryGetValue(name, out var column))
                loaded[name] = DateColumns.Read(file, unit.File, rg, column, n, type);
            else if (unit.File.Partitions.TryGetValue(name, out var value))
                loaded[name] = VectorOps.Constant(type, PartitionValue(type, value), n);
            else
                loaded[name] = VectorOps.Constant(type, null, n);
        }
    }

    static object? PartitionValue(ColumnType type, string text) => type switch
    {
        ColumnType.Int32 => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Int64 => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Float64 => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Bool => bool.Parse(text),
        _ => text,
    };

    /// <summary>Conjuncts over small column chunks first: a selective test on lang spares decoding the text.</summary>
    int[] OrderByCost(RowGroupInfo rg)
    {
        // A stable insertion sort over plain arrays: a handful of conjuncts, and a List of value tuples with a
        // comparison would be a dozen generic methods to JIT in every process (no ReadyToRun code for them).
        int count = _conjuncts.Count;
        var costs = new long[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            long cost = 0;
            foreach (var c in _conjunctColumns[i]) cost += rg.ColumnSize(c);
            int at = i;
            while (at > 0 && costs[at - 1] > cost) { costs[at] = costs[at - 1]; order[at] = order[at - 1]; at--; }
            costs[at] = cost;
            order[at] = i;
        }
        return order;
    }

    static Dictionary<string, ColumnVector> Gathered(Dictionary<string, ColumnVector> loaded, IEnumerable<string> names, int[] sel)
    {
        var d = new Dictionary<string, ColumnVector>(StringComparer.Ordinal);
        foreach (var name in names) d[name] = VectorOps.Gather(loaded[name], sel);
        return d;
    }

    sealed class DictionarySource(Dictionary<string, ColumnVector> columns, int rows) : IColumnSource
    {
        public int RowCount => rows;
        public ColumnVector Get(string name) => columns[name];
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Wait for the workers so no handle is in use when the files close; their results no longer matter.
        foreach (var t in _inflight)
            try { t.Wait(); }
            catch (AggregateException) { }
        _inflight.Clear();
        _stop.Dispose();
    }
}
