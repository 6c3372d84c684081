using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Execution;

/// <summary>
/// Runs a logical plan (optimise it first with <see cref="Optimizing.Optimizer.Optimize"/>) over a corpus's files
/// and streams the result. Footers are read when the stream is created; row groups are read as it is pulled.
/// Damaged files raise <see cref="CorpusReadException"/>.
/// </summary>
public static class QueryExecutor
{
    public static IBatchStream Execute(LogicalPlan plan, CorpusFiles files, CancellationToken ct = default, int? workers = null)
    {
        var open = new ParquetFileCache();
        try
        {
            var root = Build(plan, files, open, workers ?? Environment.ProcessorCount, ct);
            return new OperatorStream(root, open);
        }
        catch
        {
            open.Dispose();
            throw;
        }
    }

    static IPhysicalOperator Build(LogicalPlan plan, CorpusFiles files, ParquetFileCache open, int workers, CancellationToken ct)
    {
        IPhysicalOperator Child(LogicalPlan p) => Build(p, files, open, workers, ct);
        return plan switch
        {
            Scan s => BuildScan(s with { Predicate = TermIndexLookup.Resolve(s.Predicate, files, ct) }, files, open, workers, ct),
            CountedGroups g => CountedGroupsOperator.Counts(g, files, ct) is { } counts
                ? new CountedGroupsOperator(g, counts)
                : Child(g.Original),
            IndexedCount k => files.IndexOf(k.Table) is { } index
                ? new IndexCountOperator(k, index, ct)
                : Child(k.Original),
            Filter f => new FilterOperator(Child(f.Input), f.Predicate),
            Project p => new ProjectOperator(Child(p.Input), p),
            DocJoin j => new DocJoinOperator(Child(j.Input), Child(j.Docs), j.Schema, j.Inner),
            Aggregate a => new AggregateOperator(Child(a.Input), a.Keys, a.Aggregates, a.Schema),
            Distinct d => new AggregateOperator(Child(d.Input),
                d.Input.Schema.Select(c => new NamedExpr(c.Name, new ColumnRef(c.Name, c.Type))).ToList(), [], d.Schema),
            Sort s => new SortOperator(Child(s.Input), s.Keys, s.Limit),
            Limit l => new LimitOperator(Child(l.Input), l.Count),
            Sample s => new SampleOperator(Child(s.Input), s.Count, s.Seed),
            Kwic k => new KwicOperator(Child(k.Input), k),
            _ => throw new NotSupportedException($"plan node {plan.GetType().Name}"),
        };
    }

    static ScanOperator BuildScan(Scan s, CorpusFiles files, ParquetFileCache open, int workers, CancellationToken ct) =>
        new(s, ScanLayout.Build(s, files.Of(s.Table), open, ct), open, workers);

    /// <summary>The public stream over the root operator; closes the files when disposed.</summary>
    sealed class OperatorStream(IPhysicalOperator root, ParquetFileCache open) : IBatchStream
    {
        ColumnBatch? _current;
        public IReadOnlyList<ResultColumn> Columns => root.Columns;
        public ColumnBatch Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true");

        public bool MoveNext(CancellationToken cancellationToken)
        {
            _current = root.Next(cancellationToken);
            return _current is not null;
        }

        public void Dispose()
        {
            root.Dispose();
            open.Dispose();
        }
    }
}
