namespace Cql.Engine.Quotes;

/// <summary>Who a cue says spoke: the referent (null when nobody is named), the phrase that names them, and the
/// medium it went through.</summary>
/// <param name="RoleClass">The office through which the speaker spoke ("en talsperson for …": spokesperson), so a later
/// "talspersonen" finds them.</param>
/// <param name="SpeakerRole">The title, office or affiliation the phrase gives with the name, or the office that
/// speaks when no name is given.</param>
/// <param name="CoSpeakers">Who spoke together with <paramref name="Speaker"/> ("Xi Jinping och Vladimir Putin sade").</param>
internal sealed record Attribution(Referent? Speaker, string? SpeakerText, string CueText, string? Via, bool HumanVoice, string? RoleClass,
    string? SpeakerRole = null, List<Referent>? CoSpeakers = null);

/// <summary>
/// Resolves the subject of a cue in its clause. A speech verb's speaker stands in its gap ("la han til", "skal Xi ha
/// sagt"), else before it in its own clause ("Xi sagte", "Tony Dyer, leader of the Green group, said"), else right
/// after it ("sa Xi", "said Senator John Thune", "betonte Xi"); a participle or a coordinated verb ("vowing", "und
/// sagte") takes the sentence's subject (<see cref="CueSubjectRules"/>, in that order); with none, the subject was
/// dropped ("ha affermato") and the discourse supplies it. Listeners and media ("told Reuters", "til NTB", "ifølge CNN") become the medium, never the speaker.
/// Pronouns, offices and initials resolve through the <see cref="Discourse"/>; an unnamed subject ("die beiden
/// Führer", "a spokesperson") falls back to a named source in the sentence ("In einer Erklärung des Kreml").
/// </summary>
internal sealed class Attributor(ParagraphContext p, Discourse discourse, PhraseReader reader)
{
    /// <summary>The paragraph whose cues this resolves.</summary>
    internal ParagraphContext Paragraph => p;
    /// <summary>Reads the phrases of <see cref="Paragraph"/>.</summary>
    internal PhraseReader Reader => reader;

    /// <summary>Offices that may name anyone: "der Grünen-Politiker", "personen". Others need their holder named
    /// before ("statsministeren" after "Statsminister Jonas Gahr Støre"), else nobody is named.</summary>
    static readonly HashSet<string> GenericRoles = new(StringComparer.Ordinal) { "person", "politician" };

    /// <summary>Where pronouns may find their antecedent: before this token of the paragraph (a pronoun after the
    /// quote, ", betonte er", does not mean someone the quoted sentence itself names).</summary>
    int _antecedentLimit = -1;

    public Attribution Resolve(CueHit cue, int clauseFloor, int sentenceStart, int sentenceEnd, Func<int, bool> opaque, bool allowDiscourse, int antecedentLimit = -1)
    {
        _antecedentLimit = antecedentLimit;
        Phrase? phrase = null;
        bool unnamed = false;
        string? via = null;
        switch (cue.Kind)
        {
            case CueKind.According:
                phrase = reader.Read(cue.End, GermanAccording.SourceEnd(p, cue.End, sentenceEnd));
                break;
            case CueKind.AccordingAfter:
                phrase = PhraseEndingAt(cue.Start, sentenceStart);
                break;
            case CueKind.So:
                phrase = SubjectAfterCueRule.After(this, cue.End, sentenceEnd);
                break;
            case CueKind.Quoted:
                phrase = cue.GapStart >= 0 ? reader.Read(cue.GapStart, cue.GapEnd) : null;
                if (SubjectBeforeCueRule.Before(this, cue, clauseFloor, opaque) is { Kind: PhraseKind.Named } medium) via = medium.Ref?.Name;
                break;
            case CueKind.Impersonal:
                // "Lucia Bertolini si dice «sollevata»": a reflexive report with a subject is that subject speaking of herself.
                if (IsReflexive(cue) && SubjectBeforeCueRule.Before(this, cue, clauseFloor, opaque) is { Kind: PhraseKind.Named or PhraseKind.Pronoun or PhraseKind.Role } self)
                {
                    phrase = self;
                    break;
                }
                phrase = SourceAfterImpersonal(cue, sentenceEnd) ?? SourceInSentence(sentenceStart, sentenceEnd, opaque);
                break;
            default:
                phrase = CueSubjectRules.Find(new CueClause(this, cue, clauseFloor, sentenceStart, sentenceEnd, opaque));
                break;
        }
        // "were described as “…” by the UN's climate chief, Simon Stiell": the agent of a passive speaks.
        if (phrase is null or { Kind: PhraseKind.Common } && cue.Kind is CueKind.Speech or CueKind.Naming && IsPassive(cue, clauseFloor) && PassiveAgent(cue.End, sentenceEnd, opaque) is { } agent)
            phrase = agent;
        var (speaker, human) = Referent(phrase, cue, allowDiscourse, out unnamed);
        // An unnamed subject ("die beiden Führer betonten") leaves the words to a source the sentence names.
        if (speaker is null && unnamed && cue.Kind is not (CueKind.According or CueKind.Impersonal))
            if (SourceInSentence(sentenceStart, sentenceEnd, opaque) is { } source)
            {
                (speaker, human) = Referent(source, cue, allowDiscourse, out _);
                if (speaker is not null) phrase = source;
            }
        via ??= MediumIn(cue.Start, sentenceEnd, speaker, opaque) ?? AccordingSource(sentenceStart, sentenceEnd, speaker, opaque);
        var coSpeakers = speaker is not null && phrase is { Kind: PhraseKind.Named } ? CoSpeakers(phrase, speaker, sentenceEnd) : null;
        int textEnd = coSpeakers is { } joint ? joint.End : phrase?.End ?? 0;
        // "Dem IAB zufolge": the article of a dative or genitive source is its case, not its name.
        int textStart = phrase is null ? 0 : phrase.Start + (p.IsOblique(phrase.Start) && phrase.Start + 1 < textEnd ? 1 : 0);
        return new Attribution(speaker, phrase is null ? null : p.Slice(textStart, textEnd), CueText(cue, phrase), via, human,
            speaker is not null && phrase?.Role is { } role ? role.Class : null, RoleText(phrase), coSpeakers?.Who);
    }

    /// <summary>The words before the name that give its title, office or affiliation ("UFCW Local 832 president" in
    /// "UFCW Local 832 president Jeff Traeger", "Sen." in "Sen. Richard Blumenthal"), or for an office speaking without
    /// a name the office ("spokesperson for the German economy ministry"); the article and a closing comma left out.</summary>
    string? RoleText(Phrase? phrase)
    {
        if (phrase is null) return null;
        int from = phrase.Start, to = phrase.Kind switch
        {
            PhraseKind.Named => phrase.NameAt,
            PhraseKind.Role => phrase.End,
            _ => phrase.Start,
        };
        while (from < to && (p.IsDetDef(from) || p.IsDetIndef(from))) from++;
        while (to > from && p.Tokens[to - 1].Is(',')) to--;
        return to > from ? p.Slice(from, to) : null;
    }

    /// <summary>Names joined to the speaker's by a conjunction, before the cue: "Xi Jinping och Vladimir Putin sade",
    /// "Obama and Clinton said". Null when the speaker spoke alone.</summary>
    (List<Referent> Who, int End)? CoSpeakers(Phrase phrase, Referent speaker, int sentenceEnd)
    {
        List<Referent>? who = null;
        int end = phrase.End;
        while (end + 1 < sentenceEnd && p.IsConjunction(end) && reader.Read(end + 1, sentenceEnd) is { Kind: PhraseKind.Named, Ref: { CanSpeak: true } other } next
               && other.Name != speaker.Name)
        {
            (who ??= []).Add(other);
            end = next.End;
        }
        return who is null ? null : (who, end);
    }

    /// <summary>"Per il commissario tecnico della nazionale, Luca Cesaroni, …", "Pour le président de l'association,
    /// Jordi Bataille, ces mesures arrivent « … »": a sentence opened by "for" and a person, then a comma, gives that
    /// person's view. Null unless the sentence has that shape before <paramref name="before"/>.</summary>
    public Attribution? FrontedSource(int sentenceStart, int before)
    {
        _antecedentLimit = -1;
        int k = sentenceStart;
        while (k < before && p.Tokens[k].Kind is TokenKind.Mark or TokenKind.Dash) k++;
        if (k + 1 >= before || !p.IsFrontedSource(k)) return null;
        if (reader.Read(k + 1, before) is not { Kind: PhraseKind.Named or PhraseKind.Role } ph || ph.End >= before || !p.Tokens[ph.End].Is(',')) return null;
        if (ph is { Kind: PhraseKind.Named, Ref.IsPerson: false }) return null;
        var cue = new CueHit(k, k + 1, -1, -1, CueKind.According, p.Tokens[k].Lower);
        var (speaker, human) = Referent(ph, cue, allowDiscourse: true, out _);
        return speaker is null ? null
            : new Attribution(speaker, p.Slice(ph.Start, ph.End), p.Tokens[k].Text, null, human, ph.Role?.Class);
    }

    /// <summary>Who the subject of tokens [from, to) names, a clause without a cue of its own ("Over haar kansen … wilde
    /// Hoekstra zich niet uitlaten:"); null when it names nobody.</summary>
    public Referent? SubjectOf(int from, int to, Func<int, bool> opaque)
    {
        _antecedentLimit = -1;
        var ph = FirstSubject(from, to, opaque);
        if (ph is null or { Kind: PhraseKind.Common }) return null;
        var (r, _) = Referent(ph, new CueHit(to, to, -1, -1, CueKind.Speech, ""), allowDiscourse: true, out _);
        return r;
    }

    bool IsReflexive(CueHit cue) => p.Lexicon.IsReflexive(p.Tokens[cue.Start].Lower);

    bool IsPassive(CueHit cue, int floor)
    {
        for (int k = cue.Start - 1; k >= floor && k >= cue.Start - 3; k--)
            if (p.Tokens[k].IsWord && p.FactsAt(k).IsPassiveAuxiliary) return true;
        return false;
    }

    Phrase? PassiveAgent(int from, int end, Func<int, bool> opaque)
    {
        for (int k = from; k < end - 1; k++)
            if (!opaque(k) && p.Tokens[k].IsWord && p.Lexicon.IsAgentPreposition(p.Tokens[k].Lower) && reader.Read(k + 1, end) is { Kind: PhraseKind.Named or PhraseKind.Role } ph)
                return ph;
        return null;
    }

    /// <summary>The first phrase of tokens [from, to) that is no preposition's object and in no oblique case: the
    /// clause's subject; with <paramref name="stopAtSubordinator"/>, none past a subordinate clause's opening.</summary>
    internal Phrase? FirstSubject(int from, int to, Func<int, bool> opaque, bool stopAtSubordinator = false)
    {
        for (int k = from; k < to; k++)
        {
            if (opaque(k)) continue;
            if (!p.Tokens[k].IsWord) continue;
            if (stopAtSubordinator && p.IsSubordinator(k)) return null;
            if (p.IsPreposition(k)) { k = SkipPrepositionalObject(k, to); continue; }
            // "Dem Deutschlandfunk sagte sie": a phrase in an oblique case is no subject.
            if (p.IsOblique(k)) { k = (reader.Read(k, to)?.End ?? k + 1) - 1; continue; }
            if (reader.Read(k, to) is { } ph)
            {
                // A lone capitalised word the article never introduced is a name only right before the verb ("Díaz defendió");
                // one it introduced as an organisation ("la société Normasol") is one anywhere.
                if (ph.Kind == PhraseKind.Named && ph.End - ph.Start == 1 && ph.Ref is { Known: null, IsPerson: true } r && !r.Name.Contains(' ') && !p.Tokens[ph.End - 1].IsAllCaps
                    && p.FirstNameAt(ph.Start) is null && ph.Role is null && !NextToVerb(ph.End, to))
                { k = ph.End - 1; continue; }
                return ph;
            }
        }
        return null;
    }

    bool NextToVerb(int from, int verb)
    {
        int k = from;
        while (k < verb && (p.IsAdverb(k) || p.IsAux(k))) k++;
        return k == verb;
    }

    /// <summary>Skips a preposition and the phrase it governs ("Ifølge Kreml", "mellom Putin og Xi").</summary>
    int SkipPrepositionalObject(int k, int to)
    {
        int j = k + 1;
        // ", in der Xi Putin … nannte": after a comma, a preposition and an article form a relative clause's opening;
        // the name after them is its subject.
        if (k > 0 && p.Tokens[k - 1].Is(',') && j + 1 < to && p.IsDetDef(j) && (p.Tokens[j + 1].IsCapitalized || p.HitAt(j + 1) is not null)) return j;
        // "Bland andra Politico rapporterar": "among others" governs nothing.
        if (j < to && p.FactsAt(j).IsQuantifier) return j;
        // The object: an article, a few words, perhaps a name ("du cabinet Oddo BHF"). Plain words after the article stop
        // after one: in "Over de toekomst wilde Sanne Bos" the verb and the subject follow the phrase; an office or a
        // document goes on to its name ("Ifølge klubbens styreleder, Hege Moldestad").
        int afterArticle = j < to && (p.IsDetDef(j) || p.IsDetIndef(j)) ? j + 1 : j;
        int plain = 0;
        bool head = false;
        for (int m = afterArticle; m < to && plain < 3 && IsPlainWord(m); m++)
        {
            if (p.RoleAt(m) is not null || p.IsDocNoun(m)) { head = true; break; }
            plain++;
        }
        if (!head && plain >= 2) to = afterArticle + 1;
        for (int n = 0; n < 3 && j < to && IsPlainWord(j); n++) j++;
        if (j < to && reader.Read(j, to) is { } obj)
        {
            j = obj.End;
            // Coordinated objects: "mellom Putin og Xi".
            while (j + 1 < to && p.IsConjunction(j) && reader.Read(j + 1, to) is { Kind: PhraseKind.Named } more) j = more.End;
        }
        return j - 1;
    }

    bool IsPlainWord(int j) =>
        p.Tokens[j].IsWord && !p.Tokens[j].IsCapitalized && !p.IsPreposition(j) && !p.IsConjunction(j) && !p.IsSubordinator(j) && p.PronounGender(j) is null;

    /// <summary>Where the clause ending before token <paramref name="from"/> begins, no earlier than
    /// <paramref name="floor"/>: after a comma, dash, colon, parenthesis, subordinator or a conjunction that opens a
    /// clause of its own.</summary>
    internal int ClauseStart(int from, int floor, Func<int, bool> opaque)
    {
        int k = from - 1;
        while (k >= floor)
        {
            // A quotation inside the clause belongs to it ("in der Xi Putin seinen „besten Freund“ nannte").
            if (opaque(k)) { k--; continue; }
            var t = p.Tokens[k];
            // "während" opens a clause, but "Während des Anrufs" is a preposition and its object.
            bool subordinator = p.IsSubordinator(k) && !(p.IsPreposition(k) && (p.IsDetDef(k + 1) || p.IsDetIndef(k + 1)));
            if (t.Kind == TokenKind.Dash || (t.Kind == TokenKind.Punct && t.Text[0] is ',' or ';' or ':' or '(' or ')') || subordinator)
                break;
            // "e ha invitato", "und sagte" start a clause of their own; "Xi Jinping och Vladimir Putin" is one subject.
            if (p.IsConjunction(k) && !(p.Tokens[k + 1].IsCapitalized || p.PronounGender(k + 1) is not null || (k + 1 < from && opaque(k + 1)))) break;
            k--;
        }
        // Quote marks right after the boundary are not part of the clause.
        int start = k + 1;
        while (start < from && opaque(start)) start++;
        return start;
    }

    internal Phrase? PhraseEndingAt(int end, int floor)
    {
        for (int k = Math.Max(floor, end - 5); k < end; k++)
            if (reader.Read(k, end) is { } ph && ph.End == end) return ph;
        return null;
    }

    /// <summary>"lyder det fra Finansministeriet", "si legge nella lettura del Cremlino": the source after an impersonal cue.</summary>
    Phrase? SourceAfterImpersonal(CueHit cue, int end)
    {
        for (int k = cue.End; k < end && k <= cue.End + 2; k++)
            if (p.IsPreposition(k) && k + 1 < end && reader.Read(k + 1, end) is { } ph
                && (ph.Kind is PhraseKind.Named or PhraseKind.Document || IsOrganisationNoun(ph))) return ph;
        return null;
    }

    /// <summary>"aus dem Ministerium", "aus der Gewerkschaft": a common noun of at most two words (an article and the noun)
    /// that is or ends in an organisation word or is a noun for an organisation, which the discourse may resolve to the organisation it stands for.</summary>
    bool IsOrganisationNoun(Phrase ph) =>
        ph.Kind == PhraseKind.Common && ph.End - ph.Start <= 2
        && (OrganisationWords.Match(p.Tokens[ph.End - 1].Word) == OrganisationWordMatch.Ends || OrganisationDescriptions.Is(p.Tokens[ph.End - 1].Word));

    /// <summary>A named source anywhere in the sentence: a document with its author ("Erklärung des Kreml") or what an
    /// "according to" names.</summary>
    Phrase? SourceInSentence(int start, int end, Func<int, bool> opaque)
    {
        for (int k = start; k < end; k++)
        {
            if (opaque(k) || !p.Tokens[k].IsWord) continue;
            if (p.IsDocNoun(k) && reader.Read(k, end) is { Kind: PhraseKind.Document, Affiliation: not null } doc) return doc;
            if (p.HitAt(k) is { } hit && k + 1 < end && p.IsDocNoun(hit.TokEnd) && reader.Read(k, end) is { Kind: PhraseKind.Document, Affiliation: not null } gdoc) return gdoc;
        }
        foreach (var c in CueFinder.Find(p, start, end, opaque))
        {
            if (c.Kind == CueKind.According && reader.Read(c.End, end) is { Kind: PhraseKind.Named or PhraseKind.Document } ph) return ph;
            if (c.Kind == CueKind.AccordingAfter && PhraseEndingAt(c.Start, start) is { Kind: PhraseKind.Named or PhraseKind.Document } pe) return pe;
        }
        return null;
    }

    (Referent?, bool Human) Referent(Phrase? ph, CueHit cue, bool allowDiscourse, out bool unnamed)
    {
        unnamed = false;
        if (ph is null)
        {
            unnamed = !allowDiscourse;
            // A dropped subject ("ha affermato", "Ha detto che"), in a language that drops them.
            int at = Limit(cue.Start);
            if (allowDiscourse && GermanImpersonalAfterReport(cue)) return (discourse.Resolve('?', p.Index, at, allowOrganisations: true), false);
            if (!(allowDiscourse && cue.Kind is CueKind.Speech or CueKind.Naming or CueKind.Tell && SubjectMayBeDropped(cue))) return (null, false);
            return (discourse.Resolve('?', p.Index, at, allowOrganisations: false) ?? discourse.Resolve('?', p.Index, at, allowOrganisations: true), true);
        }
        switch (ph.Kind)
        {
            case PhraseKind.Named:
                return ph.Ref is { CanSpeak: true } r ? (r, r.IsPerson) : (null, false);
            case PhraseKind.Pronoun:
            {
                char g = ph.Gender;
                if (g == 'x') g = p.Tokens[cue.Start].Lower.EndsWith("en") ? 'p' : 'f';
                if (g == 'p') { unnamed = true; return (null, false); }
                return allowDiscourse ? (discourse.Resolve(g, p.Index, Limit(ph.Start), allowOrganisations: false), true) : (null, true);
            }
            case PhraseKind.Role:
            {
                var role = ph.Role!;
                if (ph.Affiliation is { } org && role.Class == "spokesperson") return (org, true);
                if (role.Class == "person") return (allowDiscourse ? discourse.LastHumanSpeaker(p.Index, ph.Start) : null, true);
                if (!ph.Definite)
                {
                    unnamed = true;
                    // "a spokesperson", "Ein Vereinssprecher": for the organisation named last before it in the paragraph
                    // ("Das Bundeswirtschaftsministerium wies die Kritik zurück. Eine Sprecherin sagte"), else the one
                    // that spoke just before, else the one the article is about.
                    return role.Class == "spokesperson" && allowDiscourse
                        ? (OrganisationBefore(ph.Start) ?? discourse.LastOrganisationSpeaker(p.Index, ph.Start) ?? discourse.SalientOrganisation(p.Index, Limit(ph.Start)), true)
                        : (null, true);
                }
                if (!allowDiscourse) return (null, true);
                if (discourse.HolderOf(role.Class, p.Index) is { } holder) return (holder, true);
                // "Il leader della classifica", "le jeune buteur", "el médico": a description of the person just named.
                if (!GenericRoles.Contains(role.Class) && discourse.Described(role.Feminine ? 'f' : '?', role.Class, p.Index, Limit(ph.Start)) is { } described)
                    return (described, true);
                unnamed = true;
                return GenericRoles.Contains(role.Class) ? (discourse.Resolve(role.Feminine ? 'f' : '?', p.Index, Limit(ph.Start), allowOrganisations: false), true) : (null, true);
            }
            case PhraseKind.Document:
                unnamed = ph.Affiliation is null;
                if (ph.Affiliation is { CanSpeak: true } a) return (a, false);
                // "the survey found", "the release said": a document named with the definite article is the one the
                // organisation named last in its paragraph issued.
                return (allowDiscourse && p.IsDetDef(ph.Start) ? OrganisationBefore(ph.Start) : null, false);
            case PhraseKind.Initial:
                return allowDiscourse ? (discourse.Resolve('?', p.Index, Limit(ph.Start), allowOrganisations: false), true) : (null, true);
            default:
                // "His office said", "Gov. Maureen Tallis's office said": the office speaks for the person who holds it.
                if (PersonalOffice.Owner(p, ph) is { } owner)
                    return owner == '?' ? (ph.Affiliation, true) : (allowDiscourse ? discourse.Resolve(owner, p.Index, Limit(ph.Start), allowOrganisations: false) : null, true);
                // "Das Bundeswirtschaftsministerium wies die Kritik zurück": one word names the organisation.
                if (ph.End - ph.Start <= 2 && OrganisationWordAt(ph.End - 1) is { } organisation) return (organisation, false);
                unnamed = true;
                // "skriver forbundet": a definite noun for an organisation named before.
                if (allowDiscourse && ph.End - ph.Start <= 2 && discourse.OrganisationNamedBy(OrganisationDescriptions.Stems(BaseForm(ph.End - 1))) is { } named) return (named, false);
                // "the company said" after Google, "oplyser selskabet", "la empresa": a definite noun for an organisation
                // stands for the organisation the article is about.
                // "Environment Canada has issued a statement. The agency says …": the organisation a sentence before it in
                // its paragraph opened is meant, whoever else the article names more.
                if (allowDiscourse && IsOrganisationDescription(ph) && discourse.LastOrganisationSubjectIn(p.Index, Limit(ph.Start)) is { } opened) return (opened, false);
                if (allowDiscourse && IsOrganisationDescription(ph) && discourse.SalientOrganisation(p.Index, Limit(ph.Start)) is { } salient) return (salient, false);
                // "la funcionaria", "el especialista", "the 24-year-old", "der 29-Jährige": a singular definite
                // description of the person just named, unless a complement follows it after the cue ("a souri le jeune
                // avant de 20 ans" may be someone new; an age is no one new: "sagte der 46-Jährige auf der Pressekonferenz").
                if (allowDiscourse && ph.End - ph.Start == 2 && DescriptionGender(ph.Start) is { } dg && (ph.End <= cue.Start || !FollowedByComplement(ph.End) || char.IsDigit(p.Tokens[ph.End - 1].Text[0]))
                    && OrganisationWords.Match(p.Tokens[ph.End - 1].Word) == OrganisationWordMatch.None
                    && discourse.Described(dg, null, p.Index, Limit(ph.Start)) is { } person) return (person, true);
                return (null, false);
        }
    }

    /// <summary>The organisation named last before token <paramref name="tok"/> of this paragraph: a name the discourse
    /// noted, or in German a capitalised word that reads as an organisation's (<see cref="OrganisationWordAt"/>). Null
    /// when the paragraph names none before it.</summary>
    Referent? OrganisationBefore(int tok)
    {
        var named = discourse.LastOrganisationIn(p.Index, tok, out int at);
        for (int k = tok - 1; k > at; k--)
            if (OrganisationWordAt(k) is { } organisation) return organisation;
        return named;
    }

    /// <summary>"…, hieß es." after a report in a German document: with no source, it speaks for whom the discourse
    /// is about (<see cref="GermanImpersonalReport"/>).</summary>
    bool GermanImpersonalAfterReport(CueHit cue) => GermanDocument && GermanImpersonalReport.AfterReport(p, cue);

    /// <summary>Whether a cue with no subject read may take the one the discourse is about. English drops a subject
    /// only after a conjunction ("but added:") and in a participle ("saying", "claiming"): a finite cue without one had
    /// a subject the reader did not take for a speaker ("The plan, an inside source said, is …", "59 percent said",
    /// "police said"), and the person named last was the wrong speaker; a subject pronoun the reader passes over ("it
    /// said", "it also said") still means someone named before. Other languages keep the discourse: some drop
    /// subjects ("ha affermato"), and their readers leave more subjects unread.</summary>
    bool SubjectMayBeDropped(CueHit cue)
    {
        if (!(p.Languages.Count > 0 && p.Languages[0] == "en") || p.Tokens[cue.Start].Lower.EndsWith("ing", StringComparison.Ordinal)) return true;
        for (int k = cue.Start - 1; k >= 0 && k >= cue.Start - 3; k--)
        {
            if (p.IsSubjectPronoun(k) || p.IsConjunction(k)) return true;
            if (!(p.IsAdverb(k) || p.IsAux(k))) return false;
        }
        return false;
    }

    /// <summary>The document is German by its own verdict, not only German among the languages in play: "in", "an",
    /// "war" are English function words too.</summary>
    bool GermanDocument => p.Languages.Count > 0 && p.Languages[0] == "de";

    /// <summary>"Das Bundeswirtschaftsministerium", "Der Branchenverband": German writes an organisation as one
    /// capitalised common noun that ends in an organisation word, which the phrase reader takes for no name. Only in a
    /// German document (<see cref="GermanDocument"/>) and only for a compound ("Amt", "Verband" alone say nothing about
    /// which).</summary>
    Referent? OrganisationWordAt(int k)
    {
        if (!(GermanDocument && p.Tokens[k] is { IsCapitalized: true } t && t.Text.Length >= MinOrganisationWordLength
              && p.RoleAt(k) is null)) return null;
        // "das Ministerium" alone says nothing about which: the discourse finds the one it stands for.
        if (OrganisationWords.Match(t.Word) == OrganisationWordMatch.Ends)
            return OrganisationWords.IsWord(t.Lower) ? null : discourse.Intern(new Referent(t.Text, "organisation", null, null));
        // "des Kultusministeriums": the genitive names the organisation by its base form ("des Verbunds" is too short
        // to say which: the discourse finds it).
        int ending = GermanGenitive.OrganisationEnding(t.Lower);
        return ending > 0 && t.Text.Length - ending >= MinOrganisationWordLength && !OrganisationWords.IsWord(t.Lower[..^ending])
            ? discourse.Intern(new Referent(t.Text[..^ending], "organisation", null, null))
            : null;
    }

    /// <summary>The lower-case word at <paramref name="k"/>, without its genitive ending when it is a German
    /// organisation word in the genitive ("verbunds" → "verbund").</summary>
    string BaseForm(int k) => GermanDocument ? GermanGenitive.BaseForm(p.Tokens[k].Lower) : p.Tokens[k].Lower;

    /// <summary>A single word shorter than this is no organisation's name by its ending ("Verband", "Gericht").</summary>
    const int MinOrganisationWordLength = 8;

    /// <summary>The gender a singular definite article shows ('?' when it shows none), or null for a word that is no
    /// such article (plural "los", "les", "the" before a plural are no description of one person).</summary>
    char? DescriptionGender(int k)
    {
        if (!p.IsDetDef(k) || k + 1 >= p.Tokens.Count || !p.Tokens[k + 1].IsWord) return null;
        var noun = p.Tokens[k + 1].Lower;
        return p.Tokens[k].Lower switch
        {
            "la" or "die" => 'f',
            "el" or "le" or "il" or "lo" or "der" => 'm',
            "the" or "de" or "het" or "l'" or "l’" => noun.EndsWith('s') ? null : '?',
            _ => null,
        };
    }

    /// <summary>"the company", "the airline", "selskabet", "la compañía", "der Verein": a definite noun (an article and
    /// at most one adjective before it, or a Scandinavian definite ending) that an article uses for an organisation.</summary>
    bool IsOrganisationDescription(Phrase ph)
    {
        int n = ph.End - ph.Start;
        var noun = p.Tokens[ph.End - 1];
        if (!noun.IsWord) return false;
        bool scandinavian = p.Languages.Contains("no") || p.Languages.Contains("sv") || p.Languages.Contains("da");
        bool definite = n == 1 ? scandinavian && OrganisationDescriptions.Stems(noun.Lower).Skip(1).Any() : p.IsDetDef(ph.Start) && n <= 3;
        return definite && (OrganisationDescriptions.Is(noun.Word) || n >= 2 && OrganisationWords.Match(noun.Word) == OrganisationWordMatch.Ends);
    }

    /// <summary>A prepositional complement starts at <paramref name="k"/>, not an age ("la comédienne de 27 ans").</summary>
    bool FollowedByComplement(int k) => k < p.Tokens.Count && p.IsPreposition(k) && !p.Tokens[k].IsCapitalized
        && !(k + 1 < p.Tokens.Count && char.IsDigit(p.Tokens[k + 1].Text[0]));

    int Limit(int tok) => _antecedentLimit >= 0 ? Math.Min(tok, _antecedentLimit) : tok;

    /// <summary>A medium named in the attribution ("til NTB", "told Reuters", "ifølge CNN", "by the state broadcaster CCTV").</summary>
    string? MediumIn(int from, int end, Referent? speaker, Func<int, bool> opaque)
    {
        foreach (var h in p.Hits)
            if (h.TokStart >= from && h.TokStart < end && !opaque(h.TokStart) && h.Entity.Kind == "medium" && h.Entity.Name != speaker?.Name)
                return h.Entity.Name;
        return null;
    }

    /// <summary>"…, skal Xi ha sagt, ifølge statlige kinesiske medier": what an "according to" names when someone else spoke.</summary>
    string? AccordingSource(int start, int end, Referent? speaker, Func<int, bool> opaque)
    {
        if (speaker is null) return null;
        foreach (var c in CueFinder.Find(p, start, end, opaque))
        {
            if (c.Kind != CueKind.According) continue;
            if (reader.Read(c.End, end) is { } ph)
            {
                if (ph.Ref is { } r) return r.Name == speaker.Name ? null : r.Name;
                if (ph.Affiliation is { } a) return a.Name == speaker.Name ? null : a.Name;
                return p.Slice(c.End, ph.End);
            }
            int k = c.End;
            while (k < end && p.Tokens[k].IsWord) k++;
            return k > c.End ? p.Slice(c.End, k) : null;
        }
        return null;
    }

    /// <summary>The cue as written, with its auxiliaries and without its subject: "skal ha sagt", "a-t-elle affirmé",
    /// "ha affermato", "teilte mit".</summary>
    string CueText(CueHit cue, Phrase? subject)
    {
        int start = cue.Start;
        // Auxiliaries before the cue, past an inverted subject: "skal Xi ha sagt", "ha affermato", "a-t-elle affirmé".
        for (int k = cue.Start - 1; k >= 0 && k >= cue.Start - 4; k--)
        {
            if (p.IsAux(k)) { start = k; continue; }
            if (subject is not null && k >= subject.Start && k < subject.End) continue;
            break;
        }
        var sb = new System.Text.StringBuilder();
        int prevEnd = -1;
        for (int k = start; k < cue.End; k++)
        {
            var t = p.Tokens[k];
            bool inSubject = subject is not null && k >= subject.Start && k < subject.End;
            bool inGap = cue.GapStart >= 0 && k >= cue.GapStart && k < cue.GapEnd;
            bool glued = prevEnd >= 0 && prevEnd <= t.Start && !p.Text.AsSpan(prevEnd, t.Start - prevEnd).ContainsAny(' ', '\n', '\u00a0');
            if ((inSubject || inGap) && !glued) continue;
            if (!p.IsAux(k) && k < cue.Start && !inSubject) continue;
            if (sb.Length > 0 && !glued) sb.Append(' ');
            sb.Append(glued ? p.Text[prevEnd..t.End] : t.Text);
            prevEnd = t.End;
        }
        return sb.Length > 0 ? sb.ToString() : p.Slice(cue.Start, cue.End);
    }
}
