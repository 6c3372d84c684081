using Cql.Engine.Ingest;
using Cql.Engine.Statements;
using Cql.Engine.Storage;
using System.Text;

namespace StatementEval;

/// <summary>
/// Why the pairs the gold calls one statement were predicted apart (<c>--lost</c>): each such pair of reports is put
/// in one class, the first that applies —
/// (a) a report no extracted quote covers (extraction);
/// (b) never compared: a fresh grouper that sees only the two quotes joins them, so the corpus's order or the
/// candidate walk kept them apart ("order"); or they share fewer than two concepts, so no rule could compare them
/// ("no shared words");
/// (c) compared and turned down: joined once their speakers are taken away ("speakers"), or their dates as well
/// ("dates"), else the similarity is under its threshold ("similarity");
/// (d) split: one of the two reports is one of several rows its document gives the statement (a clause of an
/// announcement), and this pair shares fewer than two concepts — only a report of the whole can join them.
/// Split is tested before (b)'s and (c)'s content classes. For (c) and (d) each report's
/// content words are printed, "+" where one found a concept in the other report, "-" where none.
/// </summary>
public static class LostPairs
{
    static readonly string[] Classes = ["a: no quote covers a report", "b: order or candidate walk", "b: no shared words",
        "c: speakers", "c: dates", "c: similarity", "d: split over rows"];

    public static void Print(IReadOnlyList<GoldReport> gold, StatementScores scores, TextWriter o)
    {
        var quotes = StatementHistory.Read(scores.Corpus, CorpusManifest.Load(scores.Corpus)).ToDictionary(q => q.Quote.QuoteId, q => q.Quote);
        var lexicon = StatementLexicon.Default;
        var counts = new int[Classes.Length];
        var detail = new StringBuilder();
        for (int i = 0; i < gold.Count; i++)
            for (int j = i + 1; j < gold.Count; j++)
            {
                if (gold[i].Statement != gold[j].Statement) continue;
                MatchedQuote? a = scores.Predicted[i], b = scores.Predicted[j];
                if (a is not null && b is not null && a.Statement == b.Statement) continue;
                int c = a is null || b is null || !quotes.TryGetValue(a.QuoteId, out var qa) || !quotes.TryGetValue(b.QuoteId, out var qb) ? 0
                    : Classify(lexicon, qa, qb, Split(gold, i) || Split(gold, j));
                counts[c]++;
                if (c < 3) continue;
                detail.AppendLine($"{Classes[c][..1]} {gold[i].Statement}  {a!.Lang} [{a.Speaker ?? "-"}] {Marked(lexicon, quotes[a.QuoteId], quotes[b!.QuoteId])}");
                detail.AppendLine($"  {new string(' ', gold[i].Statement.Length)}  {b.Lang} [{b.Speaker ?? "-"}] {Marked(lexicon, quotes[b.QuoteId], quotes[a.QuoteId])}");
            }
        o.WriteLine("lost pairs: " + string.Join(", ", Classes.Select((name, k) => $"{name} {counts[k]}")));
        o.WriteLine("reports no quote covers (the share of their words the quotes that overlap them cover):");
        for (int i = 0; i < gold.Count; i++)
            if (scores.Predicted[i] is null) o.WriteLine($"  {scores.Coverage[i]:F2}  {gold[i].Doc}  {gold[i].Text}");
        o.Write(detail);
    }

    /// <summary>Whether another gold report of the same document reports the same statement.</summary>
    static bool Split(IReadOnlyList<GoldReport> gold, int i)
    {
        for (int k = 0; k < gold.Count; k++)
            if (k != i && gold[k].Doc == gold[i].Doc && gold[k].Statement == gold[i].Statement) return true;
        return false;
    }

    static int Classify(StatementLexicon lexicon, GroupedQuote qa, GroupedQuote qb, bool split)
    {
        if (JoinedAlone(lexicon, qa, qb)) return 1;
        bool shareTwo = Shared(lexicon, qa, qb) >= 2 && Shared(lexicon, qb, qa) >= 2;
        if (split && !shareTwo) return 6;
        if (!shareTwo) return 2;
        if (JoinedAlone(lexicon, qa with { Speaker = null }, qb with { Speaker = null })) return 3;
        if (JoinedAlone(lexicon, qa with { Speaker = null, DocDate = null }, qb with { Speaker = null, DocDate = null })) return 4;
        return 5;
    }

    static bool JoinedAlone(StatementLexicon lexicon, GroupedQuote qa, GroupedQuote qb)
    {
        var grouper = new StatementGrouper(lexicon, _ => false);
        var sa = grouper.Add(qa);
        return sa is not null && grouper.Add(qb) == sa;
    }

    /// <summary>How many of a quote's content words find a concept in the other quote.</summary>
    static int Shared(StatementLexicon lexicon, GroupedQuote q, GroupedQuote other)
    {
        var others = ConceptsOf(lexicon, other);
        int n = 0;
        foreach (var w in Words(q.Text))
            if (!lexicon.IsStopword(q.Lang, w) && lexicon.Concepts(q.Lang, w).Any(others.Contains)) n++;
        return n;
    }

    static HashSet<uint> ConceptsOf(StatementLexicon lexicon, GroupedQuote q)
    {
        var set = new HashSet<uint>();
        foreach (var w in Words(q.Text))
            if (!lexicon.IsStopword(q.Lang, w)) set.UnionWith(lexicon.Concepts(q.Lang, w));
        return set;
    }

    /// <summary>The content words of a quote, each with "+" when one of its concepts is among the other quote's.</summary>
    static string Marked(StatementLexicon lexicon, GroupedQuote q, GroupedQuote other)
    {
        var others = ConceptsOf(lexicon, other);
        var sb = new StringBuilder();
        foreach (var w in Words(q.Text))
        {
            if (lexicon.IsStopword(q.Lang, w)) continue;
            bool found = false;
            foreach (var c in lexicon.Concepts(q.Lang, w)) found |= others.Contains(c);
            sb.Append(w).Append(found ? "+ " : "- ");
        }
        return sb.ToString();
    }

    static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
