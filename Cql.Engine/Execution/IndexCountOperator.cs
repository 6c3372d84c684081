using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>A count from the term index alone (<see cref="IndexedCount"/>): one row, without reading the table.
/// Occurrences are summed by the same <see cref="WordRules"/> the kwic operator uses; rows are the distinct ids.</summary>
public sealed class IndexCountOperator(IndexedCount plan, IReadOnlyList<string> indexFiles, CancellationToken ct) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => plan.Schema;

    public ColumnBatch? Next(CancellationToken token)
    {
        if (_done) return null;
        _done = true;
        var pattern = WordRules.Lower(plan.Pattern);
        long n = plan.Kind switch
        {
            IndexCountKind.Occurrences => TermIndexLookup.Run(indexFiles,
                pattern.Contains('*') ? TermIndexLookup.Kind.Glob : TermIndexLookup.Kind.Word, pattern, wantIds: false, ct).Occurrences,
            IndexCountKind.RowsWithWord => TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Word, pattern, wantIds: false, ct).Rows,
            _ => TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Piece, pattern, wantIds: true, ct).Ids.Count,
        };
        var cols = new ColumnVector[Columns.Count];
        for (int c = 0; c < cols.Length; c++) cols[c] = new Int64Vector([n], null, 1);
        return new ColumnBatch(cols, 1);
    }

    public void Dispose() { }
}
