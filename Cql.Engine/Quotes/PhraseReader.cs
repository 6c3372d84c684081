using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Reads the phrase that names a speaker from a token onwards: a known name (with its title: "Kinas president Xi
/// Jinping"), a name the gazetteer does not know ("Lars Kjeldsen", "Ursula von der Leyen", "Bund der Steuerzahler"),
/// a pronoun, an office ("statsministeren", "en talsperson for USAs utenriksdepartement", "il ministro dell'Economia
/// Giancarlo Giorgetti"), a document ("Die Zusammenfassung der Einladung des Kreml"), or a phrase that names nobody.
/// Surnames resolve to the full name met in the article.
/// </summary>
internal sealed class PhraseReader(ParagraphContext p, Discourse discourse, Func<int, int, bool> sentenceStart)
{
    // Phrases read so far: per start token, the first limit asked about in two arrays (nearly every start is asked with
    // one limit, its sentence's end), further limits in a dictionary. A dictionary alone cost more than the reading:
    // every word of every sentence is a start (NoteMentions), and inserting was most of Read's time.
    int[]? _readEnd;
    Phrase?[]? _readPhrase;
    Dictionary<(int, int), Phrase?>? _readMore;

    /// <summary>The phrase starting at token <paramref name="i"/>, reading no further than <paramref name="end"/>.
    /// Attribution asks for the same phrase from several angles; each is read once (reading notes names in the
    /// discourse).</summary>
    public Phrase? Read(int i, int end)
    {
        if (i < 0 || i >= p.Tokens.Count) return ReadMore(i, end);
        if (_readEnd is null)
        {
            _readEnd = new int[p.Tokens.Count];
            Array.Fill(_readEnd, -1);
            _readPhrase = new Phrase?[p.Tokens.Count];
        }
        if (_readEnd[i] == end) return _readPhrase![i];
        if (_readEnd[i] >= 0) return ReadMore(i, end);
        var ph = ReadUncached(i, end);
        // Reading may have read from the same start with another limit meanwhile: that one keeps its place.
        if (_readEnd[i] < 0 || _readEnd[i] == end) { _readEnd[i] = end; _readPhrase![i] = ph; }
        else (_readMore ??= [])[(i, end)] = ph;
        return ph;
    }

    Phrase? ReadMore(int i, int end)
    {
        _readMore ??= [];
        if (_readMore.TryGetValue((i, end), out var known)) return known;
        var ph = ReadUncached(i, end);
        _readMore[(i, end)] = ph;
        return ph;
    }

    /// <summary>Where a phrase being read stands: it starts at <see cref="Start"/>, the word at <see cref="At"/> is the
    /// next to read, and none at or past <see cref="End"/>. What the words before <see cref="At"/> told: an article
    /// (<see cref="Definite"/>, <see cref="Indefinite"/>), the organisation the phrase belongs to ("Kremls",
    /// "Senate Majority"), how many modifiers were passed. A step that ends the reading leaves its phrase (or null,
    /// no phrase) in <see cref="Result"/>.</summary>
    struct PhraseScan(int start, int end)
    {
        public readonly int Start = start, End = end;
        public int At = start;
        public bool Definite, Indefinite;
        public Referent? Affiliation;
        public int Modifiers;
        public Phrase? Result;

        public bool AfterArticle => Definite || Indefinite;

        public Step Done(Phrase? phrase)
        {
            Result = phrase;
            return Step.Done;
        }

        /// <summary>The word at <see cref="At"/> (and those up to <paramref name="next"/>) modifies the head still to come.</summary>
        public Step Modifier(int next)
        {
            At = next;
            Modifiers++;
            return Step.Next;
        }
    }

    /// <summary>What a step of reading made of the word at <see cref="PhraseScan.At"/>: not its kind of word (the next
    /// step looks), a modifier read past (read on), or the end of the phrase.</summary>
    enum Step : byte { Skip, Next, Done }

    /// <summary>Modifiers a phrase may have before its head: "den ikke navngitte talspersonen".</summary>
    const int MaxModifiers = 4;

    /// <summary>Reads in steps: a pronoun; a known name with its article; words of address and the name after them;
    /// else an article, then word by word up to the head — a known name, an office, a document, a capitalised name
    /// run — past modifiers (possessives, adjectives, counts, an affiliation, a second office); with no head, what
    /// the article and modifiers describe.</summary>
    Phrase? ReadUncached(int i, int end)
    {
        if (i >= end || !p.Tokens[i].IsWord) return null;
        // "CHICAGO, Nov 3 (Reuters) -": no word of a dateline, the agency's neither, opens a phrase.
        if (i < MaxDatelineTokens && p.Tokens[0].IsAllCaps && IsLabelOrDateline(i)) return null;
        if (p.PronounGender(i) is { } g) return new Phrase(PhraseKind.Pronoun, i, i + 1, Gender: g);
        if (KnownNameWithArticle(i) is { } known) return known;
        // "Dr. Helen Marsh", "Herr Müller": a word of address is no part of the name.
        if (AfterHonorifics(i, end) is var afterAddress && afterAddress > i)
            return afterAddress < end && NamedAt(afterAddress, end) is { } addressed
                ? OfficeOfNamed(addressed with { Start = i, NameStart = addressed.NameAt }, end) ?? addressed with { Start = i, NameStart = addressed.NameAt }
                : null;
        var s = new PhraseScan(i, end);
        SkipArticle(ref s);
        while (s.At < end && s.Modifiers <= MaxModifiers && p.Tokens[s.At].IsWord)
        {
            var step = SuspendedCompound(ref s);
            if (step == Step.Skip) step = KnownName(ref s);
            if (step == Step.Skip) step = CapitalisedOfficeBeforeName(ref s);
            if (step == Step.Skip) step = Office(ref s);
            if (step == Step.Skip) step = Document(ref s);
            if (step == Step.Skip) step = NameRun(ref s);
            if (step == Step.Skip) step = Modifier(ref s);
            if (step == Step.Skip) step = JoinedOffice(ref s);
            if (step == Step.Done) return s.Result;
            if (step == Step.Skip) break;
        }
        return Unnamed(in s);
    }

    /// <summary>"Gov. Maureen Tallis's office": a name in the possessive before an office of its holder
    /// (<see cref="PersonalOffice"/>) is that office, held by the name; null for any other name.</summary>
    Phrase? OfficeOfNamed(Phrase named, int end)
    {
        int k = named.End;
        if (k >= end || !p.Tokens[k - 1].IsPossessive || !PersonalOffice.IsNoun(p.Tokens[k].Lower)) return null;
        var holder = NameReferent(named.NameAt, k, afterDeterminer: false, genitiveStripped: true);
        return holder.IsPerson ? new Phrase(PhraseKind.Common, named.Start, k + 1, Affiliation: holder) : null;
    }

    /// <summary>The first part of a compound whose head is shared with the next ("klima- og energiminister", "Innen-
    /// und Heimatminister"): read past it and the conjunction to the word that carries the head.</summary>
    Step SuspendedCompound(ref PhraseScan s)
    {
        int j = s.At;
        if (j + 3 >= s.End || !p.Tokens[j + 1].Is('-') || p.Tokens[j].End != p.Tokens[j + 1].Start || !p.IsConjunction(j + 2) || !p.Tokens[j + 3].IsWord) return Step.Skip;
        return s.Modifier(j + 3);
    }

    /// <summary>A known name that begins with its article: "the Russian leader", "Het Parool", "The Kremlin".</summary>
    Phrase? KnownNameWithArticle(int i) =>
        p.HitAt(i) is { } whole && whole.Entity.Kind != "place" && (p.IsDetDef(i) || p.IsDetIndef(i))
            ? new Phrase(PhraseKind.Named, i, whole.TokEnd, discourse.Intern(Referent(whole.Entity)))
            : null;

    /// <summary>Where the name itself starts in a gazetteer hit that includes a title ("Chinas Präsident Xi" for Xi
    /// Jinping): its first word that is a word of the canonical name, else the hit's start.</summary>
    int NameStartInHit(int from, int to, string name)
    {
        for (int k = from; k < to; k++)
        {
            var word = p.Tokens[k].Text.AsSpan();
            foreach (var part in name.AsSpan().Split(' '))
                if (name.AsSpan()[part].Equals(word, StringComparison.OrdinalIgnoreCase)) return k;
        }
        return from;
    }

    /// <summary>An article opens the phrase when a word follows it.</summary>
    void SkipArticle(ref PhraseScan s)
    {
        if (p.IsDetDef(s.At) && s.At + 1 < s.End) { s.Definite = true; s.At++; }
        else if (p.IsDetIndef(s.At) && s.At + 1 < s.End) { s.Indefinite = true; s.At++; }
    }

    /// <summary>A gazetteer name: the head ("Kinas president Xi Jinping", a title alias then the name), or the owner of
    /// the office or document after it ("Kremls uttalande", "USA:s president Donald Trump", "EU-kommisjonens
    /// president"), or with a lowercase institution the name of one ("Bergens kommune").</summary>
    Step KnownName(ref PhraseScan s)
    {
        if (p.HitAt(s.At) is not { } hit) return Step.Skip;
        var r = discourse.Intern(Referent(hit.Entity));
        int k = hit.TokEnd;
        if (r.Kind == "place" && hit.Genitive && IsInstitutionAfterPlace(k, s.End))
            return s.Done(new Phrase(PhraseKind.Named, s.Start, k + 1, NameReferent(s.At, k + 1, afterDeterminer: false, genitiveStripped: false, organisation: true)));
        bool described = PersonAfterDescription(k, s.End);
        if ((IsModifierBeforeHead(k, s.End) || described) && (hit.Genitive || !r.IsPerson || OfficeNamesSomeone(k, s.End) || described))
        {
            if (r.Kind != "place" || s.Affiliation is null) s.Affiliation = r;
            return s.Modifier(k);
        }
        while (p.HitAt(k) is { } more && more.Entity == hit.Entity) k = more.TokEnd;
        if (s.Definite && !r.IsPerson && r.Kind != "medium" && r.Kind != "organisation") return s.Done(new Phrase(PhraseKind.Common, s.Start, k));
        return s.Done(new Phrase(PhraseKind.Named, s.Start, k, r, NameStart: NameStartInHit(s.At, k, r.Name)));
    }

    /// <summary>An office heads the phrase: "statsministeren", "talsperson for USAs utenriksdepartement" (see
    /// <see cref="ReadRole"/>).</summary>
    Step Office(ref PhraseScan s) =>
        p.RoleAt(s.At) is { } role ? s.Done(ReadRole(s.Start, s.At, s.End, role, s.Definite, s.Indefinite, s.Affiliation)) : Step.Skip;

    /// <summary>"Harlan County Emergency Management Director Ruth Ellery", "Franklin Ridge County Commissioner Joan
    /// Altieri", "Chief Financial Officer Ben Ashworth": capitalised words, then an office written with a capital and a
    /// person's given name and surname — the words up to the name are the person's affiliation and office, the person
    /// the head (the run was read as one name, or cut at the office and its first words taken for the speaker).</summary>
    Step CapitalisedOfficeBeforeName(ref PhraseScan s)
    {
        var toks = p.Tokens;
        int j = s.At;
        if (!toks[j].IsCapitalized || p.IsFunctionWord(j)) return Step.Skip;
        for (int k = j + 1; k + 2 < s.End && k - j < MaxOrganisationWords; k++)
        {
            if (!toks[k].IsWord || !toks[k].IsCapitalized || p.IsFunctionWord(k)) return Step.Skip;
            if (p.RoleAt(k) is null || p.RoleLength(k) != 1 || p.FirstNameAt(k + 1) is null || !toks[k + 2].IsCapitalized || p.IsFunctionWord(k + 2)) continue;
            return NamedAt(k + 1, s.End) is { Ref.IsPerson: true } person ? s.Done(person with { Start = s.Start, NameStart = person.NameAt }) : Step.Skip;
        }
        return Step.Skip;
    }

    /// <summary>A document heads the phrase: "Erklärung des Kreml" (see <see cref="ReadDocument"/>).</summary>
    Step Document(ref PhraseScan s) =>
        p.IsDocNoun(s.At) ? s.Done(ReadDocument(s.Start, s.At, s.End, s.Affiliation)) : Step.Skip;

    /// <summary>"D-Milwaukee", "R-Tenn.", "I-Vt." at text offset <paramref name="at"/>: a party and state tag.</summary>
    bool IsPartyTag(int at)
    {
        var text = p.Text.AsSpan(at);
        return text.Length >= 3 && text[0] is 'D' or 'R' or 'I' && text[1] == '-' && char.IsUpper(text[2]);
    }

    /// <summary>"Toronto-based", "Ottawa-area": a capitalised word whose last part after a hyphen is lowercase.</summary>
    static bool IsHyphenatedAdjective(string word)
    {
        int dash = word.LastIndexOf('-');
        if (dash < 1 || word.Length - dash < 4) return false;
        foreach (var c in word.AsSpan(dash + 1))
            if (!char.IsLower(c)) return false;
        return true;
    }

    /// <summary>A capitalised word: an initial, a place's genitive before an institution or an office, or a run of
    /// capitalised words that names someone — after a title the lexicon does not know, or before an office as its
    /// affiliation; a capitalised common noun names nobody.</summary>
    Step NameRun(ref PhraseScan s)
    {
        var toks = p.Tokens;
        int i = s.Start, j = s.At, end = s.End;
        var t = toks[j];
        bool particleName = t.IsCapitalized && p.Lexicon.IsNameParticle(t.Lower) && j + 1 < end && toks[j + 1].IsCapitalized && !p.IsFunctionWord(j + 1);
        if (!t.IsCapitalized || p.IsFunctionWord(j) && !particleName) return Step.Skip;
        if (t.Text.Length == 1 && !(j + 2 < end && toks[j + 1].Is('.') && toks[j + 2].IsCapitalized))
            return s.Done(new Phrase(PhraseKind.Initial, i, j + 1));
        // A place in the genitive before an institution is its name: "Göteborgs tingsrätt", "Bergens kommune".
        if (IsGenitive(t) && IsInstitutionAfterPlace(j + 1, end))
            return s.Done(new Phrase(PhraseKind.Named, i, j + 2, NameReferent(j, j + 2, afterDeterminer: false, genitiveStripped: false, organisation: true)));
        // A place or party in the genitive before an office: "Saarbrückens Trainer", "Socialdemokraternas talesperson".
        if (IsGenitive(t) && IsModifierBeforeHead(j + 1, end))
        {
            s.Affiliation ??= NameReferent(j, j + 1, afterDeterminer: false, genitiveStripped: true);
            return s.Modifier(j + 1);
        }
        // Not names: a label before its colon ("WATCH:"), a dateline ("OTTAWA —"), a weekday or month ("Thursday’s").
        if (IsLabelOrDateline(j) || IsCalendarWord(j)) return s.Done(null);
        // "Rep. Marcus Delgado, D-Milwaukee, said": an American party and state tag names nobody.
        if (IsPartyTag(t.Start)) return s.Done(null);
        // "the Toronto-based company": a place joined to a lowercase word is an adjective before the head, not a name.
        if (IsHyphenatedAdjective(t.Text) && j + 1 < end && toks[j + 1].IsWord && !toks[j + 1].IsCapitalized && !IsCueLike(j + 1)) return s.Modifier(j + 1);
        // "Rep", "Sen" with no name after them name nobody.
        if (p.FactsAt(j).IsTitleAbbreviation)
            return s.Done(AfterHonorifics(j, end) > j && NamedAt(j, end) is { } addressed ? addressed with { Start = i, NameStart = addressed.NameAt } : null);
        int runEnd = j + NameRunLength(j, end);
        // "Hillary Clinton’s campaign manager Robby Mook": a name in the possessive modifies the head after it.
        if (runEnd < end && toks[runEnd - 1].IsPossessive && toks[runEnd].IsWord && !toks[runEnd].IsCapitalized && !p.IsFunctionWord(runEnd) && !IsCueLike(runEnd))
        {
            s.Affiliation ??= NameReferent(j, runEnd, afterDeterminer: false, genitiveStripped: true);
            return s.Modifier(runEnd);
        }
        // A title the lexicon does not know before words of address and a name: "der Verkehrsplaner Prof. Dr. Klaus Wendel".
        if (AfterHonorifics(runEnd, end) > runEnd && NamedAt(runEnd, end) is { Ref.IsPerson: true } addressedAfterTitle)
            return s.Done(addressedAfterTitle with { Start = i, NameStart = addressedAfterTitle.NameAt });
        // A title the lexicon does not know, glued to the name it precedes: "Landslagstrener Geir Ove Brekke",
        // "Die Verteidigerin Anja Krause", "Kritikern Lars Ek".
        if (TitleBeforeName(j, runEnd, i, s.AfterArticle) is int nameStart)
            return s.Done(new Phrase(PhraseKind.Named, i, runEnd, NameReferent(nameStart, runEnd, afterDeterminer: false, genitiveStripped: false), NameStart: nameStart));
        // An affiliation before an office: "Senate Majority Leader Chuck Schumer", "UFCW Local 832 president Jeff
        // Traeger", "University of the Fraser Valley political scientist Hamish Telford".
        int afterNumbers = runEnd;
        while (afterNumbers < end && afterNumbers - runEnd < 2 && char.IsDigit(toks[afterNumbers].Text[0])) afterNumbers++;
        if (afterNumbers < end && (p.RoleAt(afterNumbers) is not null || IsModifierBeforeHead(afterNumbers, end) && OfficeNamesSomeone(afterNumbers, end)
                || PersonAfterDescription(afterNumbers, end))
            && (runEnd - j <= 3 || t.IsAllCaps || LooksLikeOrganisation(j, runEnd)) && p.FirstNameAt(j) is null)
        {
            runEnd = afterNumbers;
            s.Affiliation ??= NameReferent(j, runEnd, afterDeterminer: true, genitiveStripped: false);
            return s.Modifier(runEnd);
        }
        bool known = t.IsAllCaps || p.FirstNameAt(j) is not null || discourse.FullNameFor(t.Text) is not null;
        // "Ein Anhänger", "Die Opposition": a capitalised noun right after the article; "il cantante Geolier" is a name.
        if (s.AfterArticle && j == i + 1 && runEnd - j == 1 && !known) return s.Done(new Phrase(PhraseKind.Common, i, runEnd));
        // "7,4 Millionen Euro", "80 neue Betten": in German capitalised words after a count are what it counts.
        if (!known && IsCommonNounLanguage() && j > 0 && char.IsDigit(toks[j - 1].Text[^1]) && runEnd - j > 1) return s.Done(new Phrase(PhraseKind.Common, i, runEnd));
        // German capitalises every noun: a lone unknown capitalised word there is a noun ("Beziehung"), not a name.
        if (runEnd - j == 1 && !known && IsCommonNounLanguage()) return s.Done(new Phrase(PhraseKind.Common, i, runEnd));
        // A lone capitalised word opening a sentence is a name only when the article knows it as one.
        if (!s.AfterArticle && runEnd - j == 1 && sentenceStart(j, i) && !t.IsAllCaps && p.FirstNameAt(j) is null && discourse.FullNameFor(t.Text) is null
            && ShortFormOf(t.Text) is null && discourse.RelativeNamed(t.Text) is null)
            return s.Done(null);
        // "la empresa Atlántida", "the carrier Delta", "Vindmølleproducenten Nordlys Energi": a noun for an organisation
        // before the name makes it one.
        bool organisation = j > i && p.Tokens[j - 1].IsWord && OrganisationDescriptions.Is(p.Tokens[j - 1].Word);
        return s.Done(new Phrase(PhraseKind.Named, i, runEnd, NameReferent(j, runEnd, afterDeterminer: s.AfterArticle, genitiveStripped: false, organisation), NameStart: j));
    }

    /// <summary>A section label before its colon ("WATCH:"), or a dateline: capitalised words opening the paragraph
    /// and closed by a dash, perhaps with a date and the agency ("OTTAWA —", "WASHINGTON, D.C. —", "CHICAGO, Nov 3
    /// (Reuters) -", "GRAND-COURONNE (France), 14 mai 2026 (AFP) -", "OSLO (NTB):").</summary>
    bool IsLabelOrDateline(int j)
    {
        var toks = p.Tokens;
        if (p.FactsAt(j).IsSectionLabel && j + 1 < toks.Count && toks[j + 1].Is(':')) return true;
        // Every word of the dateline is in it, the agency's too ("(Reuters)").
        if (j >= MaxDatelineTokens || !toks[0].IsAllCaps) return false;
        for (int k = 0; k < toks.Count && k < MaxDatelineTokens; k++)
        {
            var t = toks[k];
            if (t.Kind == TokenKind.Dash || t.Is(':') && k > 0 && toks[k - 1].Is(')')) return k > j;
            bool dateWord = t.IsWord && (char.IsDigit(t.Text[0]) || t.Text.Length <= 4 && k > 0);
            if (!(t.IsAllCaps || t.IsCapitalized || dateWord || t.Is(',') || t.Is('.') || t.Is('(') || t.Is(')'))) return false;
        }
        return false;
    }

    /// <summary>How far a dateline may run to its dash: "GRAND-COURONNE (France), 14 mai 2026 (AFP) -" is 12 tokens.</summary>
    const int MaxDatelineTokens = 14;

    /// <summary>A lone weekday or month ("Friday", "Thursday’s", "Aug. 27"); a month that is a surname the article met
    /// ("May") stays a name.</summary>
    bool IsCalendarWord(int j)
    {
        var t = p.Tokens[j];
        var word = t.Text.AsSpan();
        if (word.EndsWith("’s") || word.EndsWith("'s")) word = word[..^2];
        if (j + 1 < p.Tokens.Count && p.Tokens[j + 1].IsCapitalized && !p.IsFunctionWord(j + 1)) return false;
        if (CalendarWords.Month(word) > 0 && IsDateAfter(j + 1)) return true;
        return CalendarWords.IsWeekday(word, followedByPunctuation: false) || CalendarWords.Month(word) > 0 && word.Length > 3 && discourse.FullNameFor(t.Text) is null && p.FirstNameAt(j) is null;
    }

    // "Aug. 27", "Nov 3": an abbreviated month before its day is a date, never a name ("Aug" had become an organisation).
    bool IsDateAfter(int k)
    {
        var toks = p.Tokens;
        if (k < toks.Count && toks[k].Is('.')) k++;
        return k < toks.Count && toks[k].Text.Length > 0 && char.IsDigit(toks[k].Text[0]);
    }

    /// <summary>Adjectives and counts between a determiner and its noun: "den ikke navngitte talspersonen", "15 år
    /// gamle Sara Ali", "algemeen directeur Jan van Halst".</summary>
    Step Modifier(ref PhraseScan s)
    {
        int j = s.At;
        bool modifies = s.AfterArticle || s.Affiliation is not null || s.Modifiers > 0 || char.IsDigit(p.Tokens[j].Text[0]) || IsModifierBeforeHead(j + 1, s.End);
        // "Il tecnico ha spiegato", "the company both said", "de luchthaven dinsdag": after the noun, an auxiliary, an
        // adverb or a weekday ends the phrase.
        bool afterNoun = s.Modifiers > 0 || s.AfterArticle && j > s.Start + 1;
        if (afterNoun && (p.IsAux(j) || p.IsAdverb(j) || p.IsFinite(j) || IsCalendarWord(j))) return Step.Skip;
        return modifies && !p.IsPreposition(j) && !p.IsConjunction(j) && !p.IsSubordinator(j) && !IsCueLike(j) ? s.Modifier(j + 1) : Step.Skip;
    }

    /// <summary>Two offices joined: "Le talonneur et capitaine Romain Sabathé", "the chairman and founder".</summary>
    Step JoinedOffice(ref PhraseScan s)
    {
        var toks = p.Tokens;
        int j = s.At;
        if (s.Modifiers == 0 || !p.IsConjunction(j) || j + 1 >= s.End || !toks[j + 1].IsWord || toks[j + 1].IsCapitalized || p.IsFunctionWord(j + 1) || IsCueLike(j + 1))
            return Step.Skip;
        s.At = j + 1;
        return Step.Next;
    }

    /// <summary>No head came: a definite description names the person in apposition after it ("the harbourmaster, Tom
    /// Reed,"); else the article and modifiers describe someone unnamed ("die beiden Führer", "diplomater"), or
    /// nothing was read.</summary>
    Phrase? Unnamed(in PhraseScan s)
    {
        int i = s.Start, j = s.At;
        if (s.Definite && j > i + 1 && DescribedPerson(i, j, s.End) is { } described) return described;
        if ((s.AfterArticle || s.Modifiers > 0) && j > i + (s.AfterArticle ? 1 : 0))
        {
            // "Gov. Maureen Tallis's office": the person in the possessive holds the office (PersonalOffice).
            if (s.Affiliation is { IsPerson: true } && PersonalOffice.IsNoun(p.Tokens[j - 1].Lower)) return new Phrase(PhraseKind.Common, i, j, Affiliation: s.Affiliation);
            return p.FactsAt(j - 1).IsSourceNoun || s.AfterArticle ? new Phrase(PhraseKind.Common, i, j) : null;
        }
        return null;
    }

    /// <summary>The token after the words of address at <paramref name="k"/> ("Dr.", "Prof. Dr.", "Mr", "Sen.",
    /// "Lt."), or <paramref name="k"/> when there are none. A word of address is one only before a capitalised word;
    /// a title written short only with its full stop.</summary>
    int AfterHonorifics(int k, int end)
    {
        var toks = p.Tokens;
        int at = k;
        while (at + 1 < end && IsAddress(at))
        {
            int next = at + 1;
            if (toks[next].Is('.')) next++;
            else if (!p.FactsAt(at).IsHonorific) break;
            if (next >= end || !toks[next].IsCapitalized) break;
            at = next;
        }
        return at;
    }

    /// <summary>A word of address at <paramref name="k"/>: an honorific ("Dr", "Herr"), or a title written short and
    /// followed by its full stop ("Sen.", "Lt.").</summary>
    bool IsAddress(int k)
    {
        if (!p.Tokens[k].IsWord) return false;
        var facts = p.FactsAt(k);
        return facts.IsHonorific || facts.IsTitleAbbreviation && k + 1 < p.Tokens.Count && p.Tokens[k + 1].Is('.');
    }

    /// <summary>Where the name starts when the run's first words are a title: a given name further in, after words
    /// that open the sentence, follow an article, are German nouns, or end like a noun of agent.</summary>
    int? TitleBeforeName(int j, int runEnd, int phraseStart, bool afterDeterminer)
    {
        // "Elijah E. Cummings": a given name before a middle initial, whether the list knows it or not.
        if (p.FirstNameAt(j) is not null || IsMiddleInitial(j + 1, runEnd)) return null;
        // "City Council Member Odalys Ferrante", "Chief Financial Officer Tom Reed": an office written with capitals
        // inside the run, two words before its end, ends the title; the name is the two words after it.
        if (runEnd - j >= 3 && p.RoleAt(runEnd - 3) is not null && p.RoleLength(runEnd - 3) == 1 && p.FirstNameAt(runEnd - 3) is null
            && !p.Tokens[runEnd - 2].IsAllCaps && !p.IsFunctionWord(runEnd - 2) && p.RoleAt(runEnd - 2) is null && p.RoleAt(runEnd - 1) is null)
            return runEnd - 2;
        var first = p.Tokens[j].Lower;
        bool titleLike = afterDeterminer || sentenceStart(j, phraseStart) || IsCommonNounLanguage() || AgentSuffixes.Any(s => first.EndsWith(s, StringComparison.Ordinal));
        if (!titleLike) return null;
        for (int f = j + 1; f < runEnd - 1; f++)
            if (p.FirstNameAt(f) is not null) return f;
        // Three capitalised words opening a sentence, the first no given name: "Staatsanwalt Jörg Brandt". Not an
        // organisation's name before its office: "Senate Finance Committee chairman Mark Delaney".
        return runEnd - j >= 3 && sentenceStart(j, phraseStart) && !(runEnd < p.Tokens.Count && p.RoleAt(runEnd) is not null && EndsWithOrganisationWord(p.Tokens[runEnd - 1].Word))
            ? j + 1 : null;
    }

    static readonly string[] AgentSuffixes = ["er", "or", "ør", "ist", "ent", "ant", "in", "ern", "eren", "aren", "ären", "tor", "trice", "ore", "ice", "ano", "ana"];

    /// <summary>An office within three words from <paramref name="k"/> is followed by a person's name ("campaign
    /// spokesman Jason Miller"): the words before <paramref name="k"/> are then its affiliation, not the speaker.</summary>
    bool OfficeNamesSomeone(int k, int end)
    {
        for (int n = 0; n < 3 && k + n < end; n++)
        {
            if (p.RoleAt(k + n) is not null)
            {
                int after = k + n + p.RoleLength(k + n);
                return after < end && p.Tokens[after].IsCapitalized && !p.IsFunctionWord(after)
                    && (p.HitAt(after) is { Entity.Kind: "person" } || p.FirstNameAt(after) is not null || IsAddress(after) || UnknownFullName(after, end));
            }
            var t = p.Tokens[k + n];
            if (!t.IsWord || t.IsCapitalized) return false;
        }
        return false;
    }

    /// <summary>Two capitalised words right after an office, neither known nor a function word, a weekday or a month:
    /// a given name the list lacks and a surname ("health critic Odalys Ferrante"); an office is followed by its
    /// holder's name far more often than by an organisation's.</summary>
    bool UnknownFullName(int k, int end)
    {
        if (k + 1 >= end || p.HitAt(k) is not null) return false;
        for (int n = k; n <= k + 1; n++)
        {
            var t = p.Tokens[n];
            if (!t.IsWord || !t.IsCapitalized || t.IsAllCaps || p.IsFunctionWord(n) || IsCalendarWord(n)) return false;
        }
        return true;
    }

    /// <summary>One to three lower-case words no office list knows, then a person's name: "New York Times columnist David
    /// Brooks", "Cruz constituent Dan Golvach", "Virginia delegate Beau Correll". The words describe the person, and
    /// the name before them is an affiliation, not the speaker. The person is one whose given name is known.</summary>
    bool PersonAfterDescription(int k, int end)
    {
        for (int n = k; n < end && n < k + 4; n++)
        {
            var t = p.Tokens[n];
            if (n > k && t.IsCapitalized) return p.FirstNameAt(n) is not null && !p.IsFunctionWord(n);
            if (!t.IsWord || t.IsCapitalized || p.IsFunctionWord(n) || p.IsPreposition(n) || p.IsConjunction(n) || p.IsSubordinator(n) || p.IsAux(n)
                || p.IsFinite(n) || p.IsAdverb(n) || IsCueLike(n) || char.IsDigit(t.Text[0]))
                return false;
        }
        return false;
    }

    bool IsModifierBeforeHead(int k, int end)
    {
        for (int n = 0; n < 3 && k + n < end; n++)
        {
            if (p.RoleAt(k + n) is not null || p.IsDocNoun(k + n)) return true;
            var t = p.Tokens[k + n];
            if (!t.IsWord || t.IsCapitalized || p.IsPreposition(k + n) || p.IsConjunction(k + n) || p.IsSubordinator(k + n)) return false;
        }
        return false;
    }

    static bool IsPluralDefinite(string word, string stem)
    {
        foreach (var end in (string[])["ene", "erne", "arna", "erna", "orna", "na"])
            if (word.EndsWith(end, StringComparison.Ordinal) && word[..^end.Length].EndsWith(stem, StringComparison.Ordinal)) return true;
        return false;
    }

    static bool IsGenitive(Token t) => t.Text.Length > 3 && (t.Lower.EndsWith('s') || t.Lower.EndsWith("’s") || t.Lower.EndsWith("'s")) && !t.IsAllCaps;

    /// <summary>How far an office's complement may run before the name in apposition: "el presidente de la Asociación
    /// Valenciana de Viviendas Turísticas, Javier Lluch," has nine words between the office and the comma.</summary>
    const int MaxOfficeWords = 12;

    Phrase ReadRole(int i, int j, int end, RoleWord role, bool def, bool indef, Referent? affiliation)
    {
        var toks = p.Tokens;
        int k = j + p.RoleLength(j);
        // The office's last word carries its definiteness: "statsministeren", "la prima cittadina".
        var roleTok = toks[k - 1];
        var lastStem = role.Stem[(role.Stem.LastIndexOf(' ') + 1)..];
        bool definite = def || !roleTok.Lower.EndsWith(lastStem, StringComparison.Ordinal);
        // "i due leader", "die beiden Führer", "statslederne": several people, none named.
        // A number right after a capitalised word is part of a name ("UFCW Local 832 president"), not a count.
        for (int n = i; n < j; n++)
            if (p.IsQuantifier(n) && !(n > i && p.Tokens[n - 1].IsCapitalized && char.IsDigit(p.Tokens[n].Text[0]))) return new Phrase(PhraseKind.Common, i, k);
        if (IsPluralDefinite(roleTok.Lower, lastStem)) return new Phrase(PhraseKind.Common, i, k);
        // A title before a name: "Talsmann Dmitrij Peskov", "presidenta Claudia Sheinbaum", "Kanzler Olaf Scholz".
        if (NamedAt(k, end) is { } direct) return direct with { Start = i, NameStart = direct.NameAt, Role = role };
        // Adjectives, then the name: "Il direttore artistico Amadeus".
        int adj = k;
        while (adj < end && adj - k < 2 && toks[adj].IsWord && !toks[adj].IsCapitalized && !p.IsFunctionWord(adj) && !IsCueLike(adj)) adj++;
        if (adj > k && NamedAt(adj, end) is { } afterAdjectives && afterAdjectives.Ref is { IsPerson: true }) return afterAdjectives with { Start = i, NameStart = afterAdjectives.NameAt, Role = role };
        // The office's domain, then the name: "il ministro dell'Economia Giancarlo Giorgetti", "El líder del PP, Alberto Núñez Feijóo".
        for (int n = k; n < end && n <= k + MaxOfficeWords; n++)
        {
            var t = toks[n];
            if (t.Is(',') && AppositionAt(n, end) is { } appos) return appos with { Start = i, NameStart = appos.NameAt, Role = role };
            if (t.Kind != TokenKind.Word) break;
            if (p.FirstNameAt(n) is not null && n > k && NamedAt(n, end) is { } named) return named with { Start = i, NameStart = named.NameAt, Role = role };
            if (p.HitAt(n) is { } hit && hit.Entity.Kind == "person") return new Phrase(PhraseKind.Named, i, hit.TokEnd, discourse.Intern(Referent(hit.Entity)), Role: role, NameStart: n);
            if (IsCueLike(n)) break;
        }
        // Whom the office serves: "talsperson for USAs utenriksdepartement", "a spokesperson for Bristol Waste Company",
        // in German also in the genitive: "Ein Sprecher der EU-Kommission".
        bool genitive = k + 1 < end && IsCommonNounLanguage() && p.IsDetDef(k) && !p.IsOblique(k) && GermanOrganisationAt(k + 1, end);
        if (k < end && (p.IsPreposition(k) || genitive))
        {
            int m = k + 1;
            if (!genitive && m < end && (p.IsDetDef(m) || p.IsDetIndef(m))) m++;
            if (m < end && p.HitAt(m) is { } org && org.Entity.Kind != "person")
                return new Phrase(PhraseKind.Role, i, org.TokEnd, Role: role, Definite: definite, Affiliation: discourse.Intern(Referent(org.Entity)));
            // "ein Vereinssprecher am Montag": a day serves nobody; nor, where every noun has a capital, a noun that
            // names no organisation ("eine Sprecherin auf Anfrage").
            if (m < end && toks[m].IsCapitalized && !p.IsFunctionWord(m) && !IsCalendarWord(m) && !LoneGermanNoun(m, end))
            {
                int runEnd = m + NameRunLength(m, end);
                // "the German economy ministry": lowercase words up to an organisation word belong to its name.
                for (int w = runEnd; w < end && w < runEnd + 3 && toks[w].IsWord && !toks[w].IsCapitalized && !p.IsFunctionWord(w) && !IsCueLike(w); w++)
                    if (EndsWithOrganisationWord(toks[w].Word)) { runEnd = w + 1; break; }
                return new Phrase(PhraseKind.Role, i, runEnd, Role: role, Definite: definite, Affiliation: NameReferent(m, runEnd, afterDeterminer: true, genitiveStripped: false, organisation: true));
            }
        }
        return new Phrase(PhraseKind.Role, i, k, Role: role, Definite: definite && !indef, Affiliation: affiliation);
    }

    /// <summary>One capitalised word at <paramref name="m"/> that in German is just a noun: not in capitals, no known
    /// name and nothing like an organisation's ("auf Anfrage").</summary>
    bool LoneGermanNoun(int m, int end) =>
        IsCommonNounLanguage() && NameRunLength(m, end) == 1 && !p.Tokens[m].IsAllCaps && p.HitAt(m) is null && !LooksLikeOrganisation(m, m + 1);

    /// <summary>An organisation's name at <paramref name="m"/> after a German genitive article: a known organisation,
    /// or capitalised words with an organisation word ("der EU-Kommission", "des Kultusministeriums") or in capitals
    /// ("der IG BCE"). Not "das Vorgehen" after "Ein Sprecher", which is an object, nor one organisation word alone.</summary>
    bool GermanOrganisationAt(int m, int end)
    {
        if (p.HitAt(m) is { } hit) return hit.Entity.Kind is not ("person" or "place");
        var t = p.Tokens[m];
        if (!t.IsCapitalized || p.IsFunctionWord(m)) return false;
        int runEnd = m + NameRunLength(m, end);
        // "Ein Sprecher der Polizei": one organisation word alone names none; the discourse finds which.
        if (runEnd - m == 1 && OrganisationWords.IsWord(GermanGenitive.BaseForm(t.Lower))) return false;
        return t.IsAllCaps || LooksLikeOrganisation(m, runEnd) || GermanGenitive.OrganisationEnding(p.Tokens[runEnd - 1].Lower) > 0;
    }

    /// <summary>", Name," at <paramref name="comma"/>: a person named in apposition, the name closed by a comma,
    /// other punctuation, a cue or the end of the clause.</summary>
    Phrase? AppositionAt(int comma, int end) =>
        comma + 1 < end && NamedAt(comma + 1, end) is { Ref.IsPerson: true } appos && ClosesApposition(appos.End, end) ? appos : null;

    /// <summary>
    /// A definite description and the person it names in apposition: "el consejero de Acción Climática, David
    /// Mascort," or "the harbourmaster, Tom Reed,". The office need not be in the lexicon: the comma and the name
    /// after the description are what tells. Looks past a short complement (of, de, for …) to the comma.
    /// </summary>
    Phrase? DescribedPerson(int i, int from, int end)
    {
        for (int n = from; n < end && n <= from + MaxOfficeWords; n++)
        {
            if (p.Tokens[n].Is(',')) return AppositionAt(n, end) is { } appos ? appos with { Start = i, NameStart = appos.NameAt } : null;
            if (!p.Tokens[n].IsWord || IsCueLike(n)) return null;
        }
        return null;
    }

    bool ClosesApposition(int after, int end) =>
        after >= end || p.Tokens[after].Is(',') || p.Tokens[after].Kind == TokenKind.Punct || IsCueLike(after);

    Phrase? NamedAt(int k, int end)
    {
        // "Studienleiterin Dr. Hanna Vogelsang", "Prof. Dr. Andreas Kleinhenz": words of address are no part of the name.
        int start = k;
        k = AfterHonorifics(k, end);
        if (k > start) return NamedAt(k, end) is { } addressed ? addressed with { Start = start, NameStart = addressed.NameAt } : null;
        if (k >= end) return null;
        if (p.HitAt(k) is { } hit)
        {
            int e = hit.TokEnd;
            while (p.HitAt(e) is { } more && more.Entity == hit.Entity) e = more.TokEnd;
            return new Phrase(PhraseKind.Named, k, e, discourse.Intern(Referent(hit.Entity)));
        }
        var t = p.Tokens[k];
        if (!t.IsCapitalized || p.IsFunctionWord(k) || p.RoleAt(k) is not null || t.Text.Length == 1) return null;
        int runEnd = k + NameRunLength(k, end);
        int nameStart = TitleBeforeName(k, runEnd, k, false) ?? k;
        return new Phrase(PhraseKind.Named, k, runEnd, NameReferent(nameStart, runEnd, afterDeterminer: false, genitiveStripped: false), NameStart: nameStart);
    }

    Phrase ReadDocument(int i, int j, int end, Referent? affiliation)
    {
        var toks = p.Tokens;
        int k = j + 1;
        // The author follows within a few words: "Erklärung des Kreml", "lettura del Cremlino", "uttalelse fra det
        // kinesiske utenriksdepartementet", "Analyse der US-Denkfabrik ISW".
        for (int n = k; n < end && n <= k + 5 && affiliation is null; n++)
        {
            var t = toks[n];
            if (!t.IsWord) break;
            if (p.HitAt(n) is { } hit)
            {
                if (hit.Entity.Kind == "place" && !hit.Genitive) { n = hit.TokEnd - 1; continue; }
                affiliation = discourse.Intern(Referent(hit.Entity));
                k = hit.TokEnd;
                break;
            }
            if (t.IsCapitalized && !p.IsFunctionWord(n) && p.RoleAt(n) is null && !p.IsDocNoun(n) && (t.IsAllCaps || !IsCommonNounLanguage()))
            {
                int runEnd = n + NameRunLength(n, end);
                affiliation = NameReferent(n, runEnd, afterDeterminer: true, genitiveStripped: false, organisation: true);
                k = runEnd;
                break;
            }
            if (IsCueLike(n)) break;
        }
        return new Phrase(PhraseKind.Document, i, k, Affiliation: affiliation);
    }

    /// <summary>A lowercase institution after a place in the genitive, in the Scandinavian way of naming them
    /// ("Göteborgs tingsrätt", "Bergens kommune").</summary>
    bool IsInstitutionAfterPlace(int k, int end) =>
        k < end && p.Tokens[k].IsWord && !p.Tokens[k].IsCapitalized && IsScandinavian() && p.RoleAt(k) is null && EndsWithOrganisationWord(p.Tokens[k].Word);

    bool IsScandinavian() => p.Languages.Contains("sv") || p.Languages.Contains("no") || p.Languages.Contains("da");

    /// <summary>German capitalises every noun: there a capitalised word is no evidence of a name.</summary>
    bool IsCommonNounLanguage() => p.Languages.Contains("de") && !p.Languages.Contains("en");

    bool IsCueLike(int n)
    {
        if (CueFinder.IsNotCue(p, n)) return false;
        foreach (var c in p.CuesAt(n))
            if (p.Languages.Contains(c.Lang) && c.Words.Length == 1 && c.Kind is CueKind.Speech or CueKind.Tell or CueKind.Naming) return true;
        return false;
    }

    const int MaxOrganisationWords = 10;

    /// <summary>How many tokens from <paramref name="j"/> form a name: capitalised words and the particles between
    /// them ("Ursula von der Leyen", "Michele de Pascale"), at most five.</summary>
    public int NameRunLength(int j, int end)
    {
        var toks = p.Tokens;
        int k = j + 1;
        bool givenName = p.FirstNameAt(j) is not null;
        while (k < end && k - j < (p.FirstNameAt(j) is null ? MaxOrganisationWords : 6))
        {
            var t = toks[k];
            // "St. Charles Police": an abbreviation inside a name, its stop and the capitalised word after it.
            if (t.Is('.') && k - 1 == j && k + 1 < end && toks[k + 1].IsCapitalized && p.Lexicon.IsAbbreviation(toks[k - 1].Lower) && !IsAddress(k - 1)
                && p.HitAt(k + 1) is null && !IsAddress(k + 1)) { k += 2; continue; }
            // "Ronald R. Fieldstone", "Elijah E. Cummings": a middle initial with its stop goes on to the surname.
            if (IsMiddleInitial(k, end)) { k += 2; continue; }
            if (JoinsNameWords(k, end)) { k += 2; continue; }
            if (!t.IsWord) break;
            if (p.HitAt(k) is not null || IsAddress(k)) break;
            // "eines Gerichtssprechers Ende Januar": a date after a name is no part of it.
            if (TimeNounBeforeDate(k)) break;
            // "Agencia Estatal de Meteorología", "Ministero dell'Economia e delle Finanze": an organisation's name goes on
            // through its small words.
            if (!t.IsCapitalized && k + 1 < end && (p.IsPreposition(k) || p.IsConjunction(k) || p.IsDetDef(k)) && LooksLikeOrganisation(j, j + 1))
            {
                int m = k;
                while (m < end && m - k < 3 && toks[m].IsWord && !toks[m].IsCapitalized && (p.IsPreposition(m) || p.IsConjunction(m) || p.IsDetDef(m) && !GermanObjectArticle(m))) m++;
                // Not through to an office or a given name: "Die Regierung von Ministerpräsident Andrei Cebotaru" names two.
                // Nor through to a date: "die Polizei am Montag", "der Verband am Nachmittag".
                if (m < end && toks[m].IsCapitalized && !p.IsFunctionWord(m) && p.HitAt(m) is null && p.RoleAt(m) is null && p.FirstNameAt(m) is null
                    && !IsDateWord(m)
                    && m - j < MaxOrganisationWords) { k = m + 1; continue; }
            }
            // A run a given name opens goes on through words that are also offices: "Gerhard Richter", "Thomas Bauer".
            if (t.IsCapitalized && !p.IsFunctionWord(k) && (p.RoleAt(k) is null || givenName) && !p.IsDocNoun(k) && t.Text.Length > 1) { k++; continue; }
            // "von der", "van de", "Le Pen": particles between a given name and the rest ("Marjolein Faber van Asiel" is
            // a name and a ministry).
            // In German, where every noun is capitalised, a particle goes on only after a given name: "Angaben des
            // Kultusministeriums" and "Zahl von Freizeitseglern" are no one's names.
            if ((p.Lexicon.IsNameParticle(t.Text) || (p.Lexicon.IsNameParticle(t.Lower) && t.IsCapitalized)) && k - j == 1
                && (givenName || !IsCommonNounLanguage()))
            {
                int m = k;
                while (m < end && m - k < 3 && p.Lexicon.IsNameParticle(toks[m].Lower)) m++;
                if (m < end && toks[m].IsCapitalized && p.HitAt(m) is null && p.RoleAt(m) is null) { k = m + 1; continue; }
            }
            break;
        }
        return k - j;
    }

    /// <summary>"Students' Union", "Franklin &amp; Marshall College": an ampersand, or the apostrophe of a plural
    /// possessive glued to its word, between capitalised words of one name.</summary>
    bool JoinsNameWords(int k, int end)
    {
        var toks = p.Tokens;
        if (k + 1 >= end || !toks[k + 1].IsCapitalized || p.IsFunctionWord(k + 1) || p.HitAt(k + 1) is not null) return false;
        var t = toks[k];
        if (t.Is('&')) return true;
        var before = toks[k - 1];
        // "The Times' Michael Paulson": before a given name the apostrophe is a possessive's, and the person the head.
        return t.Kind == TokenKind.Mark && (t.Is('\'') || t.Is('’')) && before.End == t.Start && before.Text.EndsWith('s') && toks[k + 1].Start > t.End
            && p.FirstNameAt(k + 1) is null;
    }

    /// <summary>A German article no name holds inside ("hat die Kriminalpolizei die Ermittlungen übernommen"): only
    /// the genitive's "der" and "des" join its words ("Bund der Steuerzahler").</summary>
    bool GermanObjectArticle(int k) => IsCommonNounLanguage() && p.Tokens[k].Lower is not ("der" or "des");

    /// <summary>A weekday, a month or a time noun ("Montag", "Januar", "Nachmittag") at <paramref name="k"/>.</summary>
    bool IsDateWord(int k) => IsWeekdayOrMonth(p.Tokens[k].Text) || p.Lexicon.IsTimeNoun(p.Tokens[k].Lower);

    /// <summary>A time noun before a weekday or a month at <paramref name="k"/>: "Ende Januar", "Anfang Mai".</summary>
    bool TimeNounBeforeDate(int k) =>
        k + 1 < p.Tokens.Count && p.Lexicon.IsTimeNoun(p.Tokens[k].Lower) && p.Tokens[k + 1].IsWord && IsWeekdayOrMonth(p.Tokens[k + 1].Text);

    static bool IsWeekdayOrMonth(string word) => CalendarWords.IsWeekday(word, followedByPunctuation: false) || CalendarWords.Month(word) > 0;

    bool IsMiddleInitial(int k, int end)
    {
        var toks = p.Tokens;
        return k + 2 < end && toks[k].IsWord && toks[k].Text.Length == 1 && toks[k].IsCapitalized && toks[k + 1].Is('.') && toks[k].End == toks[k + 1].Start
            && toks[k + 2].IsCapitalized && toks[k + 2].Text.Length > 1 && !p.IsFunctionWord(k + 2) && p.RoleAt(k + 2) is null;
    }

    /// <summary>The referent a name names: a surname resolves to a full name met in the article; otherwise the
    /// name as written (without a possessive ending) is a new person, or an organisation when it reads like one.</summary>
    public Referent NameReferent(int from, int to, bool afterDeterminer, bool genitiveStripped, bool organisation = false)
    {
        var toks = p.Tokens;
        var name = p.Slice(from, to);
        if (genitiveStripped || (to - from == 1 && IsGenitive(toks[from]) && discourse.FullNameFor(StripGenitive(name)) is not null))
            name = StripGenitive(name);
        // "des Statistischen Bundesamts": a German organisation in the genitive is named by its base form.
        else if (IsCommonNounLanguage() && GermanGenitive.OrganisationEnding(toks[to - 1].Lower) is var ending and > 0)
        {
            name = name[..^ending];
            organisation = true;
        }
        if (discourse.FullNameFor(name) is { } full) return full;
        if (ShortFormOf(name) is { } longer) return longer;
        if (to - from == 1 && discourse.RelativeNamed(name) is { } relative) return relative;
        if (to - from == 1 && RelativeByGivenName.Read(p, discourse, from) is { } family) return family;
        // After an article, two capitalised words name an organisation ("la Banca Centrale") unless a given name opens
        // them ("il 54enne Jonas Weber", "la consigliera Ottavia Rinaldi").
        bool org = organisation || toks[from].IsAllCaps || (afterDeterminer && to - from >= 2 && p.FirstNameAt(from) is null) || LooksLikeOrganisation(from, to);
        char? gender = org ? null : p.FirstNameAt(from) is { } g && g != '?' ? g : null;
        var r = discourse.Intern(new Referent(name, org ? "organisation" : "person", gender, null));
        if (r.IsPerson && to - from >= 2) discourse.AddFullName(r);
        // "Her older sister, Crystal Moar, told …": a relative, later "Crystal said".
        if (r.IsPerson && to - from >= 2 && from >= 2 && toks[from - 1].Is(',') && p.Lexicon.IsKin(toks[from - 2].Lower)) discourse.AddRelative(r);
        return r;
    }

    /// <summary>The organisation whose name <paramref name="name"/> opens ("Loop" after "Loop Health Technologies"), when
    /// that name ends in an organisation word ("Senate" is no short form of a misread "Senate Majority").</summary>
    Referent? ShortFormOf(string name) =>
        discourse.OrganisationOpenedBy(name) is { } longer && OrganisationWords.EndsIn(longer.Name.AsSpan(longer.Name.LastIndexOf(' ') + 1).ToString().ToLowerInvariant())
            ? longer : null;

    static bool EndsWithOrganisationWord(PooledWord w) => OrganisationWords.Match(w) >= OrganisationWordMatch.Ends;

    bool LooksLikeOrganisation(int from, int to)
    {
        for (int k = from; k < to; k++)
            if (OrganisationWords.Match(p.Tokens[k].Word) != OrganisationWordMatch.None) return true;
        return false;
    }

    static string StripGenitive(string s) =>
        s.EndsWith("’s", StringComparison.Ordinal) || s.EndsWith("'s", StringComparison.Ordinal) ? s[..^2] : s.EndsWith('s') ? s[..^1] : s;

    public static Referent Referent(EntityRecord e) => new(e.Name, e.Kind, e.Gender, e);
}
