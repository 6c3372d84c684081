using Cql.Engine.Planning;
using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// The join stage (<see cref="Join"/>) as a hash join: the other side (a table such as entities, or a let — the
/// side the query names, usually the smaller) is read whole once and hashed on its key column; this side streams
/// past it batch by batch, never held. Numbers are compared as doubles and text ordinally (as the semi-join's
/// <see cref="ValueSet"/> does); a null key matches nothing. Each row's matches come in the other side's order, and
/// a row with many matches is split over several batches, so one key shared by a million rows never makes one
/// giant batch.
/// </summary>
public sealed class HashJoinOperator(IPhysicalOperator input, IPhysicalOperator other, Join join) : IPhysicalOperator
{
    const int BatchRows = 8192;
    const int NotStarted = -2;

    readonly IReadOnlyList<ResultColumn> _columns = join.Schema;
    ColumnBatch? _built;
    int[] _next = []; // the next build row with the same key, -1 at the end of a chain
    Dictionary<double, int>? _numberHeads;
    Dictionary<string, int>? _textHeads;
    Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _textLookup;

    ColumnBatch? _batch; // the probe batch being joined
    ColumnVector? _keys;
    int _row;
    int _chain = NotStarted; // the next build row to pair with _row
    readonly List<int> _probeRows = new(BatchRows);
    readonly List<int> _buildRows = new(BatchRows);

    public IReadOnlyList<ResultColumn> Columns => _columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_built is null) Build(ct);
        while (true)
        {
            if (_batch is null)
            {
                if (input.Next(ct) is not { } b) return null;
                _batch = b;
                _keys = ExpressionEvaluator.Evaluate(join.Key, new BatchColumns(input.Columns, b));
                _row = 0;
                _chain = NotStarted;
            }
            var batch = _batch;
            Pair(batch);
            if (_row >= batch.RowCount) _batch = null;
            if (_probeRows.Count > 0) return Emit(batch);
        }
    }

    /// <summary>Pairs rows of the probe batch with their matches until the batch ends or a batch's worth is pending.</summary>
    void Pair(ColumnBatch batch)
    {
        _probeRows.Clear();
        _buildRows.Clear();
        while (_row < batch.RowCount && _probeRows.Count < BatchRows)
        {
            if (_chain == NotStarted)
            {
                _chain = Head(_keys!, _row);
                if (_chain < 0)
                {
                    if (join.Left) { _probeRows.Add(_row); _buildRows.Add(-1); }
                    _row++;
                    _chain = NotStarted;
                    continue;
                }
            }
            while (_chain >= 0 && _probeRows.Count < BatchRows)
            {
                _probeRows.Add(_row);
                _buildRows.Add(_chain);
                _chain = _next[_chain];
            }
            if (_chain < 0) { _row++; _chain = NotStarted; }
        }
    }

    ColumnBatch Emit(ColumnBatch source)
    {
        var probe = CollectionsMarshal.AsSpan(_probeRows);
        var build = CollectionsMarshal.AsSpan(_buildRows);
        var cols = new List<ColumnVector>(_columns.Count);
        foreach (var c in source.Columns) cols.Add(VectorOps.Gather(c, probe));
        bool unmatched = build.Contains(-1);
        foreach (var v in _built!.Columns)
        {
            if (!unmatched) { cols.Add(VectorOps.Gather(v, build)); continue; }
            var b = new VectorBuilder(v.Type, build.Length);
            foreach (var r in build) if (r < 0) b.AppendNull(); else b.AppendFrom(v, r);
            cols.Add(b.Build());
        }
        return new ColumnBatch(cols, probe.Length);
    }

    /// <summary>The first build row whose key equals the probe row's, or -1.</summary>
    int Head(ColumnVector keys, int row)
    {
        if (keys.IsNull(row)) return -1;
        if (_textHeads is not null)
            return keys is StringVector s && _textLookup.TryGetValue(s.GetString(row).Span, out var t) ? t : -1;
        return _numberHeads!.TryGetValue(keys.GetFloat64(row), out var n) ? n : -1;
    }

    void Build(CancellationToken ct)
    {
        var batches = new List<ColumnBatch>();
        while (other.Next(ct) is { } b) batches.Add(b);
        var built = VectorOps.Concat(other.Columns, batches);
        int at = -1;
        for (int c = 0; c < other.Columns.Count; c++) if (other.Columns[c].Name == join.OtherKey) at = c;
        if (at < 0) throw new InvalidOperationException($"the joined rows have no column {join.OtherKey}");
        var keys = built.Columns[at];
        _next = new int[built.RowCount];
        bool text = keys.Type is ColumnType.String or ColumnType.Date;
        if (text) _textHeads = new Dictionary<string, int>(StringComparer.Ordinal);
        else _numberHeads = [];
        // Backwards, each row pushed in front of its chain: chains come out in build order.
        for (int r = built.RowCount - 1; r >= 0; r--)
        {
            _next[r] = -1;
            if (keys.IsNull(r)) continue;
            if (text)
            {
                var k = keys.GetString(r).ToString();
                _next[r] = _textHeads!.TryGetValue(k, out var head) ? head : -1;
                _textHeads[k] = r;
            }
            else
            {
                var k = keys.GetFloat64(r);
                _next[r] = _numberHeads!.TryGetValue(k, out var head) ? head : -1;
                _numberHeads[k] = r;
            }
        }
        if (_textHeads is not null) _textLookup = _textHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        _built = built;
    }

    public void Dispose() { input.Dispose(); other.Dispose(); }
}
