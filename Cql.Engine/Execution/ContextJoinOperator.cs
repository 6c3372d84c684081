namespace Cql.Engine.Execution;

/// <summary>
/// Adds the fields of a linked row (a document, sentence or paragraph) to each row by its id in
/// <paramref name="key"/> (doc_id, sent_id, para_id). The target side (the linked table, few columns) is read whole
/// into a lookup from id to row — an array when ids are dense, as ingest makes them; rows keep their order, and a
/// missing target gives nulls, or drops the row when the join is inner.
/// </summary>
public sealed class ContextJoinOperator(IPhysicalOperator input, IPhysicalOperator target, string key, IReadOnlyList<ResultColumn> columns, bool inner = false) : IPhysicalOperator
{
    Dictionary<int, int>? _rowOf;
    int[]? _dense; // row + 1 by id; 0 = no target row
    ColumnBatch? _target;
    int _keyIndex = -1;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_target is null) Build(ct);
        while (input.Next(ct) is { } batch)
        {
            var ids = new BatchColumns(input.Columns, batch).Get(key);
            var rows = new int[batch.RowCount];
            int missing = 0;
            if (ids is Int32Vector iv) Lookup(iv.Values, iv.Nulls, rows, ref missing);
            else
                for (int r = 0; r < rows.Length; r++)
                    if ((rows[r] = ids.IsNull(r) ? -1 : RowOf(ids.GetInt32(r))) < 0) missing++;
            if (inner && missing > 0)
            {
                if (missing == rows.Length) continue;
                // Keep the rows that found their target, then join those.
                var keep = new int[rows.Length - missing];
                int k = 0;
                for (int r = 0; r < rows.Length; r++) if (rows[r] >= 0) keep[k++] = r;
                batch = VectorOps.Gather(batch, keep);
                for (int i = 0; i < keep.Length; i++) keep[i] = rows[keep[i]];
                rows = keep;
                missing = 0;
            }
            var cols = new List<ColumnVector>(batch.Columns);
            for (int c = 0; c < target.Columns.Count; c++)
            {
                if (c == _keyIndex) continue;
                var v = _target!.Columns[c];
                if (missing == 0) { cols.Add(VectorOps.Gather(v, rows)); continue; }
                var b = new VectorBuilder(target.Columns[c].Type, rows.Length);
                foreach (var r in rows) if (r < 0) b.AppendNull(); else b.AppendFrom(v, r);
                cols.Add(b.Build());
            }
            return new ColumnBatch(cols, batch.RowCount);
        }
        return null;
    }

    void Lookup(int[] ids, bool[]? nulls, int[] rows, ref int missing)
    {
        int n = rows.Length;
        if (_dense is { } dense)
        {
            for (int r = 0; r < n; r++)
            {
                int id = ids[r];
                int row = (nulls is null || !nulls[r]) && (uint)id < (uint)dense.Length ? dense[id] - 1 : -1;
                rows[r] = row;
                if (row < 0) missing++;
            }
            return;
        }
        for (int r = 0; r < n; r++)
            if ((rows[r] = nulls is not null && nulls[r] ? -1 : RowOf(ids[r])) < 0) missing++;
    }

    int RowOf(int id) => _dense is { } d ? ((uint)id < (uint)d.Length ? d[id] - 1 : -1) : _rowOf!.TryGetValue(id, out var r) ? r : -1;

    void Build(CancellationToken ct)
    {
        var batches = new List<ColumnBatch>();
        while (target.Next(ct) is { } b) batches.Add(b);
        _target = VectorOps.Concat(target.Columns, batches);
        for (int c = 0; c < target.Columns.Count; c++) if (target.Columns[c].Name == key) _keyIndex = c;
        if (_keyIndex < 0) throw new InvalidOperationException($"the target side of a context join must produce {key}");
        var ids = _target.Columns[_keyIndex];
        int max = -1, min = int.MaxValue;
        for (int r = 0; r < _target.RowCount; r++)
            if (!ids.IsNull(r)) { max = Math.Max(max, ids.GetInt32(r)); min = Math.Min(min, ids.GetInt32(r)); }
        // Up to 2^20 ids the array is used even when a filter on the target kept few of them (a date range keeps a
        // fifth of the docs): 4 MB at most, and every row's probe is a load instead of a hash lookup.
        if (min >= 0 && max < Math.Max(4L * _target.RowCount + 1024, 1 << 20))
        {
            // Dense ids (0..N as ingest numbers them): an array instead of hashing every row.
            _dense = new int[max + 1];
            for (int r = _target.RowCount - 1; r >= 0; r--) if (!ids.IsNull(r)) _dense[ids.GetInt32(r)] = r + 1; // first row wins
            return;
        }
        _rowOf = new Dictionary<int, int>(_target.RowCount);
        for (int r = 0; r < _target.RowCount; r++) if (!ids.IsNull(r)) _rowOf.TryAdd(ids.GetInt32(r), r);
    }

    public void Dispose() { input.Dispose(); target.Dispose(); }
}
