namespace Cql.Engine.Planning;

/// <summary>
/// One builder per query stage, so the planner maps a bound query onto the plan stage by stage. Stages whose
/// expressions use doc.FIELD (sent.FIELD, para.FIELD) get a <see cref="ContextJoin"/> below them first (the optimiser
/// narrows the linked table's scan to the fields used).
/// </summary>
public static class PlanStages
{
    /// <summary>Keyword in context over the sentences.</summary>
    public static LogicalPlan Kwic(IReadOnlyList<string> words, int context) => Planning.Kwic.OverSentences(words, context);

    public static LogicalPlan Where(LogicalPlan input, Expr predicate) =>
        KeepColumnsOf(input, new Filter(WithDocs(input, predicate), predicate));

    public static LogicalPlan Select(LogicalPlan input, IReadOnlyList<NamedExpr> columns) =>
        new Project(WithDocs(input, columns.Select(c => c.Expr)), columns);

    public static LogicalPlan OrderBy(LogicalPlan input, IReadOnlyList<SortKey> keys) =>
        KeepColumnsOf(input, new Sort(WithDocs(input, keys.Select(k => k.Expr)), keys));

    public static LogicalPlan Limit(LogicalPlan input, long count) => new Limit(input, count);

    /// <summary>limit N by keys: the first N rows of each group, in their order (top-N per group after an order by).</summary>
    public static LogicalPlan LimitBy(LogicalPlan input, long count, IReadOnlyList<Expr> keys) =>
        KeepColumnsOf(input, new LimitBy(WithDocs(input, keys), count, keys));

    /// <summary>join: the other rows' columns come in as NAME.COLUMN (a key reading doc.FIELD gets its join first).</summary>
    public static LogicalPlan Join(LogicalPlan input, LogicalPlan other, Expr key, string otherKey, string name, bool left) =>
        new Join(WithDocs(input, key), other, key, otherKey, name, left);

    /// <summary>count: one row, one column "count".</summary>
    public static LogicalPlan Count(LogicalPlan input) =>
        new Aggregate(input, [], [new AggregateExpr(AggregateFunction.Count, null, "count")]);

    /// <summary>count by k1, k2: a row per group with "count", most frequent first, ties by the keys. A time series
    /// reads in time: keys that are periods of bucket() sort first, in time order (their text order), then the rest.
    /// With <paramref name="distinctOf"/> (count distinct x by k) "count" is the number of different non-null values of
    /// x in the group, ordered the same way.</summary>
    public static LogicalPlan CountBy(LogicalPlan input, IReadOnlyList<NamedExpr> keys, Expr? distinctOf = null)
    {
        var count = distinctOf is null
            ? new AggregateExpr(AggregateFunction.Count, null, "count")
            : new AggregateExpr(AggregateFunction.CountDistinct, distinctOf, "count");
        var used = keys.Select(k => k.Expr);
        if (distinctOf is not null) used = used.Append(distinctOf);
        var agg = new Aggregate(WithDocs(input, used), keys, [count]);
        var order = new List<SortKey>();
        foreach (var k in keys) if (k.Expr is DateBucket) order.Add(new SortKey(new ColumnRef(k.Name, k.Expr.Type)));
        order.Add(new(new ColumnRef("count", ColumnType.Int64), Descending: true));
        foreach (var k in keys) if (k.Expr is not DateBucket) order.Add(new SortKey(new ColumnRef(k.Name, k.Expr.Type)));
        return new Sort(agg, order);
    }

    /// <summary>fill: the empty periods of the period column added with 0 (<see cref="Planning.Fill"/>).</summary>
    public static LogicalPlan Fill(LogicalPlan input, string period, PeriodUnit unit) => new Fill(input, period, unit);

    /// <summary>group by keys aggregate a1, a2: a row per group in order of first appearance.</summary>
    public static LogicalPlan GroupBy(LogicalPlan input, IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates)
    {
        var used = keys.Select(k => k.Expr).Concat(aggregates.SelectMany(a => a.Inputs()));
        return new Aggregate(WithDocs(input, used), keys, aggregates);
    }

    public static LogicalPlan Distinct(LogicalPlan input) => new Distinct(input);

    public static LogicalPlan Sample(LogicalPlan input, int count, int seed) => new Sample(input, count, seed);

    /// <summary>A stage that only filters or orders gives back the columns it was given: the document fields it read
    /// (where doc.lang = de) are not added to the rows. Fields a query wants to see, it names in select.</summary>
    static LogicalPlan KeepColumnsOf(LogicalPlan input, LogicalPlan stage)
    {
        var columns = input.Schema;
        if (stage.Schema.Count == columns.Count) return stage;
        var kept = new List<NamedExpr>(columns.Count);
        foreach (var c in columns) kept.Add(new NamedExpr(c.Name, new ColumnRef(c.Name, c.Type)));
        return new Project(stage, kept);
    }

    /// <summary>The input with the linked rows joined on (<see cref="ContextJoin"/>) for each doc., sent. or para. field
    /// an expression reads that the input lacks.</summary>
    public static LogicalPlan WithDocs(LogicalPlan input, params IEnumerable<Expr> exprs)
    {
        var result = input;
        foreach (var e in exprs)
            foreach (var c in Exprs.Columns(e))
                if (ContextLink.OfColumn(c) is { } link && result.Find(c) is null)
                {
                    if (input.Find(link.Key) is null) throw new ArgumentException($"{c} needs a {link.Key} column in the input");
                    result = ContextJoin.Of(result, link);
                }
        return result;
    }
}
