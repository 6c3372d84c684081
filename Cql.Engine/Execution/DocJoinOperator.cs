namespace Cql.Engine.Execution;

/// <summary>
/// Adds document columns to each row by its doc_id. The docs side (one row per article, few columns) is read
/// whole into a hash table from doc_id to row; rows keep their order, and a missing document gives nulls.
/// </summary>
public sealed class DocJoinOperator(IPhysicalOperator input, IPhysicalOperator docs, IReadOnlyList<ResultColumn> columns) : IPhysicalOperator
{
    Dictionary<int, int>? _rowOf;
    ColumnBatch? _docs;
    int _docIdIndex = -1;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_rowOf is null) Build(ct);
        if (input.Next(ct) is not { } batch) return null;
        var docIds = new BatchColumns(input.Columns, batch).Get("doc_id");
        var rows = new int[batch.RowCount];
        bool anyMissing = false;
        for (int r = 0; r < rows.Length; r++)
        {
            if (docIds.IsNull(r) || !_rowOf!.TryGetValue(docIds.GetInt32(r), out rows[r])) { rows[r] = -1; anyMissing = true; }
        }
        var cols = new List<ColumnVector>(batch.Columns);
        for (int c = 0; c < docs.Columns.Count; c++)
        {
            if (c == _docIdIndex) continue;
            var v = _docs!.Columns[c];
            if (!anyMissing) { cols.Add(VectorOps.Gather(v, rows)); continue; }
            var b = new VectorBuilder(docs.Columns[c].Type, rows.Length);
            foreach (var r in rows) if (r < 0) b.AppendNull(); else b.AppendFrom(v, r);
            cols.Add(b.Build());
        }
        return new ColumnBatch(cols, batch.RowCount);
    }

    void Build(CancellationToken ct)
    {
        var batches = new List<ColumnBatch>();
        while (docs.Next(ct) is { } b) batches.Add(b);
        _docs = VectorOps.Concat(docs.Columns, batches);
        for (int c = 0; c < docs.Columns.Count; c++) if (docs.Columns[c].Name == "doc_id") _docIdIndex = c;
        if (_docIdIndex < 0) throw new InvalidOperationException("the docs side of a doc join must produce doc_id");
        var ids = _docs.Columns[_docIdIndex];
        _rowOf = new Dictionary<int, int>(_docs.RowCount);
        for (int r = 0; r < _docs.RowCount; r++) if (!ids.IsNull(r)) _rowOf.TryAdd(ids.GetInt32(r), r);
    }

    public void Dispose() { input.Dispose(); docs.Dispose(); }
}
