namespace Cql.Engine.Quotes;

/// <summary>A paragraph of quotation followed by one that opens with a pronoun for it and a cue takes the speaker
/// that one names: "– …" then "Det sier kommunikasjonssjef Kari Vold i Statnett.".</summary>
internal sealed class BackReferenceRule : IContinuationRule
{
    static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "det", "dette", "detta", "så", "das", "dies", "that", "this", "ce", "c'est", "c’est", "questo", "lo", "dat", "dit", "eso", "esto",
    };

    public bool TryContinue(in ContinuedQuote q)
    {
        if (q.BackReference is not { Speaker: { } speaker } a) return false;
        q.Unit.Speaker = speaker;
        q.Unit.SpeakerText = a.SpeakerText;
        q.Unit.Cue = a.CueText;
        return true;
    }

    /// <summary>What <paramref name="next"/> attributes to the paragraph before it when it opens "Det sier X", or
    /// null. Read once per quote-only paragraph, before its quotations are continued: resolving the cue notes names
    /// in the discourse.</summary>
    public static Attribution? Read(ParagraphContext next, Discourse discourse)
    {
        if (next.Info.Boilerplate || next.Tokens.Count < 3 || !BackReferences.Contains(next.Tokens[0].Lower)) return null;
        var cues = CueFinder.Find(next, 1, Math.Min(next.Tokens.Count, 3), _ => false);
        if (cues.Count == 0 || cues[0].Start != 1 || cues[0].Kind is not (CueKind.Speech or CueKind.Tell)) return null;
        var reader = new PhraseReader(next, discourse, (j, _) => false);
        var attributor = new Attributor(next, discourse, reader);
        int end = QuoteAttribution.SentenceEndAfter(next, cues[0].End);
        return attributor.Resolve(cues[0], cues[0].End, 0, end, _ => false, allowDiscourse: true);
    }
}
