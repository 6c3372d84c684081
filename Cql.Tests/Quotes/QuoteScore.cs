using Cql.Engine.Quotes;

namespace Cql.Tests.Quoting;

/// <summary>Counts for one language (or all): gold quotes, extracted quotes, matches, and how many matches agree.</summary>
public sealed class QuoteScore
{
    public int Gold, GoldNamed, Extracted, Matched, MatchedNamed, SpeakerRight, NamedSpeakerRight, KindRight, LangRight;

    /// <summary>Share of extracted quotes that are gold quotes.</summary>
    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;
    /// <summary>Share of gold quotes with a speaker that were found.</summary>
    public double Recall => GoldNamed == 0 ? 1 : (double)MatchedNamed / GoldNamed;
    /// <summary>Share of found quotes whose speaker is right, a missing speaker counting right only where gold has none.</summary>
    public double Attribution => Matched == 0 ? 1 : (double)SpeakerRight / Matched;
    /// <summary>Share of found quotes with a gold speaker whose speaker is right.</summary>
    public double NamedAttribution => MatchedNamed == 0 ? 1 : (double)NamedSpeakerRight / MatchedNamed;
    public double KindAccuracy => Matched == 0 ? 1 : (double)KindRight / Matched;
    public double LangAccuracy => Matched == 0 ? 1 : (double)LangRight / Matched;

    public void Add(QuoteScore o)
    {
        Gold += o.Gold; GoldNamed += o.GoldNamed; Extracted += o.Extracted; Matched += o.Matched; MatchedNamed += o.MatchedNamed;
        SpeakerRight += o.SpeakerRight; NamedSpeakerRight += o.NamedSpeakerRight; KindRight += o.KindRight; LangRight += o.LangRight;
    }
}

/// <summary>
/// Scores extracted quotes against gold, document by document: an extracted quote matches the gold quote it overlaps
/// most (character overlap over union at least one half), each at most once. Disagreements are listed for reading.
/// The gold annotates quotations in marks only (kinds full, partial, dash, block), so only those kinds are scored:
/// a found <c>indirect</c> row is neither a match nor a false positive, and a found <c>mixed</c> row (a reported
/// statement with its fragments in marks) matches each gold <c>partial</c> lying inside it, counting as one found
/// quote per fragment it matches (at least one).
/// </summary>
public static class QuoteScorer
{
    /// <summary>A joint statement (one row per speaker, the same range) is one found quote, its speaker right when
    /// any of its rows names the gold speaker.</summary>
    public static QuoteScore ScoreDocument(string text, IReadOnlyList<GoldQuote> gold, IReadOnlyList<ExtractedQuote> rows, List<string> notes)
    {
        var found = rows.Where(q => q.Kind != "indirect").DistinctBy(q => q.Range).ToList();
        var s = new QuoteScore { Gold = gold.Count };
        foreach (var g in gold) if (g.Speaker is not null) s.GoldNamed++;
        var pairs = new List<(double Score, int G, int F)>();
        for (int g = 0; g < gold.Count; g++)
            for (int f = 0; f < found.Count; f++)
            {
                var (gr, fr) = (gold[g].Range, found[f].Range);
                // A mixed row holds the gold fragment whole: the best match there can be.
                double j = found[f].Kind == "mixed"
                    ? (gold[g].Kind == "partial" && gr.Start >= fr.Start && gr.End <= fr.End ? 1 : 0)
                    : Jaccard(gr.Start, gr.End, fr.Start, fr.End);
                if (j >= 0.5) pairs.Add((j, g, f));
            }
        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var gUsed = new bool[gold.Count];
        var fUsed = new bool[found.Count];
        var fragments = new int[found.Count];
        foreach (var (_, g, f) in pairs)
        {
            if (gUsed[g] || fUsed[f]) continue;
            gUsed[g] = true;
            if (found[f].Kind == "mixed") fragments[f]++;
            else fUsed[f] = true;
            var gq = gold[g];
            var fq = found[f];
            s.Matched++;
            if (gq.Speaker is not null) s.MatchedNamed++;
            bool right = gq.Speaker == fq.Speaker || fq.Joint && rows.Any(r => r.Range == fq.Range && r.Speaker == gq.Speaker);
            if (right) s.SpeakerRight++;
            if (right && gq.Speaker is not null) s.NamedSpeakerRight++;
            if (gq.Kind == fq.Kind || fq.Kind == "mixed") s.KindRight++;
            if (gq.Lang == fq.Lang) s.LangRight++;
            if (!right) notes.Add($"  speaker  {Short(gq.Text)}: gold {gq.Speaker ?? "-"}, got {fq.Speaker ?? "-"} (\"{fq.SpeakerText}\", cue \"{fq.Cue}\")");
            else if (gq.Kind != fq.Kind && fq.Kind != "mixed") notes.Add($"  kind     {Short(gq.Text)}: gold {gq.Kind}, got {fq.Kind}");
            if (gq.Lang != fq.Lang) notes.Add($"  lang     {Short(gq.Text)}: gold {gq.Lang}, got {fq.Lang}");
        }
        for (int g = 0; g < gold.Count; g++)
            if (!gUsed[g]) notes.Add($"  missed   {Short(gold[g].Text)} ({gold[g].Speaker ?? "-"})");
        for (int f = 0; f < found.Count; f++) s.Extracted += Math.Max(1, fragments[f]);
        for (int f = 0; f < found.Count; f++)
            if (!fUsed[f] && fragments[f] == 0) notes.Add($"  extra    {Short(found[f].Text)} ({found[f].Speaker ?? "-"}, {found[f].Kind})");
        return s;
    }

    static double Jaccard(int a0, int a1, int b0, int b1)
    {
        int inter = Math.Min(a1, b1) - Math.Max(a0, b0);
        if (inter <= 0) return 0;
        return (double)inter / (Math.Max(a1, b1) - Math.Min(a0, b0));
    }

    static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
