using Cql.Engine.Planning;
using Cql.Engine.Storage.Tables;

namespace Cql.Engine.Execution;

/// <summary>
/// Reads a user's CSV table (<see cref="Scan.File"/>): the columns the scan returns and those its pushed predicate
/// reads, batch by batch; the predicate keeps its rows, the limit stops the reading, and the batch goes out with the
/// scan's columns only.
/// </summary>
public sealed class CsvScanOperator : IPhysicalOperator
{
    readonly Scan _scan;
    readonly Expr? _predicate;
    readonly CsvBatchReader _reader;
    readonly List<ResultColumn> _read;
    long _emitted;

    /// <param name="predicate">The scan's predicate, prepared (semi-join sets built); null for none.</param>
    public CsvScanOperator(Scan scan, Expr? predicate)
    {
        _scan = scan;
        _predicate = predicate;
        _read = [.. scan.Columns];
        if (predicate is not null)
            foreach (var r in Exprs.ColumnRefs(predicate))
                if (!_read.Exists(c => c.Name == r.Name)) _read.Add(new ResultColumn(r.Name, r.Type));
        _reader = new CsvBatchReader(scan.File!, _read);
    }

    public IReadOnlyList<ResultColumn> Columns => _scan.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        while (true)
        {
            if (_scan.Limit is { } limit && _emitted >= limit) return null;
            if (_reader.Next(ct) is not { } batch) return null;
            if (_predicate is not null)
            {
                var mask = new byte[batch.RowCount];
                PredicateEvaluator.Evaluate(_predicate, new BatchColumns(_read, batch), mask);
                var sel = VectorOps.Selection(mask);
                if (sel.Length == 0) continue;
                if (sel.Length < batch.RowCount) batch = VectorOps.Gather(batch, sel);
            }
            if (_scan.Limit is { } cap && batch.RowCount > cap - _emitted)
            {
                var first = new int[cap - _emitted];
                for (int i = 0; i < first.Length; i++) first[i] = i;
                batch = VectorOps.Gather(batch, first);
            }
            _emitted += batch.RowCount;
            // The returned columns come first among those read.
            if (_read.Count == _scan.Columns.Count) return batch;
            var cols = new ColumnVector[_scan.Columns.Count];
            for (int i = 0; i < cols.Length; i++) cols[i] = batch.Columns[i];
            return new ColumnBatch(cols, batch.RowCount);
        }
    }

    public void Dispose() => _reader.Dispose();
}
