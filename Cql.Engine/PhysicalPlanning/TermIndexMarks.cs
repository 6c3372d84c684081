using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// The text tests of a scan's predicate that the term index (<see cref="TermIndexSpec"/>) can answer, so a `has` or
/// `contains` on an indexed table's text reads a few postings instead of every text:
/// <list type="bullet">
/// <item>`text has P`: exact from the index when P is one word (the rows whose text has the word); a phrase gives
/// candidate rows (those with every word of it), which the original test then checks.</item>
/// <item>`text contains P` when P is a piece of one word of 3 characters or more: exact (a match lies inside one
/// word, so it is the rows with a word containing P; shorter pieces match too many words to pay).</item>
/// </list>
/// Only tests reached through and/or/not are marked. Marking needs only the schema; whether the corpus has a complete
/// index is known from its files (<see cref="Resolve"/>), and without one the text is scanned.
/// </summary>
public sealed class TermIndexMarks
{
    /// <summary>No test marked: the scan reads the text.</summary>
    public static readonly TermIndexMarks None = new(null, new Dictionary<TextMatch, bool>());

    readonly IReadOnlyDictionary<TextMatch, bool> _exact;

    TermIndexMarks(TermIndexSpec? spec, IReadOnlyDictionary<TextMatch, bool> exact)
    {
        Spec = spec;
        _exact = exact;
    }

    /// <summary>The index of the scanned table; null when it has none.</summary>
    public TermIndexSpec? Spec { get; }

    /// <summary>Whether some test is marked.</summary>
    public bool Any => _exact.Count > 0;

    /// <summary>The marks of a scan of <paramref name="table"/> with <paramref name="predicate"/>.</summary>
    public static TermIndexMarks Of(string table, Expr? predicate)
    {
        if (predicate is null || TermIndexSpec.ForSource(table) is not { } spec) return None;
        var exact = new Dictionary<TextMatch, bool>();
        Mark(predicate, exact);
        return exact.Count == 0 ? None : new TermIndexMarks(spec, exact);
    }

    static void Mark(Expr e, Dictionary<TextMatch, bool> into)
    {
        switch (e)
        {
            case And or Or or Not:
                foreach (var c in ExprTree.Children(e)) Mark(c, into);
                break;
            case TextMatch { Operand: ColumnRef { Name: WellKnownColumns.Text } } t when Indexable(t) is { } exact:
                into[t] = exact;
                break;
        }
    }

    /// <summary>Whether the index answers the test exactly (true), gives candidates (false), or cannot help (null).</summary>
    public static bool? Indexable(TextMatch t)
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

    /// <summary>Whether the test is marked: exact (true), candidates (false), or not at all (null).</summary>
    public bool? Exact(TextMatch t) => _exact.TryGetValue(t, out var exact) ? exact : null;

    ColumnRef IdColumn => new(Spec!.IdColumn, ColumnType.Int32);

    /// <summary>The columns the predicate reads when the marked tests are answered by the index.</summary>
    public List<ColumnRef> Reads(Expr e) => ReadsWith(e, t => Exact(t) is { } exact ? (IdColumn, exact) : null);

    /// <summary>The columns a predicate reads when the tests that <paramref name="answered"/> knows (reached through
    /// and/or/not) are answered by their row ids: an exact answer reads the id instead of the text, a candidate one
    /// the id and then the text.</summary>
    public static List<ColumnRef> ReadsWith(Expr e, Func<TextMatch, (ColumnRef Id, bool Exact)?> answered)
    {
        var list = new List<ColumnRef>();
        void Collect(Expr x)
        {
            switch (x)
            {
                case And or Or or Not:
                    foreach (var c in ExprTree.Children(x)) Collect(c);
                    break;
                case TextMatch t when answered(t) is var (id, exact):
                    list.Add(id);
                    if (!exact) list.AddRange(Exprs.ColumnRefs(t));
                    break;
                default:
                    list.AddRange(Exprs.ColumnRefs(x));
                    break;
            }
        }
        Collect(e);
        return list;
    }

    /// <summary>The predicate as explain prints it: each marked test followed by how the index answers it.</summary>
    public string Print(Expr e) => e switch
    {
        _ when !Any => e.ToString(),
        And a => $"({Print(a.Left)} and {Print(a.Right)})",
        Or o => $"({Print(o.Left)} or {Print(o.Right)})",
        Not n => $"not {Print(n.Operand)}",
        TextMatch t when Exact(t) is { } exact => $"{t} [term index{(exact ? "" : ", then verified")}]",
        _ => e.ToString(),
    };

    /// <summary>The index's answer to each marked test, from the index files of a complete index.</summary>
    public IndexHits Resolve(IReadOnlyList<string> indexFiles, CancellationToken ct)
    {
        var hits = new Dictionary<TextMatch, IndexHit>();
        foreach (var (test, exact) in _exact)
        {
            var lower = WordRules.Lower(test.Pattern);
            IdSet ids;
            if (test.Op == TextOp.Contains) ids = TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Piece, lower, wantIds: true, ct).Ids;
            else
            {
                // A phrase: the rows with every one of its words (fewest first would be cheaper; phrases are short).
                ids = null!;
                foreach (var w in WordRules.LowerWords(lower))
                {
                    var next = TermIndexLookup.Run(indexFiles, TermIndexLookup.Kind.Word, w, wantIds: true, ct).Ids;
                    ids = ids is null ? next : IdSet.Intersect(ids, next);
                }
            }
            hits[test] = new IndexHit(IdColumn, ids, exact);
        }
        return new IndexHits(hits);
    }
}
