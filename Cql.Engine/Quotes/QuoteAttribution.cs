using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Attribution, paragraph by paragraph and sentence by sentence in reading order, so the <see cref="Discourse"/>
/// knows who was named before each quotation: a block takes whom its colon line introduces, a quotation with its
/// own attribution clause (a dash quote, an incise) that clause's cue, a quotation in marks the nearest cue of its
/// sentence (or the clause before a colon); what none of these settles goes to <see cref="QuoteContinuation"/>.
/// Nested quotations are attributed within the outer one, and each quotation in marks gets its kind (full or
/// partial).
/// </summary>
internal sealed class QuoteAttribution(FoundQuotes found, Discourse discourse)
{
    readonly QuoteContinuation _continuation = new(found, discourse);
    readonly IndirectSpeech _indirect = new(found);

    List<QuoteUnit> Units => found.Units;

    /// <summary>Boilerplate that quotes (a title, a caption) is attributed within itself: it neither names speakers
    /// for the body nor continues them.</summary>
    internal static bool SelfContained(ParagraphInfo info) => info.Boilerplate;

    /// <summary>Attributes the quotations of <paramref name="p"/>, sentence by sentence, noting in the discourse who
    /// its sentences name and who speaks in them; then continues, nests and kinds them.</summary>
    public void Attribute(ParagraphContext p)
    {
        var mine = found.UnitsOf(p.Index);
        mine.Sort(_byContentStart ??= (a, b) => Units[a].ContentStart.CompareTo(Units[b].ContentStart));
        var top = found.TopLevel(mine);
        // Tokens inside a quotation (and a dash quote's dash), computed once: every step asks about them.
        var opaque = QuotedTokens(p, top);
        // One delegate for the paragraph: a local function passed as Func would allocate one at every call.
        Func<int, bool> isOpaque = i => i >= 0 && i < opaque.Length && opaque[i];
        var opensSentence = SentenceOpenings(p, isOpaque);
        // A label line ("WATCH: Burnaby RCMP warns …") is a link: like boilerplate, it names nobody for what follows.
        bool selfContained = SelfContained(p.Info) || p.OpensWithSectionLabel();
        var reader = new PhraseReader(p, discourse, (j, _) => opensSentence[j]);
        var attributor = new Attributor(p, discourse, reader);
        var sentences = p.Sentences(0, p.Tokens.Count, isOpaque);
        Referent? lastSentenceSpeaker = null;
        // Who each sentence lets a following quote continue: its speaker, else its subject when a person.
        var continuers = new List<(int Start, int End, Referent? Who)>(sentences.Count);
        foreach (var (ss, se) in sentences)
        {
            var subject = selfContained ? null : NoteMentions(p, reader, ss, se, isOpaque);
            var cues = CueFinder.Find(p, ss, se, isOpaque);
            foreach (var k in top)
                if (Units[k].Before >= ss && Units[k].Before < se) AttributeInSentence(p, attributor, k, ss, se, cues, isOpaque, selfContained);
            lastSentenceSpeaker = selfContained ? null : NoteIndirectSpeech(p, attributor, ss, se, cues, isOpaque);
            continuers.Add((ss, se, lastSentenceSpeaker ?? subject));
        }
        found.Paragraphs[p.Index].ClosingSpeaker = lastSentenceSpeaker;
        if (!selfContained && p.Tokens.Count > 1 && p.Tokens[^1].Is(':')) found.Paragraphs[p.Index].ColonSpeaker = ColonIntroduction(p, attributor, sentences[^1], isOpaque);
        _continuation.Continue(p, top, isOpaque, continuers);
        foreach (var k in mine) if (Units[k].Parent >= 0) AttributeNested(p, attributor, k);
        // Kinds of marked quotes.
        foreach (var k in top) if (Units[k].Style == "marked" && Units[k].Kind != "full") Units[k].Kind = KindOf(p, Units[k], sentences, isOpaque);
        // Indirect speech was added sentence by sentence, after the quotations in marks.
        mine.Sort(_byContentStart);
    }

    /// <summary>Per token, whether it lies inside one of the top-level quotations <paramref name="top"/> (marks
    /// included; for a dash quote, its dash).</summary>
    bool[] QuotedTokens(ParagraphContext p, List<int> top)
    {
        var opaque = new bool[p.Tokens.Count];
        foreach (var k in top)
        {
            var u = Units[k];
            int from = u.Style == "dash" ? Math.Max(0, u.TokStart - 1) : u.Before, to = u.Style == "dash" ? u.TokEnd : u.After;
            for (int i = from; i < to && i < opaque.Length; i++) opaque[i] = true;
        }
        return opaque;
    }

    /// <summary>Attributes quotation <paramref name="k"/>, which starts in sentence [ss, se), by its shape: a block by
    /// its colon line, a quotation with an attribution clause of its own by that clause, one in marks by the
    /// <see cref="MarkedQuoteRules"/>.</summary>
    void AttributeInSentence(ParagraphContext p, Attributor attributor, int k, int ss, int se, List<CueHit> cues, Func<int, bool> opaque, bool selfContained)
    {
        var u = Units[k];
        if (u.Style == "block") AttributeBlock(p, u);
        else if (u.Style == "turn") AttributeTurn(p, u);
        else if (u.AttrStart >= 0) AttributeByClause(p, attributor, u, selfContained);
        else MarkedQuoteRules.Attribute(new MarkedQuote(p, attributor, discourse, found, k, ss, se, cues, opaque, selfContained));
    }

    /// <summary>Indirect speech ("Hansen sier at …", "Ifølge styrelederen, Hege Moldestad, får …") becomes a quotation
    /// (<see cref="IndirectSpeech"/>) and notes its subject as a speaker; the last such subject of the sentence is
    /// returned, the one a following quote may continue.</summary>
    Referent? NoteIndirectSpeech(ParagraphContext p, Attributor attributor, int ss, int se, List<CueHit> cues, Func<int, bool> opaque)
    {
        Referent? last = null;
        foreach (var c in cues)
        {
            if (c.Kind is not (CueKind.Speech or CueKind.Tell or CueKind.Naming or CueKind.According or CueKind.AccordingAfter or CueKind.Impersonal)) continue;
            // "Chronischer Schlafmangel erhöhe das Risiko, sagte sie.": the words before a cue after a comma are what was
            // said, so a pronoun after the cue means someone named before the sentence ("Als Merz ankam, sagte er" may
            // still mean Merz: a subordinate clause is no report).
            int limit = c.Start > ss && p.Tokens[c.Start - 1].Is(',') && !p.IsSubordinator(p.FirstWord(ss, c.Start)) ? ss : -1;
            var a = _indirect.Add(attributor, c, attributor.Resolve(c, ss, ss, se, opaque, allowDiscourse: true, antecedentLimit: limit), ss, se, cues, opaque);
            // A naming cue ("called it …") reports a statement only with its words in marks: no speaker to note.
            if (c.Kind == CueKind.Naming) continue;
            if (c.Kind == CueKind.AccordingAfter) continue;
            if (a.Speaker is { } r && (c.Kind != CueKind.According || r.IsPerson))
            {
                discourse.Note(r, p.Index, c.Start, subject: true, speaker: true, humanVoice: a.HumanVoice);
                last = r;
            }
        }
        // "Man werde jeden Arbeitsplatz verteidigen.": a sentence in the reporting mood goes on with the last report.
        _indirect.Continue(attributor, ss, se, cues, opaque);
        return last;
    }

    /// <summary>Orders a paragraph's units by where their content starts; made once per document, not per paragraph.</summary>
    Comparison<int>? _byContentStart;

    /// <summary><see cref="IsSentenceStart"/> for every token in one pass.</summary>
    static bool[] SentenceOpenings(ParagraphContext p, Func<int, bool> opaque)
    {
        var result = new bool[p.Tokens.Count];
        int last = -1;
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = last < 0 || (!opaque(last) || p.Tokens[last].Kind == TokenKind.Mark) && (p.IsSentenceEnd(last) || p.Tokens[last].Is(':'));
            var t = p.Tokens[j];
            if (!(t.Kind is TokenKind.Mark or TokenKind.Dash || t.Is('('))) last = j;
        }
        return result;
    }

    /// <summary>Token <paramref name="j"/> opens a sentence: before it, past marks and dashes, a sentence's end or a
    /// colon outside quoted words, or nothing.</summary>
    internal static bool IsSentenceStart(ParagraphContext p, int j, Func<int, bool> opaque)
    {
        for (int k = j - 1; k >= 0; k--)
        {
            var t = p.Tokens[k];
            if (t.Kind is TokenKind.Mark or TokenKind.Dash || t.Is('(')) continue;
            if (opaque(k)) return false;
            return p.IsSentenceEnd(k) || t.Is(':');
        }
        return true;
    }

    /// <summary>Notes the names of a sentence in the discourse; returns its subject when it is a person.</summary>
    Referent? NoteMentions(ParagraphContext p, PhraseReader reader, int ss, int se, Func<int, bool> opaque)
    {
        Referent? subjectPerson = null;
        bool subjectTaken = false;
        int words = 0;
        for (int k = ss; k < se; k++) if (p.Tokens[k].IsWord && !opaque(k)) words++;
        Phrase? previous = null;
        for (int k = ss; k < se; k++)
        {
            if (opaque(k) || !p.Tokens[k].IsWord) continue;
            bool inPp = k > ss && p.IsPreposition(k - 1);
            if (reader.Read(k, se) is not { } ph) continue;
            // A lone capitalised word the article gives no other reason to take for a name is no antecedent ("la
            // empresa Atlántida" is: its noun makes it an organisation).
            bool weak = ph.Kind == PhraseKind.Named && ph.Ref is { Known: null, IsPerson: true } wr && !wr.Name.Contains(' ') && !p.Tokens[ph.End - 1].IsAllCaps && p.FirstNameAt(ph.Start) is null && ph.Role is null;
            if (ph.Kind == PhraseKind.Named && ph.Ref is { } r && !weak)
            {
                bool subject = !subjectTaken && !inPp && words >= 3;
                if (subject && r.IsPerson) subjectPerson = r;
                discourse.Note(r, p.Index, k, subject, speaker: false, humanVoice: false);
                if (r.Known is null) found.NamesMet.Add(new MetName(p.Index, ph.Start, ph.End, r));
                if (ph.Role is { } role) discourse.NoteRole(role.Class, r, p.Index);
                // "Sara Bianchi, sindaca di Faenza" and "La cheffe des députés insoumis, Mathilde Panot".
                if (previous is { Kind: PhraseKind.Role, Role: { } prole } && previous.End + 1 == ph.Start && p.Tokens[previous.End].Is(',')) discourse.NoteRole(prole.Class, r, p.Index);
            }
            else if (ph.Kind == PhraseKind.Role && ph.Role is { } role2 && previous is { Kind: PhraseKind.Named, Ref: { } pr } && previous.End + 1 == ph.Start && p.Tokens[previous.End].Is(','))
                discourse.NoteRole(role2.Class, pr, p.Index);
            if (!inPp && ph.Kind != PhraseKind.Common) subjectTaken = true;
            previous = ph;
            k = ph.End - 1;
        }
        return subjectPerson;
    }

    /// <summary>Who the sentence that ends in a colon introduces: the subject of its last cue before the colon, else
    /// its subject ("Over haar kansen … wilde Hoekstra zich niet uitlaten:").</summary>
    Referent? ColonIntroduction(ParagraphContext p, Attributor attributor, (int Start, int End) sentence, Func<int, bool> opaque)
    {
        var (ss, se) = sentence;
        int colon = se - 1;
        CueHit? last = null;
        foreach (var c in CueFinder.Find(p, ss, colon, opaque))
            if (c.Kind is CueKind.Speech or CueKind.Tell) last = c;
        if (last is not null) return attributor.Resolve(last, ss, ss, se, opaque, allowDiscourse: true).Speaker;
        return attributor.SubjectOf(ss, colon, opaque);
    }

    void AttributeByClause(ParagraphContext p, Attributor attributor, QuoteUnit u, bool selfContained)
    {
        int end = Math.Min(u.AttrEnd, SentenceEndAfter(p, u.AttrStart));
        var cues = CueFinder.Find(p, u.AttrStart, end, _ => false);
        var cue = cues.FirstOrDefault(c => c.Kind is not (CueKind.According or CueKind.AccordingAfter)) ?? cues.FirstOrDefault();
        if (cue is null) return;
        Apply(discourse, u, attributor.Resolve(cue, u.AttrStart, u.AttrStart, end, _ => false, !selfContained, antecedentLimit: u.Style == "dash" ? 0 : u.Before), p.Index);
    }

    internal static int SentenceEndAfter(ParagraphContext p, int from)
    {
        for (int k = from; k < p.Tokens.Count; k++) if (p.IsSentenceEnd(k)) return k + 1;
        return p.Tokens.Count;
    }

    /// <summary>Takes a cue's attribution as the quotation's, settled, and notes its speaker in the discourse (with the
    /// office they spoke in) for the pronouns and offices that follow.</summary>
    internal static void Apply(Discourse discourse, QuoteUnit u, Attribution a, int para)
    {
        u.Speaker = a.Speaker;
        u.SpeakerText = a.SpeakerText;
        u.Cue = a.CueText;
        u.Via = a.Via;
        u.SpeakerRole = a.SpeakerRole;
        u.CoSpeakers = a.CoSpeakers;
        u.Settled = true;
        if (a.Speaker is { } r)
        {
            discourse.Note(r, para, u.TokStart, subject: true, speaker: true, humanVoice: a.HumanVoice);
            if (a.RoleClass is { } role) discourse.NoteRole(role, r, para);
        }
    }

    /// <summary>A block's speaker is who the colon line introduces ("Han talade … :", "The Local Government
    /// Association said in a statement:"); a block that speaks of that one by name in the third person is the text
    /// of whoever reported it (the medium the introduction names).</summary>
    void AttributeBlock(ParagraphContext p, QuoteUnit u)
    {
        var intro = found.Paragraphs[p.Index - 1].Context;
        var (ls, le) = intro.LastSentence();
        var reader = new PhraseReader(intro, discourse, (j, _) => IsSentenceStart(intro, j, _ => false));
        var attributor = new Attributor(intro, discourse, reader);
        var cues = CueFinder.Find(intro, ls, le, _ => false);
        Attribution? a = cues.Count > 0 ? attributor.Resolve(cues[^1], ls, ls, le, _ => false, allowDiscourse: true) : null;
        var speaker = a?.Speaker;
        if (speaker is not null && Mentions(p, speaker))
        {
            speaker = null;
            // Who reported it: a medium that is a cue's subject in the introduction ("Politico rapporterar").
            foreach (var (s, e) in intro.Sentences(0, intro.Tokens.Count, _ => false))
                foreach (var c in CueFinder.Find(intro, s, e, _ => false))
                    if (attributor.Resolve(c, s, s, e, _ => false, allowDiscourse: false) is { Speaker: { Kind: "medium" or "organisation" } m } && !Mentions(p, m))
                    {
                        speaker = m;
                        a = attributor.Resolve(c, s, s, e, _ => false, allowDiscourse: false);
                    }
        }
        u.Speaker = speaker;
        u.SpeakerText = speaker is null ? null : a?.SpeakerText;
        u.SpeakerRole = speaker is null ? null : a?.SpeakerRole;
        u.Cue = a?.CueText;
        u.Settled = true;
        discourse.NoteQuoteSpeaker(u.Speaker, p.Index, 0);
    }

    /// <summary>A transcript turn is its label's: the full name the article gave ("ELLERY" → Margaret Ellery), else
    /// the label as a name.</summary>
    void AttributeTurn(ParagraphContext p, QuoteUnit u)
    {
        var head = found.Paragraphs[p.Index].TurnHead!;
        var speaker = discourse.FullNameFor(head)
            ?? discourse.Intern(new Referent(char.ToUpperInvariant(head[0]) + head[1..].ToLowerInvariant(), "person", null, null));
        u.Speaker = speaker;
        u.SpeakerText = head;
        u.Settled = true;
        discourse.NoteQuoteSpeaker(speaker, p.Index, u.TokStart);
    }

    bool Mentions(ParagraphContext p, Referent r)
    {
        foreach (var h in p.Hits) if (h.Entity.Name == r.Name) return true;
        return r.Known is null && p.Text.AsSpan(p.Info.Range.Start, p.Info.Range.Length).Contains(r.Name, StringComparison.Ordinal);
    }

    /// <summary>A quotation inside another is attributed from the words around it within the outer one only
    /// ("vowing to support Moscow’s “sovereignty and security.”"); it continues no one.</summary>
    void AttributeNested(ParagraphContext p, Attributor attributor, int index)
    {
        var u = Units[index];
        var parent = Units[u.Parent];
        bool Opaque(int i)
        {
            if (i < parent.TokStart || i >= parent.TokEnd) return true;
            foreach (var k in found.UnitsOf(p.Index))
                if (Units[k].Parent == u.Parent && i >= Units[k].Before && i < Units[k].After) return true;
            return false;
        }
        var sentences = p.Sentences(parent.TokStart, parent.TokEnd, Opaque);
        foreach (var (ss, se) in sentences)
        {
            if (u.Before < ss || u.Before >= se) continue;
            var cues = CueFinder.Find(p, ss, se, Opaque);
            MarkedQuoteRules.Attribute(new MarkedQuote(p, attributor, discourse, found, index, ss, se, cues, Opaque, selfContained: parent.Style != "block"));
            u.Kind = KindOf(p, u, sentences, Opaque);
            break;
        }
        if (u.Kind == "full" && parent.Style != "block") u.Kind = "partial";
    }

    /// <summary>Full when the quotation stands as a sentence of its own (it opens its sentence, follows a colon, or
    /// continues a quotation the attribution interrupted); partial when it is a fragment inside a sentence.</summary>
    string KindOf(ParagraphContext p, QuoteUnit u, List<(int Start, int End)> sentences, Func<int, bool> opaque)
    {
        string? previousKind(int closeTok)
        {
            foreach (var k in found.UnitsOf(p.Index)) if (Units[k].CloseTok == closeTok) return Units[k].Kind;
            return null;
        }
        if (u.Style != "marked") return u.Kind;
        int before = u.Before;
        if (before > 0 && p.Tokens[before - 1].Is(':')) return "full";
        if (IsSentenceStart(p, before, opaque)) return "full";
        foreach (var (ss, _) in sentences) if (ss == before) return "full";
        // "“Markets have priced in a short shutdown,” she said, “but not a long one.”", however long the attribution
        // between the parts ("lamentó el presidente de la Asociación …, Javier Lluch, «y ahora …»").
        int sentenceStart = 0;
        foreach (var (ss, _) in sentences) if (ss <= before) sentenceStart = ss;
        if (before > 0 && p.Tokens[before - 1].Is(','))
            for (int k = before - 2; k >= sentenceStart; k--)
                if (p.Tokens[k].Kind == TokenKind.Mark && opaque(k))
                    return previousKind(k) == "full" ? "full" : "partial";
        return "partial";
    }
}
