namespace Cql.Engine.Quotes;

/// <summary>
/// "Wie der Verband am Nachmittag mitteilte, fehlen …", "As the minister said on Monday, the plan …": a sentence that
/// opens with the "as" of a source and its cue reports the clause after the comma that closes them.
/// </summary>
internal static class FrontedSourceAs
{
    /// <summary>Words between the cue and its comma ("am Nachmittag", "on Monday").</summary>
    const int MaxTail = 4;

    /// <summary>The clause cue <paramref name="c"/> reports when an "as" opens its sentence before it; (-1, -1) otherwise.</summary>
    public static (int From, int To) ClauseAfter(ParagraphContext p, CueHit c, int ss, int se)
    {
        var toks = p.Tokens;
        int first = p.FirstWord(ss, c.Start);
        if (first >= c.Start || !p.IsSourceAs(first)) return (-1, -1);
        for (int k = first + 1; k < c.Start; k++)
            if (toks[k].Is(',') || toks[k].Is(';') || toks[k].Is(':') || p.IsSentenceEnd(k)) return (-1, -1);
        int words = 0;
        for (int k = c.End; k < se; k++)
        {
            var t = toks[k];
            if (t.Is(',')) return k + 1 < se ? (k + 1, se) : (-1, -1);
            if (!t.IsWord || ++words > MaxTail) return (-1, -1);
        }
        return (-1, -1);
    }
}
