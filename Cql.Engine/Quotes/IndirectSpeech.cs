using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Indirect and mixed speech: the clause a speech cue reports, as one quotation of kind <c>indirect</c> (no words in
/// marks) or <c>mixed</c> (some: "He said the deal was “dead on arrival”" is one row, its fragment absorbed). The
/// clause is found where annotators of news attribution (PolNeAR, SpkAtt) mark it:
/// <list type="bullet">
/// <item>after the cue, after a complementizer ("said that …", "sa at …", "ha detto che …": the clause without it), a colon, a
/// comma before a clause ("Er sagte, er sei …"), or right after the cue when a clause with a finite verb follows
/// ("He said the plan would …");</item>
/// <item>before the cue, from the sentence's start to the comma before it ("The plan is dead, he said.", "…, sagte Merz.");</item>
/// <item>around "according to X" ("ifølge X, …", "…, según X.").</item>
/// </list>
/// A cue reports nothing when it is negated, infinitive ("declined to say"), in a conditional clause or a question, a
/// belief ("tror", "thinks": who said what counts speech), or has no subject; a clause wholly in marks is the quotation already found. The speaker is the cue's, resolved by
/// <see cref="Attributor"/>.
/// </summary>
internal sealed class IndirectSpeech(FoundQuotes found)
{
    /// <summary>Words between a cue and its clause's complementizer, comma or colon ("said in a statement on Monday that").</summary>
    const int MaxTail = 8;
    /// <summary>Words between the comma that ends a reported clause and its cue (", the minister for finance said").</summary>
    const int MaxSubjectGap = 7;
    /// <summary>A clause without a complementizer shows a finite verb within this many words.</summary>
    const int FiniteWithin = 10;
    const int MinWords = 3;
    /// <summary>Words after a cue that ends its statement ("…, the minister said on Monday in Brussels.").</summary>
    const int MaxTailAfter = 6;

    List<QuoteUnit> Units => found.Units;

    /// <summary>Adds the quotation cue <paramref name="c"/> of sentence [<paramref name="ss"/>, <paramref name="se"/>)
    /// reports, attributed as <paramref name="a"/>, unless the cue reports nothing or its clause is quoted already.</summary>
    /// <returns>The cue's attribution: <paramref name="a"/>, or when <paramref name="a"/> took the subject of the
    /// reported clause for the cue's ("says she opposes": "she"), the cue's own subject before it.</returns>
    public Attribution Add(Attributor attributor, CueHit c, Attribution a, int ss, int se, List<CueHit> cues, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        if (IsQuestion(p, se, opaque) || NoReport(attributor, c, ss, opaque)) return a;
        // "It was announced that …": an impersonal report with a complementizer speaks through its clause, its source
        // the one it names ("hieß es aus dem Ministerium, dass …") or nobody; without one the clause is found as for
        // any cue ("Aus dem Ministerium hieß es, …").
        if (c.Kind == CueKind.Impersonal && PassiveReport.ClauseStart(p, c, se, opaque) is var start and >= 0)
        {
            var source = a.Speaker is null && string.IsNullOrEmpty(a.SpeakerText) ? ImpersonalSource.Words(p, c, ss, se) : a.SpeakerText;
            AddRow(p, start, TrimEnd(p, start, ClauseEnd(p, start, se, opaque)), a.Speaker, source, a.CueText ?? c.Words, a.Via, opaque, needFragment: false);
            return a;
        }
        // "…, hieß es.": with no source named, the report goes on with the one before it in its paragraph.
        if (string.IsNullOrEmpty(a.SpeakerText) && GermanImpersonalReport.AfterReport(p, c) && LastReport(p, ss) is { Speaker: not null } previous)
            a = a with { Speaker = previous.Speaker, SpeakerText = previous.SpeakerText, Via = previous.Via, CoSpeakers = previous.CoSpeakers };
        bool subjectAfter = SubjectFollows(p, c, a);
        if (subjectAfter && c.Kind != CueKind.Tell && BareClauseAt(p, c, c.End, se))
        {
            // "says she opposes …", "said a stern sentence could …": the words after the cue open the clause; the
            // subject is before the cue.
            if (attributor.Resolve(c, ss, ss, c.End, opaque, allowDiscourse: true) is { SpeakerText.Length: > 0 } before)
            {
                a = before;
                subjectAfter = false;
            }
            else if (SubjectWords(attributor, c, ss, opaque) is { } words)
            {
                a = a with { Speaker = null, SpeakerText = words, SpeakerRole = null, CoSpeakers = null };
                subjectAfter = false;
            }
        }
        else if (a.Speaker is null && string.IsNullOrEmpty(a.SpeakerText) && c.Kind is CueKind.Speech or CueKind.Tell
                 && SubjectWords(attributor, c, ss, opaque) is { } subject)
            a = a with { SpeakerText = subject };
        else if (GapSubject(attributor, c, a, se, opaque) is { } inGap)
            a = inGap;
        else if (a.Speaker is null && string.IsNullOrEmpty(a.SpeakerText) && c.Kind == CueKind.Impersonal && ImpersonalSource.Words(p, c, ss, se) is { } source)
            a = a with { SpeakerText = source };
        else if (a.Speaker is null && string.IsNullOrEmpty(a.SpeakerText) && c.Kind == CueKind.According && SourceEnd(p, c.End, GermanAccording.SourceEnd(p, c.End, se)) is var end && end > c.End)
            // "according to several officials familiar with the talks": a source nobody names is still the source.
            a = a with { SpeakerText = p.Slice(c.End, end) };
        Place(attributor, c, a, ss, se, cues, opaque, subjectAfter);
        return a;
    }

    /// <summary>"Betroffen seien die Werke, teilte das Unternehmen am Dienstag mit.": a cue with a gap that opens with an
    /// article holds its subject there, whatever was found before the cue; null when the gap holds none or
    /// <paramref name="a"/> is already its subject.</summary>
    static Attribution? GapSubject(Attributor attributor, CueHit c, Attribution a, int se, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        if (c.GapStart < 0 || !(p.IsDetDef(c.GapStart) || p.IsDetIndef(c.GapStart)) || p.IsOblique(c.GapStart)) return null;
        var gap = p.Text.AsSpan(p.Tokens[c.GapStart].Start);
        if (a.SpeakerText is { Length: > 0 } st && gap.StartsWith(st, StringComparison.Ordinal)) return null;
        return attributor.Resolve(c, c.GapStart, c.GapStart, se, opaque, allowDiscourse: true) is { SpeakerText.Length: > 0 } inGap
               && gap.StartsWith(inGap.SpeakerText, StringComparison.Ordinal) ? inGap : null;
    }

    void Place(Attributor attributor, CueHit c, Attribution a, int ss, int se, List<CueHit> cues, Func<int, bool> opaque, bool subjectAfter)
    {
        var p = attributor.Paragraph;
        var (from, to) = c.Kind switch
        {
            CueKind.According or CueKind.AccordingAfter => AroundSource(attributor, c, ss, se, cues, opaque),
            CueKind.Naming => subjectAfter ? (-1, -1) : NamedObject(p, c, se, opaque),
            _ => ClauseOf(p, c, ss, se, opaque, subjectAfter),
        };
        if (from < 0) return;
        // A cue with no subject at all ("the said plan") reports nothing, unless a complementizer opens its clause: a
        // dropped subject ("Ha detto che …").
        if (a.Speaker is null && a.SpeakerText is null && !(from > 0 && p.IsComplementizer(from - 1))) return;
        // "Megan Hester, senior associate …, said": the words before the comma name the speaker — unless a subject stands
        // after the clause ("No Child Left Behind was “…,” said Gary Orfield."), which the attribution passed over.
        if (a.SpeakerText is { Length: > 0 } st && c.Kind is not (CueKind.According or CueKind.AccordingAfter) && to > from && HoldsSpeaker(p, from, to, st, subjectAfter))
        {
            if (to > c.Start || SpeakerAfterClause(attributor, c, to, ss, se, opaque) is not { } after) return;
            a = after;
        }
        to = BeforeNextReport(p, cues, c, from, to);
        // After the cue only: before it, ", which …" is more often inside the subject of the reported clause.
        if (from >= c.End) to = FrontedClause.Cut(p, c, ss, from, ClauseEnd(p, from, to, opaque), opaque);
        to = TrimEnd(p, from, to);
        if (to - from < 1) return;
        // "called it a “disaster”" is a statement with its words; "called the meeting" names nothing said.
        bool naming = c.Kind == CueKind.Naming;
        // "nannte die Verlängerung „richtig, aber zu zaghaft“": German annotators mark only the words in marks, the
        // speaker's direct fragment; the object around them is the writer's.
        if (naming && p.IsGerman) return;
        // "sa at …, og at …": each clause a statement of its own.
        for (int next; !naming && (next = CoordinatedClauses.NextClause(p, from, to, opaque, out int end)) > 0; from = next)
            AddRow(p, from, end, a.Speaker, a.SpeakerText, a.CueText, a.Via, opaque, needFragment: false, a.CoSpeakers, a.SpeakerRole);
        AddRow(p, from, to, a.Speaker, a.SpeakerText, a.CueText, a.Via, opaque, needFragment: naming, a.CoSpeakers, a.SpeakerRole);
        // "…, he said, and the Senate would then …": the same speaker's second clause after the cue's tail.
        if (to <= c.Start && TrailingClause.Start(p, c, se, opaque) is var t and >= 0)
            AddRow(p, t, TrimEnd(p, t, ClauseEnd(p, t, se, opaque)), a.Speaker, a.SpeakerText, a.CueText, a.Via, opaque, needFragment: false, a.CoSpeakers, a.SpeakerRole);
    }

    /// <summary>"The plan was “dead on arrival,” Smith said.": the cue's subject read with the clause before it as the
    /// floor, when it names someone after that clause; null otherwise.</summary>
    static Attribution? SpeakerAfterClause(Attributor attributor, CueHit c, int clauseEnd, int ss, int se, Func<int, bool> opaque)
    {
        var again = attributor.Resolve(c, clauseEnd, ss, se, opaque, allowDiscourse: true, antecedentLimit: ss);
        return again.SpeakerText is { Length: > 0 } st && WordsAt(attributor.Paragraph, clauseEnd, se, st) >= 0 ? again : null;
    }

    /// <summary>The clause [<paramref name="from"/>, <paramref name="to"/>) holds the words that name the speaker, so
    /// they are its subject, not the cue's. A subject pronoun read before the cue is only the same word ("In an
    /// interview, he says he will …", "He would not run, he said."); one read after it ("says he will") is the clause's.</summary>
    static bool HoldsSpeaker(ParagraphContext p, int from, int to, string words, bool subjectAfter) =>
        WordsAt(p, from, to, words) is var at and >= 0 && (subjectAfter || words.Contains(' ') || !p.IsSubjectPronoun(at));

    /// <summary>Words <paramref name="words"/> stand in tokens [<paramref name="from"/>, <paramref name="to"/>) as
    /// whole words ("er" is not in "Mitarbeiterin"): the token they start at, or -1.</summary>
    static int WordsAt(ParagraphContext p, int from, int to, string words)
    {
        var text = p.Text.AsSpan();
        int end = p.Tokens[to - 1].End;
        for (int k = from; k < to; k++)
        {
            int at = p.Tokens[k].Start, after = at + words.Length;
            if (after <= end && text[at..].StartsWith(words, StringComparison.Ordinal) && (after == text.Length || !char.IsLetterOrDigit(text[after]))) return k;
        }
        return -1;
    }

    /// <summary>Tokens [<paramref name="from"/>, <paramref name="to"/>) become an indirect row, or a mixed one with the
    /// fragments in marks they hold, unless they are too short, wholly quoted, or not theirs to claim;
    /// <paramref name="coSpeakers"/> make it a joint statement ("Xi Jinping och Vladimir Putin meddelade att …": a row
    /// for each); <paramref name="speakerRole"/> is the office written with the speaker's name, as a direct quotation
    /// keeps it ("UFCW Local 832 president").</summary>
    /// <returns>Whether a row was added.</returns>
    bool AddRow(ParagraphContext p, int from, int to, Referent? speaker, string? speakerText, string? cue, string? via, Func<int, bool> opaque, bool needFragment,
        List<Referent>? coSpeakers = null, string? speakerRole = null)
    {
        int words = 0, free = 0;
        for (int k = from; k < to; k++)
        {
            if (!p.Tokens[k].IsWord) continue;
            words++;
            if (!opaque(k)) free++;
        }
        if (words < MinWords || free == 0 || IsDateLine(p, from, to) || !Claim(p, from, to, speaker, speakerText, cue, strangersJoin: !needFragment, out var absorbed)) return false;
        bool mixed = absorbed.Count > 0;
        if (needFragment && !mixed) return false;
        // "…, sagte er.": the fragment's rules resolve the pronoun of the same cue by its paragraph.
        foreach (var k in absorbed)
            if (Units[k].Speaker is { } r && Units[k].Cue == cue && Units[k].SpeakerText == speakerText) { speaker = r; break; }
        var u = new QuoteUnit
        {
            Para = p.Index, TokStart = from, TokEnd = to, ContentStart = p.Tokens[from].Start, ContentEnd = p.Tokens[to - 1].End,
            Style = "indirect", Kind = mixed ? "mixed" : "indirect",
            Speaker = speaker, SpeakerText = speakerText, Cue = cue, Via = via, Settled = true, CoSpeakers = coSpeakers,
            SpeakerRole = speaker is null ? null : speakerRole,
        };
        foreach (var k in absorbed) Units[k].Absorbed = true;
        found.Add(u);
        return true;
    }

    /// <summary>"Ross Delaney · CBC News · Posted: Mar 3, 2027", "Updated: Oct 16, 2026 4:12 PM CT": a byline's date,
    /// perhaps with its time, reports nothing.</summary>
    static bool IsDateLine(ParagraphContext p, int from, int to)
    {
        int end = p.Tokens[to - 1].End;
        if (!DateParser.TryParse(p.Text, p.Tokens[from].Start, end, allowYearOnly: false, out _, out int dateEnd)) return false;
        foreach (var c in p.Text.AsSpan(dateEnd, end - dateEnd))
            if (char.IsLower(c)) return false;
        return true;
    }

    /// <summary>"Die Lage sei ernst, sagte Merz. Man werde jeden Arbeitsplatz verteidigen.": German reported speech runs
    /// on in Konjunktiv I without a new cue. A sentence with no cue of its own whose verb is in the reporting mood
    /// (class <c>subjunctive</c>, not after "ich") continues the last report before it — in its paragraph, or when it
    /// opens the paragraph, the one before — as a row of that report's speaker, the whole sentence its content.</summary>
    /// <returns>Whether the sentence became a row.</returns>
    public bool Continue(Attributor attributor, int ss, int se, List<CueHit> cues, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        // "Eine Erholung sei frühestens 2028 zu erwarten": a cue that reports nothing is no new report.
        foreach (var c in cues)
            if (c.Kind != CueKind.So && !NoReport(attributor, c, ss, opaque)) return false;
        if (IsQuestion(p, se, opaque) || !InReportingMood(p, ss, se, opaque) || LastReport(p, ss) is not { } last) return false;
        int from = SkipDateline(p, ss, se);
        while (from < se && !p.Tokens[from].IsWord && !opaque(from)) from++;
        int to = TrimEnd(p, from, se);
        return to > from && AddRow(p, from, to, last.Speaker, last.SpeakerText, null, last.Via, opaque, needFragment: false, last.CoSpeakers, last.SpeakerRole);
    }

    /// <summary>A verb of class <c>subjunctive</c> outside quotation marks, not in the first person ("ich habe").</summary>
    static bool InReportingMood(ParagraphContext p, int ss, int se, Func<int, bool> opaque)
    {
        for (int k = ss; k < se; k++)
            if (!opaque(k) && p.IsSubjunctive(k) && !FirstPerson(p, k, ss, se)) return true;
        return false;
    }

    static bool FirstPerson(ParagraphContext p, int k, int ss, int se) =>
        k > ss && p.Tokens[k - 1].Lower == "ich" || k + 1 < se && p.Tokens[k + 1].Lower == "ich";

    /// <summary>The quotation with a speaker in the sentence before token <paramref name="before"/> of the paragraph,
    /// or when the sentence opens the paragraph, the last of the paragraph before; null when there is none (a
    /// sentence of narration between breaks the chain: a debate speech is one long paragraph).</summary>
    QuoteUnit? LastReport(ParagraphContext p, int before)
    {
        QuoteUnit? last = Last(p.Index, before);
        if (last is not null)
        {
            // "sagte Vorstandschef Dr. Bernd Lohmüller.": an abbreviation's stop ends no sentence.
            for (int k = last.After; k < before - 1; k++)
                if (p.IsSentenceEnd(k) && !p.IsSentenceEnd(k + 1) && !(k > 0 && p.Tokens[k - 1].IsWord && p.Lexicon.IsAbbreviation(p.Tokens[k - 1].Lower))) return null;
            return last;
        }
        if (p.Index == 0) return null;
        for (int k = 0; k < before; k++)
            if (p.Tokens[k].IsWord) return null;
        return Last(p.Index - 1, int.MaxValue);

        QuoteUnit? Last(int para, int until)
        {
            QuoteUnit? l = null;
            foreach (var k in found.UnitsOf(para))
            {
                var u = Units[k];
                if (u.Parent >= 0 || u.Absorbed || u.IsTerm || u.TokStart >= until || u.Speaker is null && string.IsNullOrEmpty(u.SpeakerText)) continue;
                if (l is null || u.ContentStart > l.ContentStart) l = u;
            }
            return l;
        }
    }

    /// <summary>Words a subject may hold between its clause's start and the cue ("Prosecutors said", "Many of her
    /// supporters say", "A news report published Wednesday said").</summary>
    const int MaxSubjectWords = 8;

    /// <summary>"Prosecutors said …", "Friends say …", "Some 56 percent of voters polled said …": a noun phrase before the
    /// cue that names nobody the attribution knows is still its subject; its words, or null when the clause before the
    /// cue holds no such phrase (a verb, a preposition or a subordinator opening it, or nothing at all).</summary>
    static string? SubjectWords(Attributor attributor, CueHit c, int ss, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        int from = attributor.ClauseStart(c.Start, ss, opaque), to = c.Start;
        while (to > from && (p.IsAdverb(to - 1) || p.IsAux(to - 1))) to--;
        while (from < to && !p.Tokens[from].IsWord) from++;
        if (to <= from || p.IsPreposition(from) || p.IsSubordinator(from) || p.IsConjunction(from) || p.IsComplementizer(from)) return null;
        int words = 0;
        for (int k = from; k < to; k++)
        {
            var t = p.Tokens[k];
            if (opaque(k) || !t.IsWord && !t.Is('-') && !t.Is('.')) return null;
            if (t.IsWord && (++words > MaxSubjectWords || p.IsFinite(k) || p.IsAux(k) || p.IsNegation(k) || p.IsComplementizer(k))) return null;
        }
        return p.Slice(from, to);
    }

    /// <summary>The sentence ending before <paramref name="se"/> asks a question: its question mark stands outside
    /// quotation marks ("He said, “Who are you going to trust?”" reports the question it quotes).</summary>
    static bool IsQuestion(ParagraphContext p, int se, Func<int, bool> opaque)
    {
        for (int k = se - 1; k >= 0 && k >= se - 3; k--)
        {
            var t = p.Tokens[k];
            if (t.Is('?')) return !opaque(k);
            if (t.IsWord) return false;
        }
        return false;
    }

    /// <summary>"…, vilket han sade dagen efter invasionen", "…, which she said on Monday": the cue's object is the
    /// relative pronoun before its subject (a pronoun or up to three capitalised words), so what it reports is the words
    /// before the comma, not the words after the cue.</summary>
    static bool ReportsItsAntecedent(ParagraphContext p, CueHit c, int ss)
    {
        int k = c.Start - 1;
        if (k >= ss && p.IsSubjectPronoun(k)) k--;
        else
            for (int names = 0; names < 3 && k >= ss && p.Tokens[k].IsCapitalized && !p.IsRelativeObject(k); names++) k--;
        // "…, which he said would fail": a verb right after the cue goes on with the relative clause, which is reported.
        return k > ss && k < c.Start - 1 && p.IsRelativeObject(k) && p.Tokens[k - 1].Is(',')
            && !(c.End < p.Tokens.Count && p.LooksFinite(c.End));
    }

    /// <summary>"did not say", "declined to say", "if he says": the cue reports nothing.</summary>
    static bool NoReport(Attributor attributor, CueHit c, int ss, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        if (c.Kind is CueKind.According or CueKind.AccordingAfter) return false;
        if (c.Start > 0 && p.IsInfinitiveMarker(c.Start - 1)) return true;
        // "Asked whether …, she said": the reporter asks, nobody states.
        if (QuestionFrame.At(p, c.Start, ss)) return true;
        // "tror", "thinks", "is believed": a belief anywhere in the cue says nothing was said.
        for (int k = c.Start; k < c.End; k++)
            if (p.IsBelief(k)) return true;
        if (ReportsItsAntecedent(p, c, ss)) return true;
        // "did not say"; a negation before a comma is the report's ("… nicht ableiten, betonte Albers").
        for (int k = c.Start - 1; k >= ss && k >= c.Start - 3 && !p.Tokens[k].Is(','); k--)
            if (p.IsNegation(k)) return true;
        // "sagte nicht", "sa ikke at": a negation right after the cue.
        if (c.End < p.Tokens.Count && p.IsNegation(c.End)) return true;
        int clause = attributor.ClauseStart(c.Start, ss, opaque);
        for (int k = Math.Max(ss, clause - 1); k < c.Start; k++)
            if (p.IsConditional(k)) return true;
        return false;
    }

    /// <summary>The clause a speech cue reports: after it, else before it; (-1, -1) when neither has one.</summary>
    static (int From, int To) ClauseOf(ParagraphContext p, CueHit c, int ss, int se, Func<int, bool> opaque, bool subjectAfter)
    {
        if (FrontedSourceAs.ClauseAfter(p, c, ss, se) is { From: >= 0 } fronted) return fronted;
        var toks = p.Tokens;
        int limit = Math.Min(se, c.End + MaxTail);
        int bare = AfterWeekday(p, c.End, se);
        for (int k = c.End; k < limit; k++)
        {
            // "sagte dem „Handelsblatt“, …": the listener's name in marks.
            if (k > c.End && opaque(k) && GermanCueTail.CommaAfterTitle(p, k, se, opaque) is var comma and >= 0) k = comma;
            // "He said: “…”", "She said “…”": the quotation in marks is the statement, unless the clause goes on after it.
            else if (opaque(k)) return k == c.End && !subjectAfter && p.IsClauseCue(c.Start) && FragmentFirst.OpensClause(p, k, se, opaque) ? (k, se) : (-1, -1);
            var t = toks[k];
            if (p.IsSentenceEnd(k)) break;
            if (t.Is(':')) return (k + 1, se);
            // "talade i riksdagen om budgeten": a complementizer that is also a preposition ("om": whether, about) opens
            // a clause only when one follows ("om han kommer"); else it names a topic, which is no statement.
            // "menar provocerat Moskva genom att expandera …": after a preposition, a complementizer that is also the
            // infinitive marker (Swedish "att", Danish "at") with no clause after it opens an infinitive, no report;
            // "talade om att stödja …" ("om", about, takes an infinitive too) still reports.
            if (p.IsComplementizer(k) && !(k == c.End && subjectAfter)
                && !(k > c.End && p.IsInfinitiveMarker(k) && p.IsPreposition(k - 1) && !p.IsComplementizer(k - 1)
                     && !ClauseFollows(p, k + 1, se, needSubjunctive: false))
                && !(p.IsPreposition(k) && !ClauseFollows(p, k + 1, se, needSubjunctive: false))) return (k + 1, se);
            if (t.Is(','))
            {
                // "warf der Koalition vor, „Symbolpolitik …“ zu betreiben": words in marks open an infinitive clause.
                if (k + 1 < se && opaque(k + 1)) return InfinitiveClause.At(p, k + 1, se) ? (k + 1, se) : (-1, -1);
                if (k + 1 < se && p.IsComplementizer(k + 1)) return (k + 2, se);
                // "Condos, he said, were another story.": the part after an inserted cue.
                if (InsertedCue.VerbFollows(p, c, ss, k, se)) return (k + 1, se);
                // "said, however, that …": a word set off by commas before the complementizer.
                if (k + 3 < se && toks[k + 1].IsWord && toks[k + 2].Is(',') && p.IsComplementizer(k + 3)) return (k + 4, se);
                // "sagte X vor dem Rathaus, wo Unterstützer warteten": a German subordinate clause after the tail is the
                // writer's, unless in the reporting mood.
                bool subordinate = p.IsGerman && p.IsSubordinator(k + 1) && !p.IsComplementizer(k + 1);
                if (ClauseFollows(p, k + 1, se, needSubjunctive: subordinate || !subjectAfter && k > c.End) || InfinitiveClause.At(p, k + 1, se)) return (k + 1, se);
                break;
            }
            if (t.Kind == TokenKind.Dash && DashedTail.ClauseAfter(p, k, se, opaque) is var afterRemark and >= 0) return (afterRemark, se);
            if (t.Is(';') || t.Kind == TokenKind.Dash) break;
            // A bare clause starts right at the cue ("He said the plan would …") or after its weekday ("said on Tuesday
            // she had …"), never at its inverted subject.
            if (k == bare && !subjectAfter && c.Kind != CueKind.Tell && BareClauseAt(p, c, k, se)) return (k, se);
            // "said the nonstop demands that come …", "said no decision had been made about whether …": an object or a
            // clause of its own began, so a complementizer later in it is a relative or an indirect question's.
            // "said in a statement posted on its website that …": a participle after a document noun describes it.
            bool describesDocument = k > c.End && p.IsDocNoun(k - 1);
            if (!subjectAfter && c.Kind != CueKind.Tell && (p.LooksFinite(k) && !describesDocument || (p.IsDetDef(k) || p.IsDetIndef(k)) && (k == c.End || !p.IsPreposition(k - 1)) && !GermanCueTail.ArticleInTail(p, k))) break;
        }
        if (!subjectAfter && ObjectOf(p, c, se, opaque) is { From: >= 0 } obj) return obj;
        if (!subjectAfter && ToldClause.Start(p, c, se, opaque) is var told and >= 0) return (told, se);
        var before = Before(p, c, ss, opaque);
        return before.From >= 0 ? before : PreviousSentence(p, c, ss, opaque);
    }

    /// <summary>The token after a weekday ("Monday", "on Tuesday") at <paramref name="k"/>, or <paramref name="k"/>
    /// when none stands there.</summary>
    static int AfterWeekday(ParagraphContext p, int k, int se)
    {
        int w = k < se && p.IsPreposition(k) ? k + 1 : k;
        return w < se && CalendarWords.IsWeekday(p.Tokens[w].Text, followedByPunctuation: false) ? w + 1 : k;
    }

    /// <summary>Words that stand between a cue and its object without being part of it: "announced Tuesday a plan",
    /// "vowed again to …".</summary>
    const int MaxObjectBeforeInfinitive = 5;

    /// <summary>"vowed to fight the rule", "urged Congress to act", "denied the allegations", "announced a new plan":
    /// what an infinitive cue reports is its infinitive with the listener before it, what an object cue reports is its
    /// object, both to the sentence's end, cut like any reported clause; (-1, -1) when the cue has neither.</summary>
    static (int From, int To) ObjectOf(ParagraphContext p, CueHit c, int se, Func<int, bool> opaque)
    {
        bool objectCue = p.IsObjectCue(c.Start), infinitiveCue = p.IsInfinitiveCue(c.Start);
        // "His promises to …", "the proposed rule": after an article the cue's word is a noun or an adjective.
        if (!objectCue && !infinitiveCue || c.Start > 0 && (p.IsDetDef(c.Start - 1) || p.IsDetIndef(c.Start - 1))) return (-1, -1);
        var toks = p.Tokens;
        int from = c.End;
        while (from < se && (p.IsAdverb(from) || CalendarWords.IsWeekday(toks[from].Text, followedByPunctuation: false))) from++;
        if (from >= se || !toks[from].IsWord || p.IsPreposition(from) && !p.IsInfinitiveMarker(from) || p.IsConjunction(from)
            || p.IsSubordinator(from) || p.IsNegation(from) || p.IsComplementizer(from)) return (-1, -1);
        if (infinitiveCue)
            for (int k = from, words = 0; k < se - 1 && words <= MaxObjectBeforeInfinitive && toks[k].IsWord; k++, words++)
                if (p.IsInfinitiveMarker(k) && toks[k + 1].IsWord) return (from, se);
        // "Bestätigt wurde das nicht", "beloofde te investeren": a verb or an infinitive is no object.
        if (!objectCue || p.IsInfinitiveMarker(from) || p.IsAux(from) || p.IsFinite(from)) return (-1, -1);
        // "verdedigde het pakket: ‘Dit is …’": the quotation after a colon is a statement of its own.
        for (int k = from + 1; k < se; k++)
            if (toks[k].Is(':') && (!opaque(k) || !opaque(k - 1))) return (from, k);
        return (from, se);
    }

    /// <summary>"called half of Trump’s supporters “deplorables”", "described the deal as “a disaster”": what a naming
    /// cue reports is its object with the words in marks that name it, to the sentence's end, cut like any reported
    /// clause; a row only when a fragment its speaker speaks lies inside (<see cref="Place"/>).</summary>
    static (int From, int To) NamedObject(ParagraphContext p, CueHit c, int se, Func<int, bool> opaque)
    {
        int from = c.GapStart >= 0 ? c.GapStart : c.End;
        while (from < se && p.IsAdverb(from)) from++;
        if (from >= se || opaque(from) || !p.Tokens[from].IsWord || p.IsPreposition(from) || p.IsConjunction(from)
            || p.IsSubordinator(from) || p.IsNegation(from)) return (-1, -1);
        // The naming words follow the object in its own clause: "called Democratic bigwigs to the stage, singing “…”"
        // names nothing.
        int to = from;
        while (to < se && !(!opaque(to) && (p.Tokens[to].Kind == TokenKind.Dash || p.Tokens[to].Text[0] is ',' or ';' or ':' && p.Tokens[to].Kind == TokenKind.Punct))) to++;
        // "noemde het pakket: ‘Dit is …’": a colon introduces a quotation of its own, not the words that name.
        for (int k = from; k < to; k++)
            if (opaque(k)) return p.Tokens[k].Is(':') || k > from && p.Tokens[k - 1].Is(':') ? (-1, -1) : (from, to);
        return (from, to);
    }

    /// <summary>Where a clause reported from <paramref name="from"/> ends before <paramref name="to"/>: at a clause break
    /// (<see cref="BeforeClauseBreak"/>) or a sentence end the splitter missed (<see cref="ReportedClauseEnd"/>).</summary>
    static int ClauseEnd(ParagraphContext p, int from, int to, Func<int, bool> opaque) =>
        ReportedClauseEnd.Cut(p, from, BeforeClauseBreak(p, from, to, opaque), opaque);

    /// <summary>", but …", ", which …" after a verb, ", although …": a clause after a comma that the report does not hold
    /// (PolNeAR's annotators end the content there about two times in three), or after a semicolon.</summary>
    static int BeforeClauseBreak(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        for (int k = from + 1; k < to - 1; k++)
        {
            if (opaque(k)) continue;
            if (p.Tokens[k].Is(',') && p.IsClauseBreak(k + 1) && !GoesOn(p, from, k, to)) return k;
            // "…; 62 percent of those were …": a semicolon joins a sentence of the writer's own.
            if (p.Tokens[k].Is(';') && !GermanSemicolon.ReportGoesOn(p, k, to)) return k;
            if (AnotherSpeakersClause(p, k, to, opaque)) return k;
        }
        return to;
    }

    /// <summary>"said the budget was “too little, too late,” while NDP MP Sunita Rao accused …": a subordinator after a
    /// comma (inside the marks or not) whose clause has a cue of its own opens someone's report, not this one's.</summary>
    static bool AnotherSpeakersClause(ParagraphContext p, int k, int to, Func<int, bool> opaque)
    {
        if (k < 2 || !p.IsSubordinator(k) || p.IsComplementizer(k)) return false;
        if (!p.Tokens[k - 1].Is(',') && !CommaInsideMark(p, k - 1)) return false;
        // The subordinate clause only, up to its own comma: "the four, who work for …, had been denied access" holds a
        // cue after the relative clause, not in it.
        int end = k + 1;
        while (end < to && (opaque(end) || !p.Tokens[end].Is(','))) end++;
        return CueFinder.Find(p, k + 1, end, opaque).Count > 0;
    }

    /// <summary>The report goes on past the clause break after comma <paramref name="k"/>: "said investors, who bought
    /// …, had …" (a relative clause inside the subject, before the clause's verb), "said the cabinet was considering a
    /// rebate, but that no decision had been made" (a second clause of the same report, <see cref="CoordinatedClauses"/>),
    /// "said the road, which crosses a trapline, …" (a relative clause on a noun, <see cref="NounRelative"/>), "said he
    /// supports an exception, but not for …" (<see cref="NegatedContrast"/>).</summary>
    static bool GoesOn(ParagraphContext p, int from, int k, int to) =>
        p.IsConjunction(k + 1) && k + 2 < to && p.IsComplementizer(k + 2)
        || NounRelative.After(p, k)
        || NegatedContrast.After(p, k, to)
        || !HasFinite(p, from, k) && ParentheticalSubject.After(p, k, to) >= 0;

    /// <summary>"… aflyser koncerterne. Det oplyser festivalen.", "Das teilte das Unternehmen mit.", "Dat heeft X
    /// bekendgemaakt.", "Lo ha annunciato X.": a cue whose object is a demonstrative opening its sentence reports the
    /// sentence before it in the paragraph (without a dateline), when that sentence has no cue of its own.</summary>
    static (int From, int To) PreviousSentence(ParagraphContext p, CueHit c, int ss, Func<int, bool> opaque)
    {
        if (ss < 2 || c.Start <= ss || !IsBackReference(p, ss)) return (-1, -1);
        if (c.Start > ss + 1 && !p.IsAux(ss + 1) && !p.IsFinite(ss + 1)) return (-1, -1);
        int from = ss - 1;
        while (from > 0 && !p.IsSentenceEnd(from - 1)) from--;
        if (CueFinder.Find(p, from, ss, opaque).Count > 0) return (-1, -1);
        return (SkipDateline(p, from, ss), ss);
    }

    static readonly HashSet<string> BackPronouns = new(StringComparer.Ordinal) { "det", "das", "dies", "dat", "dit", "lo" };

    /// <summary>A demonstrative opening sentence <paramref name="k"/> that stands for the sentence before ("Det
    /// oplyser …", "Das teilte …", "Lo ha annunciato …"): the object of a cue, never its subject.</summary>
    internal static bool IsBackReference(ParagraphContext p, int k) =>
        k > 0 && p.IsSentenceEnd(k - 1) && BackPronouns.Contains(p.Tokens[k].Lower);

    /// <summary>"BRUSSEL - De Vlaamse regering …", "WINNIPEG — Thousands …", "VALENCE, 1er décembre (AFP) - …": a
    /// paragraph opening with a place in capitals up to a dash is a dateline, not said by anyone.</summary>
    static int SkipDateline(ParagraphContext p, int from, int to)
    {
        if (from != 0 || !p.Tokens[0].IsAllCaps || p.Tokens[0].Text.Length < 3) return from;
        for (int k = 1; k < to && k <= 10; k++)
            if (p.Tokens[k].Kind == TokenKind.Dash) return k + 1;
        return from;
    }

    /// <summary>"The plan is dead, he said.": the sentence up to the comma before the cue (and its subject), when
    /// nothing but a short tail follows the cue.</summary>
    static (int From, int To) Before(ParagraphContext p, CueHit c, int ss, Func<int, bool> opaque)
    {
        var toks = p.Tokens;
        int comma = -1;
        for (int k = c.Start - 1; k > ss && k >= c.Start - MaxSubjectGap - 1; k--)
        {
            if (opaque(k)) { if (toks[k].Kind == TokenKind.Mark && k > ss && toks[k - 1].Is(',') && opaque(k - 1)) comma = k + 1; break; }
            if (toks[k].Is(',') || toks[k].Kind == TokenKind.Dash) { comma = k; break; }
            if (!toks[k].IsWord && !toks[k].Is('.') && !toks[k].Is('\'') && !toks[k].Is('’')) return (-1, -1);
            // "…, wie Brehm mitteilte", "…, as the minister said": the clause before the comma is what was said.
            if (p.IsSourceAs(k) && k > ss && toks[k - 1].Is(',')) { comma = k - 1; break; }
            // ", when Clinton blasted him": a subordinate clause, no attribution.
            if (p.IsSubordinator(k) || p.IsConjunction(k)) return (-1, -1);
        }
        if (comma < 0 || !ShortTail(p, c.End)) return (-1, -1);
        int from = SkipDateline(p, ss, comma);
        from = AfterQuotedSentenceEnd(p, from, comma);
        while (from < comma && toks[from].Kind == TokenKind.Dash) from++;
        // "When Clinton noted …, Trump boasted": a subordinate clause is no statement.
        int first = from;
        while (first < comma && (p.IsConjunction(first) || !toks[first].IsWord)) first++;
        if (first < comma && p.IsSubordinator(first) && !p.IsComplementizer(first)) return (-1, -1);
        // "Pressed on what was said, she smiled": the reporter's question is no statement.
        if (QuestionFrame.At(p, first, ss)) return (-1, -1);
        // "On The Steve Harvey Morning Show on Tuesday, Clinton criticized …": a fronted phrase, no clause.
        bool clause = false;
        for (int k = first + 1; k < comma && !clause; k++) clause = opaque(k) || p.LooksFinite(k);
        if (!clause) return (-1, -1);
        // "Die Kasse teilte mit, man begrüße das Urteil": a German clause that ends in a cue, not in the reporting mood,
        // reports the words after its comma; it is not reported ("Man habe das geprüft, sagte er" is).
        if (p.IsGerman && EndsInCue(p, first, comma, opaque) && !InReportingMood(p, first, comma, opaque)) return (-1, -1);
        // "“…,” Senate Majority Leader Mitch McConnell, R-Ky., said": the quotation ends at its comma, the words after it
        // name the speaker.
        for (int k = from + 1; k < comma - 1; k++)
            if (opaque(k) && toks[k].Kind == TokenKind.Mark && toks[k - 1].Is(',') && opaque(k - 1) && !opaque(k + 1)) return (-1, -1);
        return (from, comma);
    }

    static bool EndsInCue(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        foreach (var c in CueFinder.Find(p, from, to, opaque))
            if (c.End == to) return true;
        return false;
    }

    /// <summary>"… was “fair, competitive and final.” The pension change was needed …, the company said.": the
    /// clause before a cue starts after the last sentence end inside closing marks that the sentence splitter could not
    /// see (as <see cref="TrimEnd"/> ends one there).</summary>
    static int AfterQuotedSentenceEnd(ParagraphContext p, int from, int to)
    {
        var toks = p.Tokens;
        for (int k = to - 3; k >= from; k--)
            if (p.IsSentenceEnd(k) && toks[k + 1].Kind == TokenKind.Mark && toks[k + 2].IsCapitalized) return k + 2;
        return from;
    }

    /// <summary>After a cue that ends its statement only its subject and a short adverbial follow, up to the sentence's
    /// end or a comma ("…, he said on Monday.", "…, said Sen. Richard Blumenthal, D-Conn."), or the document it was
    /// said in with what describes it ("…, the two said in a joint statement released after the meeting."); no clause.</summary>
    static bool ShortTail(ParagraphContext p, int from)
    {
        int words = 0;
        bool document = false;
        for (int k = from; k < p.Tokens.Count; k++)
        {
            var t = p.Tokens[k];
            if (t.Is(',') || p.IsSentenceEnd(k) && (k + 1 >= p.Tokens.Count || !p.Tokens[k + 1].IsWord || p.Tokens[k + 1].IsCapitalized)) return true;
            if (!t.IsWord) continue;
            if (p.IsComplementizer(k)) return false;
            // "…, the bank said in a statement released after its two-day meeting, …": what follows the document
            // describes it.
            if (p.IsDocNoun(k)) document = true;
            if (!document && (++words > MaxTailAfter || p.IsFinite(k))) return false;
        }
        return true;
    }

    /// <summary>"ifølge X, …" and "According to X the plan …" report what follows X; "…, según X." what precedes.</summary>
    static (int From, int To) AroundSource(Attributor attributor, CueHit c, int ss, int se, List<CueHit> cues, Func<int, bool> opaque)
    {
        var p = attributor.Paragraph;
        var toks = p.Tokens;
        int first = p.FirstWord(ss, c.Start);
        bool opens = first == c.Start || (first + 1 == c.Start && p.IsConjunction(first));
        if (!opens && !SpeechCueIn(cues, ss, se) && GermanAccording.InsideSentence(p, c, first, se, opaque)) return (first, se);
        if (c.Kind == CueKind.AccordingAfter)
            return opens || c.Start - first <= 6 ? (toks[c.End].Is(',') ? c.End + 1 : c.End, se) : (-1, -1);
        if (opens)
        {
            // "Laut Kreml betonte Xi, China sei …": the speech cue reports the clause, the source is its medium.
            if (SpeechCueIn(cues, c.End, c.End + 10)) return (-1, -1);
            for (int k = c.End; k < se && k < c.End + 10; k++)
                if (toks[k].Is(',')) return (k + 1, se);
            var source = attributor.Reader.Read(c.End, se);
            // "Nach Angaben des Vereins erlitt Verteidiger …": the German verb ends the source a name after it would run on.
            if (GermanAccording.VerbAfterSource(p, c.End, se, opaque) is var verb and >= 0 && (source is null || source.End > verb)) return (verb, se);
            return source is null ? (-1, -1) : (PastGermanGenitives(p, source.End, se), se);
        }
        // "Under samtalen uttrykte Xi …, ifølge en uttalelse": the speech verb before reports, the source is its medium.
        // "…, ifølge X" after a comma only: "sorted according to size" is no source.
        if (c.Start <= first + 1 || !toks[c.Start - 1].Is(',') || SpeechCueIn(cues, ss, c.Start, p)) return (-1, -1);
        int clauseEnd = c.Start - 1;
        int sourceEnd = SourceEnd(p, c.End, se);
        if (sourceEnd < 0) return (-1, -1);
        // "…, according to officials familiar with the talks.": the clause before is the statement.
        if (sourceEnd >= se || p.IsSentenceEnd(sourceEnd)) return HasFinite(p, first, clauseEnd) ? (first, clauseEnd) : (-1, -1);
        // "…, according to X, a pollster who …", "The plan, according to officials, will cost …".
        return MidSentenceSource.Around(p, first, c.Start - 1, sourceEnd, se);
    }

    /// <summary>"Laut einer Umfrage des Instituts INSA aus Erfurt befürworten …": German names a source's owner in a
    /// chain of genitives, places and abbreviations in parentheses after the first noun; the reported clause opens at the verb after
    /// them, not inside the chain.</summary>
    static int PastGermanGenitives(ParagraphContext p, int k, int se)
    {
        if (!p.IsGerman) return k;
        var toks = p.Tokens;
        while (k + 1 < se)
        {
            // "des Instituts", "aus Erfurt", "(VCI)".
            bool link = toks[k].IsWord && !toks[k].IsCapitalized && (p.IsDetDef(k) || p.IsDetIndef(k) || p.IsPreposition(k));
            if (!link && !toks[k].Is('(')) break;
            int m = k + 1;
            while (m < se && (toks[m].IsWord && toks[m].IsCapitalized || toks[m].Is('(') || toks[m].Is(')'))) m++;
            if (m == k + 1) break;
            k = m;
        }
        return k;
    }

    /// <summary>Words an "according to" source may hold before the sentence ends or a comma closes it.</summary>
    const int MaxSourceWords = 12;

    /// <summary>Where the source after an "according to" ends: at a comma, the sentence's full stop or its end
    /// (<paramref name="se"/>), or -1 when it runs on past <see cref="MaxSourceWords"/> words (a clause follows, not a
    /// source) without a relative clause that describes it.</summary>
    static int SourceEnd(ParagraphContext p, int from, int se)
    {
        int words = 0;
        bool relative = false;
        for (int k = from; k < se; k++)
        {
            if (p.Tokens[k].Is(',') || p.Tokens[k].Is(';') || p.Tokens[k].Kind == TokenKind.Dash) return k;
            if (p.IsSentenceEnd(k)) return k;
            // "according to a summary from the budget office that was obtained by …": a relative clause describes the
            // source, however long.
            if (words > 0 && p.IsSubordinator(k) && !relative) relative = true;
            if (p.Tokens[k].IsWord && ++words > MaxSourceWords && !relative) return -1;
        }
        return se;
    }

    /// <summary>A finite verb or an auxiliary among tokens [<paramref name="from"/>, <paramref name="to"/>): a clause.</summary>
    internal static bool HasFinite(ParagraphContext p, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (p.LooksFinite(k) || p.IsAux(k)) return true;
        return false;
    }

    /// <summary>A speech cue starts in tokens [<paramref name="from"/>, <paramref name="to"/>); with
    /// <paramref name="p"/>, not one in a relative clause ("leads among voters who say …, according to the poll": the
    /// voters are the poll's words).</summary>
    static bool SpeechCueIn(List<CueHit> cues, int from, int to, ParagraphContext? p = null)
    {
        foreach (var other in cues)
            if (other.Start >= from && other.Start < to && other.Kind is CueKind.Speech or CueKind.Tell
                && !(p is not null && other.Start > 0 && p.IsSubordinator(other.Start - 1) && !p.IsComplementizer(other.Start - 1)))
                return true;
        return false;
    }

    /// <summary>The cue's subject stands right after it ("said Smith", "sagte Xi", "sa han").</summary>
    static bool SubjectFollows(ParagraphContext p, CueHit c, Attribution a)
    {
        if (c.End >= p.Tokens.Count || a.SpeakerText is not { Length: > 0 } st) return false;
        return p.Text.AsSpan(p.Tokens[c.End].Start).StartsWith(st, StringComparison.Ordinal);
    }

    /// <summary>A clause without a complementizer opens at <paramref name="k"/>, right after a cue that takes one: a
    /// subject pronoun with a word after it, or a word that may open a clause and a finite verb soon after; a pronoun
    /// that is also an article ("der", "die", "das") only with a verb after it ("…, sagte der Sprecher." is the
    /// inverted subject), one alone before the sentence's end or a preposition never ("…, sagte er.", "…, sagte sie mit
    /// Blick auf Feiler."; a contraction is a verb already: "he’s with …").</summary>
    internal static bool BareClauseAt(ParagraphContext p, CueHit c, int k, int se) =>
        k < se && p.IsClauseCue(c.Start) && OpensClause(p, k)
        && (p.IsSubjectPronoun(k) && !p.IsDetDef(k) && k + 1 < se && !p.IsSentenceEnd(k + 1) && !p.Tokens[k + 1].Is(',')
            && !(p.IsPreposition(k + 1) && p.Tokens[k].Text.AsSpan().IndexOfAny('’', '\'') < 0)
            || ClauseFollows(p, k, se, needSubjunctive: false));

    /// <summary>Token <paramref name="k"/> opens a subject: a subject pronoun, an article, a capitalised word, or a bare
    /// noun right before an auxiliary or a finite verb of the lexicon ("ridership had returned", "jobs would be lost").</summary>
    internal static bool SubjectOpens(ParagraphContext p, int k)
    {
        if (k >= p.Tokens.Count || !p.Tokens[k].IsWord) return false;
        if (p.IsSubjectPronoun(k) || p.IsDetDef(k) || p.IsDetIndef(k) || p.Tokens[k].IsCapitalized) return true;
        return k + 1 < p.Tokens.Count && (p.IsAux(k + 1) || p.IsFinite(k + 1)) && OpensClause(p, k) && !p.IsAux(k) && !p.IsFinite(k);
    }

    /// <summary>A word that may open a clause: a pronoun, an article, a name or a number.</summary>
    internal static bool OpensClause(ParagraphContext p, int k)
    {
        var t = p.Tokens[k];
        return t.IsWord && !p.IsPreposition(k) && !p.IsConjunction(k) && !p.IsNegation(k) && !p.IsAdverb(k)
            && !(p.IsSubordinator(k) && !p.IsSubjectPronoun(k) && !p.IsDetDef(k));
    }

    /// <summary>A finite verb (with <paramref name="needSubjunctive"/>, a Konjunktiv I form) within the first words
    /// from <paramref name="from"/>, before any comma.</summary>
    internal static bool ClauseFollows(ParagraphContext p, int from, int se, bool needSubjunctive)
    {
        // "verlautete, für zusätzliche Entlastungen gebe es …": German puts any phrase before the verb; after a
        // preposition only the reporting mood tells a clause.
        bool fronted = from < se && p.IsGerman && p.IsPreposition(from);
        if (from >= se || !OpensClause(p, from) && !fronted) return false;
        needSubjunctive |= fronted;
        int words = 0;
        for (int k = from; k < se && words < FiniteWithin; k++)
        {
            var t = p.Tokens[k];
            // "said investors, who bought …, had …": the subject's parenthetical, the verb after it.
            if (t.Is(',') && words > 0 && !needSubjunctive && ParentheticalSubject.After(p, k, se) is var after and >= 0)
            {
                k = after - 1;
                continue;
            }
            if (t.Is(',') || t.Is(';')) return false;
            if (!t.IsWord) continue;
            // "Friday as he entered the talks": the verb of a subordinate clause.
            if (k > from && p.IsSubordinator(k)) return false;
            words++;
            if (k > from && (needSubjunctive ? p.IsSubjunctive(k) : p.LooksFinite(k))) return true;
        }
        return false;
    }

    /// <summary>The clause ends before the next report of its sentence: at the comma or dash before another cue and its
    /// subject ("When Clinton noted that …, Trump boasted, …").</summary>
    static int BeforeNextReport(ParagraphContext p, List<CueHit> cues, CueHit c, int from, int to)
    {
        foreach (var other in cues)
        {
            if (other.Start <= from || other.Start >= to || other == c) continue;
            // "said it was opposed to the test and warned North Korea …", "… and repeatedly says": a coordinated cue
            // reports a clause of its own.
            int before = other.Start - 1;
            // Adverbs only: "e ha invitato “tutte le parti” …" goes on with the same utterance (an auxiliary keeps it).
            while (before > from && p.IsAdverb(before)) before--;
            if (before > from && p.IsConjunction(before)) return before;
            // "…, and he said he would …": a coordinated cue with a pronoun subject of its own.
            if (before > from + 1 && p.IsSubjectPronoun(before) && p.IsConjunction(before - 1)) return before - 1;
            // "… “certainly possible” but declined to say whether …", "… and refused to comment": the speaker's own act,
            // after the statement.
            if (before > from + 2 && p.IsInfinitiveMarker(before) && p.LooksFinite(before - 1) && p.IsConjunction(before - 2)) return before - 2;
            for (int k = other.Start - 1; k > from && k >= other.Start - MaxSubjectGap - 1; k--)
            {
                var t = p.Tokens[k];
                // "had “stopped doing the things,” and Rasmussen said …": the comma inside the closing mark; the
                // fragment stays whole.
                if (CommaInsideMark(p, k)) return k + 1;
                if (t.Is(',') || t.Kind == TokenKind.Dash) return k;
                // ", though she noted …": the comma before the subordinator.
                if (p.IsSubordinator(k) && !(k - 1 > from && (p.Tokens[k - 1].Is(',') || p.Tokens[k - 1].Kind == TokenKind.Dash))) break;
            }
        }
        return to;
    }

    /// <summary>Token <paramref name="k"/> is a closing mark with a comma glued before it (“…,”).</summary>
    static bool CommaInsideMark(ParagraphContext p, int k) =>
        k > 0 && p.Tokens[k].Kind == TokenKind.Mark && p.Tokens[k - 1].Is(',') && p.Tokens[k - 1].End == p.Tokens[k].Start;

    /// <summary>Drops trailing punctuation (a closing mark stays) and stops at a quoted sentence's end that the
    /// sentence splitter could not see ("… “dead on arrival.” She …").</summary>
    static int TrimEnd(ParagraphContext p, int from, int to)
    {
        var toks = p.Tokens;
        for (int k = from; k < to - 2; k++)
            if (p.IsSentenceEnd(k) && toks[k + 1].Kind == TokenKind.Mark && (toks[k + 2].IsCapitalized || toks[k + 2].Kind is TokenKind.Mark or TokenKind.Dash))
            {
                to = k + 2;
                break;
            }
        while (to > from && toks[to - 1].Kind == TokenKind.Punct) to--;
        return to;
    }

    /// <summary>The clause may become a quotation: it overlaps no other indirect one and no dash or block quotation,
    /// and the quotations in marks inside it are whole. Those no term are its fragments (the statement is mixed); a
    /// term or scare quote ("what is known as “corridor care”") stays a row of its own. A
    /// fragment nobody speaks joins only with <paramref name="strangersJoin"/>; one attributed to someone else than
    /// <paramref name="speaker"/> is another voice ("…, ifølge en uttalelse
    /// fra …" after Xi's words, a clause that runs on past a missing full stop): the clause is left alone.</summary>
    bool Claim(ParagraphContext p, int from, int to, Referent? speaker, string? speakerText, string? cue, bool strangersJoin, out List<int> absorbed)
    {
        absorbed = [];
        foreach (var k in found.UnitsOf(p.Index))
        {
            var u = Units[k];
            if (u.Parent >= 0 || u.Absorbed) continue;
            bool overlaps = u.Before < to && u.After > from;
            if (!overlaps) continue;
            if (u.Style != "marked") return false;
            if (u.Before < from || u.After > to + 1) return false;
            // A naming cue's words in marks ("nannte es „deutsch“") are its speaker's only when attributed to them; a
            // mark never closed is no fragment to join.
            if (u.IsTerm || u.Speaker is null && (!strangersJoin || u.CloseTok < 0)) continue;
            // ", Trump boasted, “That makes me smart.”", "…: “Parallel to …”": a sentence in marks after a comma or a
            // colon is a quotation of its own, not a fragment of the clause.
            if (u.Before > from && p.Tokens[u.Before - 1].Text[0] is ',' or ':' && u.TokStart < u.TokEnd && p.Tokens[u.TokStart].IsCapitalized) return false;
            // A fragment nobody was found for inside someone's reported clause is theirs ("Sanders said that some families
            // would pay “slightly more”"); one the same cue gave to its clause's subject ("Cruz says he is “tied”": "he")
            // is the cue's speaker's too, and so is one the same cue gave to the same subject words ("habe „alles
            // richtig gemacht“, sagte er.": the fragment's rules read the pronoun in its paragraph).
            if (u.Speaker is not null && u.Speaker.Name != speaker?.Name && !(u.Cue == cue && u.SpeakerText is { Length: > 0 } st
                    && (p.Text.AsSpan(p.Tokens[from].Start).StartsWith(st, StringComparison.Ordinal) || st == speakerText))
                && !ClosingFragment.EndsClause(p, u, to))
                return false;
            absorbed.Add(k);
        }
        return true;
    }
}
