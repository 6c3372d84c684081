using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>`kwic "WORD" | count` from the term index: one row, the sum of the matching terms' occurrence counts
/// (what the kwic operator would count, by the same <see cref="WordRules"/>), without reading any text.</summary>
public sealed class KwicIndexCountOperator(IndexedKwicCount plan, IReadOnlyList<string> indexFiles, CancellationToken ct) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => plan.Schema;

    public ColumnBatch? Next(CancellationToken token)
    {
        if (_done) return null;
        _done = true;
        var word = WordRules.Lower(plan.Word);
        var kind = word.Contains('*') ? TermIndexLookup.Kind.Glob : TermIndexLookup.Kind.Word;
        long n = TermIndexLookup.Run(indexFiles, kind, word, wantIds: false, ct).Occurrences;
        var cols = new ColumnVector[Columns.Count];
        for (int c = 0; c < cols.Length; c++) cols[c] = new Int64Vector([n], null, 1);
        return new ColumnBatch(cols, 1);
    }

    public void Dispose() { }
}
