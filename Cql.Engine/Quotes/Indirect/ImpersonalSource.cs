namespace Cql.Engine.Quotes;

/// <summary>
/// "Aus dem Finanzministerium hieß es, …", "Wie aus Fraktionskreisen verlautete, …", "…, hieß es aus dem Ministerium.":
/// an impersonal cue names no subject, but the phrase after its source preposition (class <c>impersonal-source</c>)
/// right before or after it says where the report comes from.
/// </summary>
internal static class ImpersonalSource
{
    /// <summary>Words the source phrase may hold.</summary>
    const int MaxWords = 6;

    /// <summary>The words of the source of impersonal cue <paramref name="c"/>, or null when none stands by it.</summary>
    public static string? Words(ParagraphContext p, CueHit c, int ss, int se)
    {
        // Before: "Aus dem Ministerium hieß es", "Wie aus Kreisen verlautete": the phrase runs up to the cue.
        int first = p.FirstWord(ss, c.Start);
        if (first < c.Start && p.IsSourceAs(first)) first++;
        if (first < c.Start && p.IsImpersonalSource(first) && Phrase(p, first + 1, c.Start) == c.Start && c.Start > first + 1)
            return p.Slice(first + 1, c.Start);
        // After: "hieß es aus dem Ministerium,".
        if (c.End < se && p.IsImpersonalSource(c.End) && Phrase(p, c.End + 1, se) is var end && end > c.End + 1)
            return p.Slice(c.End + 1, end);
        return null;
    }

    /// <summary>Where a phrase of words from <paramref name="from"/> ends: at the first token that is no word or at
    /// <paramref name="to"/>; -1 when it runs past <see cref="MaxWords"/>.</summary>
    static int Phrase(ParagraphContext p, int from, int to)
    {
        int k = from;
        while (k < to && p.Tokens[k].IsWord && !p.IsSentenceEnd(k)) k++;
        return k - from > MaxWords ? -1 : k;
    }
}
