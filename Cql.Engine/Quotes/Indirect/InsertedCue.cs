namespace Cql.Engine.Quotes;

/// <summary>
/// "Condos, he said, were another story.", "The rest, Smith added, would go to schools.": a cue and its subject set off
/// by commas inside the sentence they report, right before its verb. Annotators of the blind sets mark the part after
/// the cue (the words before it are a subject or a fronted phrase without a verb); before, a clause opening with its
/// verb was no clause, and the sentence reported nothing.
/// </summary>
internal static class InsertedCue
{
    /// <summary>Words before the cue's comma: a short subject or fronted phrase, not a clause of its own.</summary>
    const int MaxFrontedWords = 6;

    /// <summary>Cue <paramref name="c"/> of sentence [<paramref name="ss"/>, <paramref name="se"/>) stands between
    /// commas after a phrase with no verb, and the comma at <paramref name="comma"/> after it is followed by a finite
    /// verb (an adverb may come first).</summary>
    public static bool VerbFollows(ParagraphContext p, CueHit c, int ss, int comma, int se)
    {
        var toks = p.Tokens;
        int verb = comma + 1;
        if (verb < se && p.IsAdverb(verb)) verb++;
        if (verb >= se || !(p.IsAux(verb) || p.IsFinite(verb)) || p.IsClauseCue(verb)) return false;
        int before = -1;
        for (int k = c.Start - 1; k > ss && k >= c.Start - 4; k--)
            if (toks[k].Is(',')) { before = k; break; }
        if (before < 0) return false;
        int words = 0;
        for (int k = ss; k < before; k++)
        {
            if (!toks[k].IsWord) continue;
            if (++words > MaxFrontedWords || IndirectSpeech.HasFinite(p, k, k + 1) || p.IsSubordinator(k)) return false;
        }
        return words > 0;
    }
}
