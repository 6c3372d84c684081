using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.Optimizing;

/// <summary>
/// Marks what the term index (<see cref="TermIndexSpec"/>) can answer, so a `has` or `contains` on an indexed
/// table's text reads a few postings instead of every text:
/// <list type="bullet">
/// <item>`text has P` in a scan: exact from the index when P is one word (the rows whose text has the word);
/// a phrase gives candidate rows (those with every word of it), which the original test then checks.</item>
/// <item>`text contains P` when P is a piece of one word of 3 characters or more: exact (a match lies inside one
/// word, so it is the rows with a word containing P; shorter pieces match too many words to pay).</item>
/// <item>`kwic "WORD" | count`: the sum of the word's occurrence counts; and a count of the rows a scan with one
/// exact text test keeps: the size of the id set. Neither reads the table.</item>
/// </list>
/// The plan only marks; whether the corpus has a complete index is known when the query runs, which falls back to
/// the scan otherwise. Runs last, on scans whose predicates are already pushed down.
/// </summary>
public static class TermIndexRule
{
    public static LogicalPlan Apply(LogicalPlan plan)
    {
        bool countOnly = plan is Aggregate { Keys.Count: 0 } c && c.Aggregates.All(g => g.Function == AggregateFunction.Count && g.Argument is null);
        if (countOnly && plan is Aggregate { Input: Kwic { Words.Count: 1 } k } a && k.Input is Scan { Limit: null } ks
            && TermIndexSpec.ForSource(ks.Table) is not null && ks.Predicate is null or TextMatch { Op: TextOp.Contains } && HasWord(k.Words[0]))
            return new IndexedCount(a, ks.Table, IndexCountKind.Occurrences, k.Words[0]);
        plan = plan.WithInputs(plan.Inputs.Select(Apply).ToList());
        if (countOnly && plan is Aggregate { Input: Scan { Limit: null, Predicate: IndexedTextMatch { Exact: true } x } } counted)
            return new IndexedCount(counted, x.Table, x.Original.Op == TextOp.Has ? IndexCountKind.RowsWithWord : IndexCountKind.RowsWithPiece, x.Original.Pattern);
        if (plan is Scan { Predicate: { } p } s && TermIndexSpec.ForSource(s.Table) is { } spec)
            return s with { Predicate = Mark(p, spec) };
        return plan;
    }

    // A word to look up: not a lone `*` (every word), and some letter or digit.
    static bool HasWord(string w) => w.Replace("*", "").Length > 0 && WordRules.LowerWords(w.Replace('*', 'a')).Count == 1;

    static Expr Mark(Expr e, TermIndexSpec spec) => e switch
    {
        And a => new And(Mark(a.Left, spec), Mark(a.Right, spec)),
        Or o => new Or(Mark(o.Left, spec), Mark(o.Right, spec)),
        Not n => new Not(Mark(n.Operand, spec)),
        TextMatch { Operand: ColumnRef { Name: "text" } } t when Indexable(t) is { } exact =>
            new IndexedTextMatch(t, spec.SourceTable, new ColumnRef(spec.IdColumn, ColumnType.Int32), exact),
        _ => e,
    };

    /// <summary>Whether the index answers the test exactly (true), gives candidates (false), or cannot help (null).</summary>
    static bool? Indexable(TextMatch t)
    {
        var lower = WordRules.Lower(t.Pattern);
        switch (t.Op)
        {
            case TextOp.Has:
            {
                if (WordRules.IsAllWord(lower)) return true;
                return WordRules.LowerWords(lower).Count > 0 ? false : null;
            }
            case TextOp.Contains:
                return lower.Length >= 3 && WordRules.IsAllWord(lower) ? true : null;
            default:
                return null;
        }
    }
}
