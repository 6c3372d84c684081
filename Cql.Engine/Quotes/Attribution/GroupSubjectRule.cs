namespace Cql.Engine.Quotes;

/// <summary>A plural group with no article right before the verb: "Prosecutors said", "Former prosecutors said",
/// "Several observers emphasized", "Kritiker warnen". The group names nobody, so it is kept as the speaker's words with
/// no speaker; without this rule a capital at the sentence's start reads as no phrase and the discourse gave the words
/// to whoever was named last. The group's noun must be a source noun of the lexicon (class <c>sourcenoun</c>).</summary>
internal sealed class GroupSubjectRule : ICueSubjectRule
{
    /// <summary>Words a group's phrase may have before its noun ("Some Democratic strategists").</summary>
    internal const int MaxModifiers = 3;

    public Phrase? Find(in CueClause c)
    {
        var a = c.Attributor;
        var p = a.Paragraph;
        var cue = c.Cue;
        int start = a.ClauseStart(cue.Start, c.ClauseFloor, c.Opaque);
        int noun = VerbStart(c, start) - 1;
        if (noun < start || noun - start > MaxModifiers || c.Opaque(noun) || !p.Tokens[noun].IsWord || !p.FactsAt(noun).IsSourceNoun) return null;
        for (int k = start; k < noun; k++)
        {
            var t = p.Tokens[k];
            if (c.Opaque(k) || !(t.IsWord || t.Is('-')) || p.IsPreposition(k) || p.IsSubordinator(k) || p.IsConjunction(k) || p.IsFinite(k) || p.PronounGender(k) is not null)
                return null;
        }
        return new Phrase(PhraseKind.Common, start, noun + 1);
    }

    /// <summary>Where the verb group of cue <paramref name="c"/> starts: before the adverbs and auxiliaries right before
    /// the cue ("have repeatedly said"), not before <paramref name="start"/>.</summary>
    internal static int VerbStart(in CueClause c, int start)
    {
        var p = c.Attributor.Paragraph;
        int verb = c.Cue.Start;
        while (verb > start && !c.Opaque(verb - 1) && (p.IsAdverb(verb - 1) || p.IsAux(verb - 1))) verb--;
        return verb;
    }
}
