namespace Cql.Engine.Execution;

/// <summary>
/// Adds document columns to each row by its doc_id. The docs side (one row per article, few columns) is read
/// whole into a lookup from doc_id to row — an array when ids are dense, as ingest makes them; rows keep their
/// order, and a missing document gives nulls, or drops the row when the join is inner.
/// </summary>
public sealed class DocJoinOperator(IPhysicalOperator input, IPhysicalOperator docs, IReadOnlyList<ResultColumn> columns, bool inner = false) : IPhysicalOperator
{
    Dictionary<int, int>? _rowOf;
    int[]? _dense; // row + 1 by doc_id; 0 = no document
    ColumnBatch? _docs;
    int _docIdIndex = -1;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_docs is null) Build(ct);
        while (input.Next(ct) is { } batch)
        {
            var docIds = new BatchColumns(input.Columns, batch).Get("doc_id");
            var rows = new int[batch.RowCount];
            int missing = 0;
            if (docIds is Int32Vector iv) Lookup(iv.Values, iv.Nulls, rows, ref missing);
            else
                for (int r = 0; r < rows.Length; r++)
                    if ((rows[r] = docIds.IsNull(r) ? -1 : RowOf(docIds.GetInt32(r))) < 0) missing++;
            if (inner && missing > 0)
            {
                if (missing == rows.Length) continue;
                // Keep the rows that found their document, then join those.
                var keep = new int[rows.Length - missing];
                int k = 0;
                for (int r = 0; r < rows.Length; r++) if (rows[r] >= 0) keep[k++] = r;
                batch = VectorOps.Gather(batch, keep);
                for (int i = 0; i < keep.Length; i++) keep[i] = rows[keep[i]];
                rows = keep;
                missing = 0;
            }
            var cols = new List<ColumnVector>(batch.Columns);
            for (int c = 0; c < docs.Columns.Count; c++)
            {
                if (c == _docIdIndex) continue;
                var v = _docs!.Columns[c];
                if (missing == 0) { cols.Add(VectorOps.Gather(v, rows)); continue; }
                var b = new VectorBuilder(docs.Columns[c].Type, rows.Length);
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
        while (docs.Next(ct) is { } b) batches.Add(b);
        _docs = VectorOps.Concat(docs.Columns, batches);
        for (int c = 0; c < docs.Columns.Count; c++) if (docs.Columns[c].Name == "doc_id") _docIdIndex = c;
        if (_docIdIndex < 0) throw new InvalidOperationException("the docs side of a doc join must produce doc_id");
        var ids = _docs.Columns[_docIdIndex];
        int max = -1, min = int.MaxValue;
        for (int r = 0; r < _docs.RowCount; r++)
            if (!ids.IsNull(r)) { max = Math.Max(max, ids.GetInt32(r)); min = Math.Min(min, ids.GetInt32(r)); }
        // Up to 2^20 ids the array is used even when a filter on docs kept few of them (a date range keeps a
        // fifth): 4 MB at most, and every quote row's probe is a load instead of a hash lookup.
        if (min >= 0 && max < Math.Max(4L * _docs.RowCount + 1024, 1 << 20))
        {
            // Dense ids (0..N as ingest numbers them): an array instead of hashing every row.
            _dense = new int[max + 1];
            for (int r = _docs.RowCount - 1; r >= 0; r--) if (!ids.IsNull(r)) _dense[ids.GetInt32(r)] = r + 1; // first row wins
            return;
        }
        _rowOf = new Dictionary<int, int>(_docs.RowCount);
        for (int r = 0; r < _docs.RowCount; r++) if (!ids.IsNull(r)) _rowOf.TryAdd(ids.GetInt32(r), r);
    }

    public void Dispose() { input.Dispose(); docs.Dispose(); }
}
