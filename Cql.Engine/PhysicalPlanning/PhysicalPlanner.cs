using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Tables;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// Turns an optimised logical plan into physical operators over a corpus's files, making the decisions that depend
/// on what the corpus has: a count answered by the term index (<see cref="IndexCountChoice"/>) or by the value
/// counts (<see cref="ValueCountChoice"/>) instead of a scan, the text tests the index answers
/// (<see cref="TermIndexMarks"/>), and the row groups each scan skips by their statistics
/// (<see cref="RowGroupPruning"/>). Footers and the index are read here; row groups when the operators are pulled.
/// </summary>
public static class PhysicalPlanner
{
    /// <summary>Plans the query and starts it: the stream of its result, which closes the files when disposed.
    /// Damaged files raise <see cref="CorpusReadException"/>.</summary>
    public static IBatchStream Execute(LogicalPlan plan, CorpusFiles files, CancellationToken ct = default, int? workers = null,
        ExecutionBudget? budget = null)
    {
        var open = new ParquetFileCache();
        try
        {
            return QueryExecutor.Run(Plan(plan, files, open, workers ?? Environment.ProcessorCount, ct, budget), open);
        }
        catch
        {
            open.Dispose();
            throw;
        }
    }

    /// <summary>The operator tree of the plan; the operators read through <paramref name="open"/> and hold what
    /// <paramref name="budget"/> allows (<see cref="ExecutionBudget.Default"/> when null).</summary>
    public static IPhysicalOperator Plan(LogicalPlan plan, CorpusFiles files, ParquetFileCache open, int workers, CancellationToken ct,
        ExecutionBudget? budget = null)
    {
        budget ??= ExecutionBudget.Default;
        IPhysicalOperator Child(LogicalPlan p) => Plan(p, files, open, workers, ct, budget);
        switch (plan)
        {
            case Sort { Input: Sort { Limit: null } } s:
                return Plan(Merged(s), files, open, workers, ct, budget);
            case LimitBy { Input: Sort { Limit: null } sorted } l:
            {
                // Top-N per group: the sort keeps the best N rows of each group instead of sorting every row.
                var s = Merged(sorted);
                return new SortOperator(Child(s.Input), s.Keys, l.Count, l.Keys);
            }
            case LimitBy l:
                return new LimitByOperator(Child(l.Input), l.Count, l.Keys);
            case Join j:
                return new HashJoinOperator(Child(j.Input), Child(j.Other), j);
            case Sort s when ValueCountChoice.Of(s) is { } counted:
            {
                var input = counted.Counts(files, ct) is { } counts
                    ? new CountedGroupsOperator(counted.Aggregate.Schema, counted.Aggregate.Keys[0].Expr.Type, counts)
                    : Child(counted.Aggregate);
                return new SortOperator(input, s.Keys, s.Limit, budget: budget);
            }
            case Aggregate a when IndexCountChoice.Of(a) is { } c && files.IndexOf(c.Table) is { } index:
                return new IndexCountOperator(a.Schema, c.Kind, c.Pattern, index, ct);
            case Scan s:
                return PlanScan(s, files, open, workers, ct, budget);
            case Filter f:
                return new FilterOperator(Child(f.Input), SemiJoinSets.Prepare(f.Predicate, Child, ct));
            case Project p:
                return new ProjectOperator(Child(p.Input), p);
            case ContextJoin j:
                return new ContextJoinOperator(Child(j.Input), Child(j.Target), j.Link.Key, j.Schema, j.Inner);
            case Aggregate a:
                return PlanAggregate(a.Input, a.Keys, a.Aggregates, a.Schema, files, open, workers, ct, budget);
            case Distinct d:
                return PlanAggregate(d.Input, d.Input.Schema.Select(c => new NamedExpr(c.Name, new ColumnRef(c.Name, c.Type))).ToList(), [],
                    d.Schema, files, open, workers, ct, budget);
            case Sort s:
                return new SortOperator(Child(s.Input), s.Keys, s.Limit, budget: budget);
            case Limit l:
                return new LimitOperator(Child(l.Input), l.Count);
            case Sample s:
                return new SampleOperator(Child(s.Input), s.Count, s.Seed);
            case Kwic k:
                return new KwicOperator(Child(k.Input), k);
            case Collocations c:
                return new CollocationsOperator(Child(c.Input), c);
            case Keywords k:
                return new KeywordsOperator(Child(k.Input), k);
            case Cooccur c:
                return new CooccurOperator(Child(c.Mentions), c.Units is null ? null : Child(c.Units), Child(c.Entities));
            case Fill f:
                return new FillOperator(Child(f.Input), f.Period, f.Unit);
            default:
                throw new NotSupportedException($"plan node {plan.GetType().Name}");
        }
    }

    /// <summary>
    /// A stable sort over a complete sort orders by its keys, then the inner keys: one sort with both lists is the
    /// same order, and under a limit it becomes a top-N instead of sorting every row first
    /// (`count by a, b | order by count desc | limit 3`). A repeated key never breaks a tie, so it goes.
    /// </summary>
    static Sort Merged(Sort s) => s.Input is Sort { Limit: null } inner
        ? Merged(new Sort(inner.Input, [.. s.Keys, .. inner.Keys.Where(k => !s.Keys.Any(o => o.Expr.Equals(k.Expr)))], s.Limit))
        : s;

    /// <summary>A hash aggregation; over a scan of a table in order by one of the keys, the clustered one, which
    /// hands finished groups on as the scan passes them (<see cref="ClusteredKeyChoice"/>).</summary>
    static IPhysicalOperator PlanAggregate(LogicalPlan input, IReadOnlyList<NamedExpr> keys, IReadOnlyList<AggregateExpr> aggregates,
        IReadOnlyList<ResultColumn> schema, CorpusFiles files, ParquetFileCache open, int workers, CancellationToken ct, ExecutionBudget budget)
    {
        var candidates = ClusteredKeyChoice.Candidates(input, keys);
        if (candidates.Count == 0) return new AggregateOperator(Plan(input, files, open, workers, ct, budget), keys, aggregates, schema, budget);
        ScanOperator? scan = null;
        IPhysicalOperator Chain(LogicalPlan p) => p switch
        {
            Filter f => new FilterOperator(Chain(f.Input), SemiJoinSets.Prepare(f.Predicate, q => Plan(q, files, open, workers, ct, budget), ct)),
            Project pr => new ProjectOperator(Chain(pr.Input), pr),
            Scan s => Scanned(PlanScan(s, files, open, workers, ct, budget)),
            _ => throw new InvalidOperationException($"a clustered aggregate over {p.GetType().Name}"),
        };
        IPhysicalOperator Scanned(IPhysicalOperator op) { scan = op as ScanOperator; return op; }
        var chain = Chain(input);
        // A user's CSV file has no row groups to go by.
        foreach (var column in scan is null ? [] : candidates)
            if (ClusteredKeyChoice.RestMinima(scan!.Layout.Units, column) is { } minima)
                return new ClusteredAggregateOperator(chain, keys, aggregates, schema, column, scan.LowerBoundOfRest(minima), budget.GroupsHeld);
        return new AggregateOperator(chain, keys, aggregates, schema, budget);
    }

    static IPhysicalOperator PlanScan(Scan s, CorpusFiles files, ParquetFileCache open, int workers, CancellationToken ct, ExecutionBudget budget)
    {
        if (s.File is { Kind: UserTableKind.Csv })
            return new CsvScanOperator(s, s.Predicate is null ? null : SemiJoinSets.Prepare(s.Predicate, p => Plan(p, files, open, workers, ct, budget), ct));
        if (s.Predicate is null)
            return new ScanOperator(s, ScanLayout.Build(null, FilesOf(s, files), open, ct), [], open, workers);
        var predicate = SemiJoinSets.Prepare(s.Predicate, p => Plan(p, files, open, workers, ct, budget), ct);
        if (s.File is not null)
        {
            // A user's Parquet table: pruned by its statistics like a corpus table, without a term index.
            var userLayout = ScanLayout.Build(RowGroupPruning.Describe(predicate, IndexHits.None), s.File.Files, open, ct);
            return new ScanOperator(s, userLayout, Conjuncts(predicate, IndexHits.None), open, workers);
        }
        var marks = TermIndexMarks.Of(s.Table, predicate);
        var hits = marks.Any && files.IndexOf(s.Table) is { } index ? marks.Resolve(index, ct) : IndexHits.None;
        var layout = ScanLayout.Build(RowGroupPruning.Describe(predicate, hits), files.Of(s.Table), open, ct);
        return new ScanOperator(s, layout, Conjuncts(predicate, hits), open, workers);
    }

    /// <summary>The files a scan reads: a user's table's own, else the corpus table's.</summary>
    internal static IReadOnlyList<string> FilesOf(Scan s, CorpusFiles files) => s.File?.Files ?? files.Of(s.Table);

    /// <summary>The conjuncts the scan tests one by one. A text test the index answers only with candidates becomes
    /// two: its row ids (a cheap column, tested early) and then the text, on the rows that survive.</summary>
    static List<ScanConjunct> Conjuncts(Expr predicate, IndexHits hits)
    {
        var list = new List<ScanConjunct>();
        foreach (var c in Exprs.Conjuncts(predicate))
        {
            if (c is TextMatch t && hits.Find(t) is { Exact: false } hit)
            {
                list.Add(new ScanConjunct(t, new IndexHits(new Dictionary<TextMatch, IndexHit> { [t] = hit with { Exact = true } }), [hit.Id]));
                list.Add(new ScanConjunct(t, IndexHits.None, Exprs.ColumnRefs(t)));
            }
            else list.Add(new ScanConjunct(c, hits, TermIndexMarks.ReadsWith(c, x => hits.Find(x) is { } h ? (h.Id, h.Exact) : null)));
        }
        return list;
    }
}
