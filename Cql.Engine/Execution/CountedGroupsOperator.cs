using Cql.Engine.Planning;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;

namespace Cql.Engine.Execution;

/// <summary>The groups of a `count by` from the value counts (<see cref="CountedGroups"/>): one batch, keys then
/// counts, without reading the table.</summary>
public sealed class CountedGroupsOperator(CountedGroups plan, IReadOnlyList<(string? Value, long Count)> counts) : IPhysicalOperator
{
    bool _done;
    public IReadOnlyList<ResultColumn> Columns => plan.Schema;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done || counts.Count == 0) return null;
        _done = true;
        var keys = new VectorBuilder(plan.Original.Keys[0].Expr.Type, counts.Count);
        var n = new long[counts.Count];
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i].Value is { } v) keys.Append(v.AsMemory()); else keys.AppendNull();
            n[i] = counts[i].Count;
        }
        var cols = new ColumnVector[Columns.Count];
        cols[0] = keys.Build();
        for (int c = 1; c < cols.Length; c++) cols[c] = new Int64Vector(n, null, n.Length);
        return new ColumnBatch(cols, n.Length);
    }

    /// <summary>The column's values and counts summed over every part, or null unless they account for every row
    /// of the table (a part counted before counts existed, a column given up as too varied, a replaced table).</summary>
    public static IReadOnlyList<(string? Value, long Count)>? Counts(CountedGroups plan, CorpusFiles files, CancellationToken ct)
    {
        if (files.RowsOf(plan.Table) is not { } rows) return null;
        var paths = files.Of(ValueCounter.TableName);
        if (paths.Count == 0) return null;
        var predicate = new And(
            new Compare(CompareOp.Eq, new ColumnRef("table", ColumnType.String), Literal.Of(plan.Table)),
            new Compare(CompareOp.Eq, new ColumnRef("column", ColumnType.String), Literal.Of(plan.Column)));
        var scan = Scan.Of(ValueCounter.Schema, "value", "count") with { Predicate = predicate };
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        long nulls = 0, total = 0;
        using (var stream = QueryExecutor.Execute(scan, CorpusFiles.From(new TableFiles(ValueCounter.TableName, paths)), ct))
            while (stream.MoveNext(ct))
            {
                var b = stream.Current;
                var values = b.Columns[0];
                var counts = (Int64Vector)b.Columns[1];
                for (int r = 0; r < b.RowCount; r++)
                {
                    long c = counts.Values[r];
                    if (c < 0) return null; // given up for some part
                    total += c;
                    if (values.IsNull(r)) { nulls += c; continue; }
                    var lookup = sums.GetAlternateLookup<ReadOnlySpan<char>>();
                    var span = values.GetString(r).Span;
                    if (lookup.TryGetValue(span, out long had)) lookup[span] = had + c;
                    else { var key = span.ToString(); sums[key] = c; order.Add(key); }
                }
            }
        if (total != rows) return null;
        var list = new List<(string?, long)>(order.Count + 1);
        foreach (var k in order) list.Add((k, sums[k]));
        if (nulls > 0) list.Add((null, nulls));
        return list;
    }

    public void Dispose() { }
}
