namespace Cql.Engine.Quotes;

/// <summary>A plural group of an organisation right before the verb: "analysts at Brixton Analytics wrote", "officials
/// at the Pentagon said", "Experten des Ifo-Instituts warnen". The organisation speaks through them, as a spokesperson
/// speaks for it; the group's words stay its role. Without this rule the group read as no phrase and the discourse gave
/// the words to whoever was named last. The group's noun must be a source noun of the lexicon (class
/// <c>sourcenoun</c>), the organisation a name ending right before the verb.</summary>
internal sealed class GroupAtOrganisationRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c)
    {
        var a = c.Attributor;
        var p = a.Paragraph;
        var cue = c.Cue;
        int start = a.ClauseStart(cue.Start, c.ClauseFloor, c.Opaque);
        int verb = GroupSubjectRule.VerbStart(c, start);
        for (int noun = start; noun < verb - 2 && noun - start <= GroupSubjectRule.MaxModifiers; noun++)
        {
            var t = p.Tokens[noun];
            if (c.Opaque(noun) || !t.IsWord || p.IsSubordinator(noun) || p.IsConjunction(noun) || p.IsFinite(noun) || p.PronounGender(noun) is not null) return null;
            if (!p.FactsAt(noun).IsSourceNoun) continue;
            int prep = noun + 1;
            if (!p.IsPreposition(prep) || p.IsOblique(prep)) return null;
            // "aides to Senator Warren" are no one's voice but their own: a person named after the group keeps it unnamed.
            return a.Reader.Read(prep + 1, verb) is { Kind: PhraseKind.Named, Ref: { CanSpeak: true } org } ph && ph.End == verb
                   && (org.Kind is "organisation" or "medium" || org.Known is null && p.FirstNameAt(ph.NameAt) is null && org.Name.Contains(' '))
                ? new Phrase(PhraseKind.Named, start, verb, org, NameStart: ph.NameAt)
                : null;
        }
        return null;
    }
}
