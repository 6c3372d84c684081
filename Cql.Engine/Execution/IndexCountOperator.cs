namespace Cql.Engine.Execution;

/// <summary>What an <see cref="IndexCountOperator"/> counts.</summary>
public enum IndexCountKind
{
    /// <summary>Rows whose text has the word (`where text has "WORD" | count`).</summary>
    RowsWithWord,
    /// <summary>Rows whose text has a word containing the piece (`where text contains "PIECE" | count`).</summary>
    RowsWithPiece,
    /// <summary>Occurrences of words matching the pattern, a glob when it has `*` (`kwic "WORD" | count`).</summary>
    Occurrences,
}

/// <summary>A count from the term index alone: one row, every column the count, without reading the table.
/// Occurrences are summed by the same <see cref="WordRules"/> the kwic operator uses; rows are the distinct ids.</summary>
public sealed class IndexCountOperator(IReadOnlyList<ResultColumn> columns, IndexCountKind kind, string pattern,
    IReadOnlyList<string> indexFiles, CancellationToken ct) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => columns;

    public ColumnBatch? Next(CancellationToken token)
    {
        if (_done) return null;
        _done = true;
        var lower = WordRules.Lower(pattern);
        long n = kind switch
        {
            IndexCountKind.Occurrences => TermIndexLookup.Run(indexFiles,
                lower.Contains('*') ? TermIndexLookup.Kind.Glob : TermIndexLookup.Kind.Word, lower, wantIds: false, ct).Occurrences,
            IndexCountKind.RowsWithWord => TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Word, lower, wantIds: false, ct).Rows,
            _ => TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Piece, lower, wantIds: true, ct).Ids.Count,
        };
        var cols = new ColumnVector[Columns.Count];
        for (int c = 0; c < cols.Length; c++) cols[c] = new Int64Vector([n], null, 1);
        return new ColumnBatch(cols, 1);
    }

    public void Dispose() { }
}
