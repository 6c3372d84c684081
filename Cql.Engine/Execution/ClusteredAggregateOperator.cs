using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Hash aggregation over an input clustered by one of its integer keys (the tokens of a document lie together, and
/// row groups come in document order): once the scan has passed a key value — no row group still to come holds a
/// smaller one, by their statistics — every group with a smaller key is complete and is handed on, so the table holds
/// the groups of a few documents instead of all of them (29 million for `tokens | count by norm, doc_id`), and a
/// top-N above it keeps its few rows. Groups still come in order of first appearance: rows at or above the bound are
/// held back only while they are the tail of what has arrived; any other layout (a smaller key after a larger one, a
/// null key, a tail grown past <see cref="MaxHeldRows"/>) turns it into the plain aggregation for the rest, which is
/// correct for any order. Finished groups are handed on once there are <paramref name="flushGroups"/> of them.
/// </summary>
public sealed class ClusteredAggregateOperator(IPhysicalOperator input, IReadOnlyList<NamedExpr> keys,
    IReadOnlyList<AggregateExpr> aggregates, IReadOnlyList<ResultColumn> columns, string clusterColumn,
    Func<double> restLowerBound, int flushGroups) : IPhysicalOperator
{
    /// <summary>Rows held back at most before the clustering is given up on (a layout whose statistics promise order
    /// the rows do not keep).</summary>
    internal const int MaxHeldRows = 1 << 20;

    readonly AggregationState _state = new(keys, aggregates);
    ColumnBatch? _held; // the tail of the input at or above the bound: rows that may share groups with rows to come
    bool _plain, _done;

    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        while (input.Next(ct) is { } batch)
        {
            if (_plain) { _state.Add(input.Columns, batch, batch.RowCount); continue; }
            Take(batch, restLowerBound());
            if (_state.GroupCount >= flushGroups && !_plain)
            {
                var finished = _state.Build();
                _state.Restart();
                return finished;
            }
        }
        _done = true;
        if (_held is not null) { _state.Add(input.Columns, _held, _held.RowCount); _held = null; }
        return _state.Build();
    }

    /// <summary>Adds the rows below <paramref name="bound"/> (every row to come is at or above it) and holds back the
    /// rest, as long as the rest is the tail of the input.</summary>
    void Take(ColumnBatch batch, double bound)
    {
        if (_held is not null)
        {
            int heldBelow = RowsBelow(_held, bound);
            if (heldBelow < 0 || (heldBelow < _held.RowCount && RowsBelow(batch, bound) != 0)) { GiveUp(batch); return; }
            if (heldBelow < _held.RowCount)
            {
                // Nothing of the new batch is below the bound yet: it joins the tail.
                _state.Add(input.Columns, _held, heldBelow);
                var rest = Tail(_held, heldBelow);
                _held = rest.RowCount + batch.RowCount > MaxHeldRows ? null : VectorOps.Concat(input.Columns, [rest, batch]);
                if (_held is null) { _state.Add(input.Columns, rest, rest.RowCount); GiveUp(batch); }
                return;
            }
            _state.Add(input.Columns, _held, _held.RowCount);
            _held = null;
        }
        int below = RowsBelow(batch, bound);
        if (below < 0) { GiveUp(batch); return; }
        _state.Add(input.Columns, batch, below);
        if (below < batch.RowCount) _held = Tail(batch, below);
    }

    void GiveUp(ColumnBatch batch)
    {
        if (_held is not null) _state.Add(input.Columns, _held, _held.RowCount);
        _held = null;
        _state.Add(input.Columns, batch, batch.RowCount);
        _plain = true;
    }

    /// <summary>How many leading rows have a key below the bound, when every later row is at or above it; -1 when a
    /// later row is below it again or a key is null (neither of which a clustered input has).</summary>
    int RowsBelow(ColumnBatch batch, double bound)
    {
        var v = new BatchColumns(input.Columns, batch).Get(clusterColumn);
        int n = batch.RowCount;
        return v switch
        {
            Int32Vector x => Split(x.Values.AsSpan(0, n), x.Nulls, bound),
            Int64Vector x => Split(x.Values.AsSpan(0, n), x.Nulls, bound),
            _ => -1,
        };
    }

    static int Split<T>(ReadOnlySpan<T> values, bool[]? nulls, double bound) where T : System.Numerics.INumber<T>
    {
        if (nulls is not null && Array.IndexOf(nulls, true, 0, values.Length) >= 0) return -1;
        int i = 0;
        while (i < values.Length && double.CreateTruncating(values[i]) < bound) i++;
        for (int j = i; j < values.Length; j++) if (double.CreateTruncating(values[j]) < bound) return -1;
        return i;
    }

    static ColumnBatch Tail(ColumnBatch batch, int from)
    {
        var rows = new int[batch.RowCount - from];
        for (int i = 0; i < rows.Length; i++) rows[i] = from + i;
        return VectorOps.Gather(batch, rows);
    }

    public void Dispose() => input.Dispose();
}
