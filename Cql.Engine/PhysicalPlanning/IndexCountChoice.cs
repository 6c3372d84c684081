using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// A count the term index answers alone, without reading the table: `kwic "WORD" | count` is the sum of the word's
/// occurrence counts, and a count of the rows a scan with one exact text test keeps (<see cref="TermIndexMarks"/>)
/// is the size of its id set. The choice needs only the plan; when the query runs without a complete index, the
/// aggregate runs as planned.
/// </summary>
public sealed record IndexCountChoice(string Table, IndexCountKind Kind, string Pattern)
{
    /// <summary>What the index counts for this aggregate, or null when it cannot answer it.</summary>
    public static IndexCountChoice? Of(Aggregate a)
    {
        bool countOnly = a.Keys.Count == 0 && a.Aggregates.All(g => g.Function == AggregateFunction.Count && g.Argument is null);
        if (!countOnly) return null;
        if (a.Input is Kwic { Words.Count: 1 } k && k.Input is Scan { Limit: null, File: null } ks && TermIndexSpec.ForSource(ks.Table) is not null
            && ks.Predicate is null or TextMatch { Op: TextOp.Contains } && HasWord(k.Words[0]))
            return new IndexCountChoice(ks.Table, IndexCountKind.Occurrences, k.Words[0]);
        if (a.Input is Scan { Limit: null, Predicate: TextMatch t, File: null } s && TermIndexMarks.Of(s.Table, t).Exact(t) == true)
            return new IndexCountChoice(s.Table, t.Op == TextOp.Has ? IndexCountKind.RowsWithWord : IndexCountKind.RowsWithPiece, t.Pattern);
        return null;
    }

    /// <summary>Whether the count is of a kwic's matches (its fallback plan then scans without the index).</summary>
    public bool OfKwic => Kind == IndexCountKind.Occurrences;

    // A word to look up: not a lone `*` (every word), and some letter or digit.
    static bool HasWord(string w) => w.Replace("*", "").Length > 0 && WordRules.LowerWords(w.Replace('*', 'a')).Count == 1;
}
