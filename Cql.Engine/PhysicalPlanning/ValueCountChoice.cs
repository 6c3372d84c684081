using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// `quotes | count by lang` over the whole table is the sum of the value counts ingest keeps per part file
/// (<see cref="ValueCounter"/>): a few hundred rows instead of a scan. Applies to a count grouped by one short text
/// column of an unfiltered scan, under a sort that orders the groups completely (count by always sorts by count,
/// then the key), because the counts do not know the order in which groups first appear. Whether the counts cover
/// the table is known from the corpus (<see cref="Counts"/>); otherwise the aggregate runs as planned.
/// </summary>
public sealed record ValueCountChoice(Aggregate Aggregate, string Table, string Column)
{
    /// <summary>The aggregate under the sort that the value counts may answer, or null.</summary>
    public static ValueCountChoice? Of(Sort sort)
    {
        if (sort.Input is Aggregate { Keys: [{ Expr: ColumnRef key } k] } a
            && a.Aggregates.All(g => g.Function == AggregateFunction.Count && g.Argument is null)
            && a.Input is Scan { Predicate: null, Limit: null, File: null } scan
            && key.Type is ColumnType.String or ColumnType.Date
            && sort.Keys.Any(s => s.Expr is ColumnRef r && r.Name == k.Name))
            return new ValueCountChoice(a, scan.Table, key.Name);
        return null;
    }

    /// <summary>The column's values and counts summed over every part, or null unless they account for every row
    /// of the table (a part counted before counts existed, a column given up as too varied, a replaced table).</summary>
    public IReadOnlyList<(string? Value, long Count)>? Counts(CorpusFiles files, CancellationToken ct)
    {
        if (files.RowsOf(Table) is not { } rows) return null;
        var paths = files.Of(ValueCounter.TableName);
        if (paths.Count == 0) return null;
        var predicate = new And(
            new Compare(CompareOp.Eq, new ColumnRef("table", ColumnType.String), Literal.Of(Table)),
            new Compare(CompareOp.Eq, new ColumnRef("column", ColumnType.String), Literal.Of(Column)));
        var scan = Scan.Of(ValueCounter.Schema, "value", "count") with { Predicate = predicate };
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        long nulls = 0, total = 0;
        using (var stream = PhysicalPlanner.Execute(scan, CorpusFiles.From(new TableFiles(ValueCounter.TableName, paths)), ct))
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
}
