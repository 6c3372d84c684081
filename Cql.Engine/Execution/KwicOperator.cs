using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>Keyword in context: one row per match of the phrase in a row's text, with N words of context each side.</summary>
public sealed class KwicOperator(IPhysicalOperator input, Kwic kwic) : IPhysicalOperator
{
    readonly KwicMatcher _matcher = new(kwic.Words);
    readonly IReadOnlyList<ResultColumn> _columns = kwic.Schema;
    readonly bool _hasId = kwic.IdColumn != WellKnownColumns.DocId;
    public IReadOnlyList<ResultColumn> Columns => _columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        while (input.Next(ct) is { } batch)
        {
            var src = new BatchColumns(input.Columns, batch);
            var docIds = src.Get(WellKnownColumns.DocId);
            var ids = _hasId ? src.Get(kwic.IdColumn) : null;
            var texts = (StringVector)src.Get(WellKnownColumns.Text);
            var doc = new VectorBuilder(ColumnType.Int32);
            var sent = new VectorBuilder(ColumnType.Int32);
            var left = new VectorBuilder(ColumnType.String);
            var match = new VectorBuilder(ColumnType.String);
            var right = new VectorBuilder(ColumnType.String);
            for (int r = 0; r < batch.RowCount; r++)
            {
                if (texts.IsNull(r)) continue;
                var textMem = texts.Values[r];
                int row = r;
                _matcher.FindAll(textMem.Span, (first, last) =>
                {
                    var tokens = _matcher.Tokens;
                    int ctx = kwic.Context;
                    int from = tokens[Math.Max(0, first - ctx)].Start;
                    int to = tokens[Math.Min(tokens.Count - 1, last + ctx)].End;
                    int ms = tokens[first].Start, me = tokens[last].End;
                    doc.AppendFrom(docIds, row);
                    if (ids is not null) sent.AppendFrom(ids, row);
                    // Slices of the sentence buffer: no copy; context ends at word boundaries.
                    left.Append(Trim(textMem[from..ms]));
                    match.Append(textMem[ms..me]);
                    right.Append(Trim(textMem[me..to]));
                });
            }
            if (doc.Count > 0)
                return new ColumnBatch(_hasId
                    ? [doc.Build(), sent.Build(), left.Build(), match.Build(), right.Build()]
                    : [doc.Build(), left.Build(), match.Build(), right.Build()], doc.Count);
        }
        return null;
    }

    static ReadOnlyMemory<char> Trim(ReadOnlyMemory<char> m)
    {
        var s = m.Span;
        int a = 0, b = s.Length;
        while (a < b && char.IsWhiteSpace(s[a])) a++;
        while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
        return m[a..b];
    }

    public void Dispose() => input.Dispose();
}
