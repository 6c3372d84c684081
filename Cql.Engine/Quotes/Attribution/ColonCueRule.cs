namespace Cql.Engine.Quotes;

/// <summary>A quotation after a colon is spoken by the subject of the last cue before the colon: "Dem Sender sagte
/// sie: „Wer früh aufstehen muss, hat einen Nachteil.“", "The chairman and founder Tom Reed said: “We will grow.”".</summary>
internal sealed class ColonCueRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        int colon = q.ColonBefore;
        if (colon < 0) return false;
        CueHit? intro = null;
        foreach (var c in q.Cues) if (c.End <= colon) intro = c;
        if (intro is null) return false;
        q.Apply(q.Attributor.Resolve(intro, q.SentenceStart, q.SentenceStart, q.SentenceEnd, q.Opaque, !q.SelfContained));
        return true;
    }
}
