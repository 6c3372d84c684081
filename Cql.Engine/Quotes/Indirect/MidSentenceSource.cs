namespace Cql.Engine.Quotes;

/// <summary>A source after a comma that a comma closes before the sentence ends. "Trump leads in Iowa, according to
/// the polling average, although …", "…, according to Bill McInturff, a Republican pollster who …": the clause before
/// it is the statement, what follows is the writer's or the source's apposition. "The plan, according to officials,
/// will cost $5 billion.": the source interrupts its statement after its subject; the row is the part after the source,
/// as the blind sets mark it (PolNeAR marks both parts, and a row is one range: the source's words in it cost more of
/// the overlap than the subject left out).</summary>
internal static class MidSentenceSource
{
    /// <summary>The statement around the source between the commas at <paramref name="commaBefore"/> and
    /// <paramref name="commaAfter"/> in sentence [<paramref name="first"/>, <paramref name="se"/>), or (-1, -1) when
    /// neither part holds a finite verb.</summary>
    public static (int From, int To) Around(ParagraphContext p, int first, int commaBefore, int commaAfter, int se)
    {
        if (!p.Tokens[commaAfter].Is(',') || commaAfter + 1 >= se || !p.Tokens[commaAfter + 1].IsWord) return (-1, -1);
        if (IndirectSpeech.HasFinite(p, first, commaBefore)) return (first, commaBefore);
        return IndirectSpeech.HasFinite(p, commaAfter + 1, se) ? (commaAfter + 1, se) : (-1, -1);
    }
}
