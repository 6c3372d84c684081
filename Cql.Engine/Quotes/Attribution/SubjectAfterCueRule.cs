namespace Cql.Engine.Quotes;

/// <summary>The subject right after the verb, inverted: "sa Xi", "said Senator John Thune", "betonte Xi", past an
/// adverb ("sa også Xi") or a listener ("ha detto all'ANSA il sindaco Mario Rossi"). A tell cue's object is its
/// listener ("told Reuters"), never its subject.</summary>
internal sealed class SubjectAfterCueRule : ICueSubjectRule
{
    const int MaxAdverbs = 2;

    public Phrase? Find(in CueClause c) => c.Cue.Kind == CueKind.Tell ? null : After(c.Attributor, c.Cue.End, c.SentenceEnd);

    /// <summary>The phrase right after a cue, past an adverb or two ("sa også Xi").</summary>
    internal static Phrase? After(Attributor a, int from, int end)
    {
        var p = a.Paragraph;
        int k = from;
        for (int n = 0; n < MaxAdverbs && k < end && p.IsAdverb(k); n++) k++;
        if (k >= end) return null;
        // "confesó a los periodistas": the listener, in any language the document may be in; the speaker may follow it
        // ("explicó a este periódico el portavoz …", "ha detto all'ANSA il sindaco Mario Rossi").
        if (IsParticleName(p, k, end)) return a.Reader.Read(k, end);
        if (p.IsPreposition(k) || p.FactsAt(k).IsAnyPreposition && !p.IsDetDef(k) && !p.IsDetIndef(k) && !p.Tokens[k].IsCapitalized)
            return SpeakerAfterListener(a, k, end);
        if (a.Reader.Read(k, end) is { } ph) return ph;
        var t = p.Tokens[k];
        // A title the lexicon does not know before a name: "stelt voorzitter Zeki Arslan".
        if (t.IsWord && !t.IsCapitalized && !p.IsFunctionWord(k) && k + 1 < end && a.Reader.Read(k + 1, end) is { Kind: PhraseKind.Named, Ref.IsPerson: true } titled && (titled.End - titled.Start >= 2 || p.FirstNameAt(k + 1) is not null))
            return titled with { Start = k, NameStart = titled.NameAt };
        return t.IsWord && !t.IsCapitalized && !p.IsFunctionWord(k) && !p.IsPreposition(k) && t.Text.Length > 4 && HasDefiniteEnding(p, t.Lower)
            ? new Phrase(PhraseKind.Common, k, k + 1) : null;
    }

    /// <summary>How many words a listener or medium between a cue and its speaker may have ("a este periódico", "al
    /// micrófono de la cadena").</summary>
    const int MaxListenerWords = 6;

    /// <summary>After a listener ("a este periódico", "all'ANSA"), the person who spoke: a name or an office, not a
    /// phrase that names nobody (that is the listener's own complement).</summary>
    static Phrase? SpeakerAfterListener(Attributor a, int preposition, int end)
    {
        var p = a.Paragraph;
        for (int m = preposition + 1; m < end && m <= preposition + MaxListenerWords; m++)
        {
            var t = p.Tokens[m];
            if (!t.IsWord || IsCueWord(p, m)) return null;
            if (m == preposition + 1 || !(p.IsDetDef(m) || p.IsDetIndef(m) || t.IsCapitalized || p.RoleAt(m) is not null)) continue;
            // A name must read as one on its own ("il sindaco Mario Rossi", "Rafael Cabrera Moya"): "al Corriere della
            // Sera" ends in a capitalised word that is the listener's.
            if (a.Reader.Read(m, end) is not { } ph) continue;
            if (ph.Kind == PhraseKind.Role || ph.Role is not null || p.IsDetDef(ph.Start)) return ph;
            if (ph is { Kind: PhraseKind.Named, Ref.IsPerson: true } && (ph.Ref.Known is not null || ph.End - ph.Start >= 2 && p.FirstNameAt(ph.Start) is not null)) return ph;
        }
        return null;
    }

    static bool IsCueWord(ParagraphContext p, int k)
    {
        foreach (var c in p.FactsAt(k).Cues) if (p.Languages.Contains(c.Lang)) return true;
        return false;
    }

    /// <summary>"aldus Van Wijk", "zegt De Jong": a capitalised particle before a capitalised word inside the sentence is
    /// part of a surname, not a preposition.</summary>
    static bool IsParticleName(ParagraphContext p, int k, int end) =>
        k + 1 < end && p.Tokens[k].IsCapitalized && p.Tokens[k].Text.Length <= 3 && p.IsPreposition(k) && p.Tokens[k + 1].IsCapitalized && !p.IsFunctionWord(k + 1)
        && k > 0 && !p.IsSentenceEnd(k - 1) && p.Tokens[k - 1].Kind != TokenKind.Mark && !p.Tokens[k - 1].Is(':');

    static bool HasDefiniteEnding(ParagraphContext p, string w) =>
        w.EndsWith("et") || w.EndsWith("en") || w.EndsWith("na") || w.EndsWith("a") || w.EndsWith("an") && p.Languages.Contains("sv");
}
