using Cql.Engine.Planning;
using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.Execution;

/// <summary>The term index's answer to one text test: the ids of the rows that may pass it; with
/// <see cref="Exact"/> exactly those rows pass, else the text test still runs on them.</summary>
public sealed record IndexHit(ColumnRef Id, IdSet Ids, bool Exact);

/// <summary>
/// The term-index answers for the text tests of a scan's predicate: a side table the physical planner builds, so the
/// logical expressions carry no run-time data. The predicate evaluator looks each text test that it reaches through
/// and/or/not up here; a test not listed tests the text.
/// </summary>
public sealed class IndexHits
{
    public static readonly IndexHits None = new(new Dictionary<TextMatch, IndexHit>());

    readonly IReadOnlyDictionary<TextMatch, IndexHit> _hits;

    public IndexHits(IReadOnlyDictionary<TextMatch, IndexHit> hits) => _hits = hits;

    public int Count => _hits.Count;

    public IndexHit? Find(TextMatch test) => _hits.Count > 0 && _hits.TryGetValue(test, out var hit) ? hit : null;
}

/// <summary>One conjunct of a scan's predicate as the scan evaluates it: the test, the index answers it uses, and
/// the columns it reads (which decide the order the scan tests conjuncts in).</summary>
public sealed record ScanConjunct(Expr Test, IndexHits Hits, IReadOnlyList<ColumnRef> Reads);
