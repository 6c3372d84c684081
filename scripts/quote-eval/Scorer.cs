using System.Text;
using Cql.Engine.Quotes;

namespace QuoteEval;

/// <summary>The counts of one corpus split, summed over its documents.</summary>
public sealed class SplitScore
{
    public int Documents;
    public readonly int[] Gold = new int[3], Matched = new int[3];
    /// <summary>Found quotes, those matched to a gold attribution (pieces of one each count), and of the rest those in marks and those inside a gold content.</summary>
    public int Found, FoundMatched, UnmatchedFoundInMarks, UnmatchedFoundInGold;
    /// <summary>Matched quotes whose gold attribution names a source, and how many of those we attribute right.</summary>
    public int SpeakerScored, SpeakerStrict, SpeakerLenient;
    /// <summary>Rows of kind term (not claimed as quotes), and of those the ones lying inside a gold content.</summary>
    public int Terms, TermsInGold;

    /// <summary>Adds another split's counts to these (the all-languages row of a multilingual set).</summary>
    public void Add(SplitScore o)
    {
        Documents += o.Documents;
        for (int k = 0; k < Gold.Length; k++) { Gold[k] += o.Gold[k]; Matched[k] += o.Matched[k]; }
        Found += o.Found; FoundMatched += o.FoundMatched;
        UnmatchedFoundInMarks += o.UnmatchedFoundInMarks; UnmatchedFoundInGold += o.UnmatchedFoundInGold;
        SpeakerScored += o.SpeakerScored; SpeakerStrict += o.SpeakerStrict; SpeakerLenient += o.SpeakerLenient;
        Terms += o.Terms; TermsInGold += o.TermsInGold;
    }
}

/// <summary>How found quotes are matched to gold, and the marks that open and close a quotation in the corpus's
/// language (see <see cref="QuoteMatching.InsideMarks"/>).</summary>
public sealed record ScoringOptions(double Threshold, OverlapRule Rule, bool OneToOne, string OpeningMarks, string ClosingMarks);

/// <summary>Scores the extractor's quotes of one document against its gold attributions (rules in <see cref="QuoteMatching"/>).</summary>
public static class Scorer
{
    /// <summary>Scores one document. Rows of kind <c>term</c> (titles, scare quotes: cql claims no speech there) are
    /// not claimed quotes and count neither way; the rows of a joint statement (one per speaker, the same range) are
    /// one claimed quote, scored by its first row.</summary>
    public static void ScoreDocument(EvalDocument doc, IReadOnlyList<ExtractedQuote> extracted, ScoringOptions options,
        SplitScore score, StringBuilder? errors)
    {
        var tokens = QuoteMatching.WordTokens(doc.Text);
        var inside = QuoteMatching.InsideMarks(doc.Text, tokens, options.OpeningMarks, options.ClosingMarks);
        var goldTokens = doc.Gold.Select(g => QuoteMatching.TokensIn(tokens, g.Content)).ToList();
        var found = extracted.Where(q => q.Kind != "term").DistinctBy(q => q.Range).ToList();
        foreach (var term in extracted.Where(q => q.Kind == "term"))
        {
            score.Terms++;
            var termTokens = QuoteMatching.TokensIn(tokens, [new Span(term.Range.Start, term.Range.End)]);
            bool inGold = termTokens.Count > 0 && goldTokens.Any(g => termTokens.Count(g.Contains) >= options.Threshold * termTokens.Count);
            if (inGold) score.TermsInGold++;
            errors?.Append($"  TERM {(inGold ? "in-gold" : "outside")} {Snippet(doc.Text, [new Span(term.Range.Start, term.Range.End)])}\n");
        }
        var foundTokens = found.Select(q => QuoteMatching.TokensIn(tokens, [new Span(q.Range.Start, q.Range.End)])).ToList();
        var foundTo = QuoteMatching.Match(goldTokens, foundTokens, options.Threshold, options.Rule, options.OneToOne);

        score.Documents++;
        score.Found += found.Count;
        for (int g = 0; g < doc.Gold.Count; g++)
        {
            var kind = doc.Gold[g].Kind ?? QuoteMatching.Classify(goldTokens[g], inside);
            score.Gold[(int)kind]++;
            var mine = Enumerable.Range(0, found.Count).Where(f => foundTo[f] == g).Select(f => found[f]).ToList();
            var gold = doc.Gold[g];
            if (mine.Count == 0)
            {
                errors?.Append($"  MISS {kind,-8} {Snippet(doc.Text, gold.Content)}  <- {gold.Source}\n");
                continue;
            }
            score.Matched[(int)kind]++;
            if (gold.Source.Length == 0) continue;
            // A quote in pieces is attributed once: by its first piece that names a speaker.
            var q = mine.FirstOrDefault(m => m.SpeakerText is not null) ?? mine[0];
            score.SpeakerScored++;
            bool strict = QuoteMatching.SpeakerStrict(gold.Source, q.Speaker, q.SpeakerText);
            if (strict) score.SpeakerStrict++;
            if (QuoteMatching.SpeakerLenient(gold.Source, q.Speaker, q.SpeakerText)) score.SpeakerLenient++;
            if (!strict) errors?.Append($"  SPEAKER gold '{gold.Source}' ours '{q.SpeakerText}' ({q.Speaker}): {Snippet(doc.Text, [new Span(q.Range.Start, q.Range.End)])}\n");
        }
        for (int f = 0; f < found.Count; f++)
        {
            if (foundTo[f] >= 0) { score.FoundMatched++; continue; }
            bool inMarks = foundTokens[f].Count > 0 && inside[foundTokens[f].Min()];
            if (inMarks) score.UnmatchedFoundInMarks++;
            // A fragment of a mixed quote, or a quote nested in one, lies inside a gold content without matching it.
            bool inGold = goldTokens.Any(g => foundTokens[f].Count > 0 && foundTokens[f].Count(g.Contains) >= options.Threshold * foundTokens[f].Count);
            if (inGold) score.UnmatchedFoundInGold++;
            errors?.Append($"  EXTRA {found[f].Kind,-8} {(inMarks ? "marked" : "unmarked")}{(inGold ? " in-gold" : "")} {Snippet(doc.Text, [new Span(found[f].Range.Start, found[f].Range.End)])}  <- {found[f].SpeakerText}\n");
        }
    }

    /// <summary>The spans' text on one line, its middle cut when long.</summary>
    static string Snippet(string text, IReadOnlyList<Span> parts)
    {
        var s = string.Join(" … ", parts.Select(p => text[p.Start..p.End])).ReplaceLineEndings(" ");
        return s.Length <= 160 ? $"[{s}]" : $"[{s[..100]} … {s[^50..]}]";
    }
}
