using Cql.Engine.Ingest;
using Cql.Engine.Statements;
using Cql.Engine.Storage;
using System.Text;

namespace StatementEval;

/// <summary>
/// Why the pairs the gold calls one statement were predicted apart (<c>--lost</c>): each such pair of reports is put
/// in one class — a report no extracted quote covers (extraction), the two quotes grouped together when a fresh grouper
/// sees only them (so the corpus's order or the candidate walk kept them apart: never compared, or one joined another
/// statement first), or not even then (the similarity, the speakers or the dates) — and for the last class each
/// report's content words are printed, "+" where one found a concept in the other report, "-" where none.
/// </summary>
public static class LostPairs
{
    public static void Print(IReadOnlyList<GoldReport> gold, StatementScores scores, TextWriter o)
    {
        var quotes = StatementHistory.Read(scores.Corpus, CorpusManifest.Load(scores.Corpus)).ToDictionary(q => q.Quote.QuoteId, q => q.Quote);
        var lexicon = StatementLexicon.Default;
        int unmatched = 0, alone = 0, apart = 0;
        var detail = new StringBuilder();
        for (int i = 0; i < gold.Count; i++)
            for (int j = i + 1; j < gold.Count; j++)
            {
                if (gold[i].Statement != gold[j].Statement) continue;
                MatchedQuote? a = scores.Predicted[i], b = scores.Predicted[j];
                if (a is null || b is null) { unmatched++; continue; }
                if (a.Statement == b.Statement) continue;
                if (!quotes.TryGetValue(a.QuoteId, out var qa) || !quotes.TryGetValue(b.QuoteId, out var qb)) { unmatched++; continue; }
                var grouper = new StatementGrouper(lexicon, _ => false);
                var sa = grouper.Add(qa);
                if (grouper.Add(qb) == sa && sa is not null) { alone++; continue; }
                apart++;
                detail.AppendLine($"{gold[i].Statement}  {a.Lang} [{a.Speaker ?? "-"}] {Marked(lexicon, qa, qb)}");
                detail.AppendLine($"{new string(' ', gold[i].Statement.Length)}  {b.Lang} [{b.Speaker ?? "-"}] {Marked(lexicon, qb, qa)}");
            }
        o.WriteLine($"lost pairs: {unmatched} with a report no quote covers, {alone} grouped when alone (order or candidates), {apart} apart even alone");
        o.WriteLine("reports under half covered (best overlapping quote's share of their words):");
        for (int i = 0; i < gold.Count; i++)
            if (scores.Predicted[i] is null) o.WriteLine($"  {scores.Coverage[i]:F2}  {gold[i].Doc}  {gold[i].Text}");
        o.Write(detail);
    }

    /// <summary>The content words of a quote, each with "+" when one of its concepts is among the other quote's.</summary>
    static string Marked(StatementLexicon lexicon, GroupedQuote q, GroupedQuote other)
    {
        var others = new HashSet<uint>();
        foreach (var w in Words(other.Text))
            if (!lexicon.IsStopword(other.Lang, w)) others.UnionWith(lexicon.Concepts(other.Lang, w));
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
