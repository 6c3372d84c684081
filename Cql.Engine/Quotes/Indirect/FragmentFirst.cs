namespace Cql.Engine.Quotes;

/// <summary>"Obama said “it gets me mad” every time he thinks about …": a clause a cue of class <c>clause-cue</c>
/// reports may open with its fragment in marks. When the words in marks right after the cue end without a sentence's or a clause's punctuation
/// and the sentence goes on after the closing mark with a verb in it or in the marks, the clause is the whole statement
/// from the fragment on (a mixed row); "He said: “…”", "said “We will win,” and left" and "sa «norsk stil» om
/// l’Ucraina" stay quotations of their own.</summary>
internal static class FragmentFirst
{
    /// <summary>Whether the quotation in marks that opens at token <paramref name="k"/> is the start of a clause that
    /// runs on after it within sentence end <paramref name="se"/>.</summary>
    public static bool OpensClause(ParagraphContext p, int k, int se, Func<int, bool> opaque)
    {
        var toks = p.Tokens;
        if (toks[k].Kind != TokenKind.Mark) return false;
        int close = k + 1;
        while (close < se && opaque(close)) close++;
        // close is the first token after the quotation: a word must follow, and the quotation's last word no stop.
        if (close >= se || close - k < 3 || !toks[close].IsWord || toks[close - 1].Kind != TokenKind.Mark) return false;
        // "sa «norsk stil» om l’Ucraina": words in marks and a phrase about them, no clause.
        return toks[close - 2].IsWord && IndirectSpeech.HasFinite(p, k + 1, se);
    }
}
