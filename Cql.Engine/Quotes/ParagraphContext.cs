using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// One paragraph as attribution reads it: its tokens, the gazetteer names in them, and the word classes of the
/// languages in play (the paragraph's, the document's, and the one its function words point to, so a Danish
/// article the language verdict took for Norwegian still reads as Danish).
/// </summary>
internal sealed class ParagraphContext
{
    public int Index { get; }
    public ParagraphInfo Info { get; }
    public string Text { get; }
    public List<Token> Tokens { get; }
    public QuoteLexicon Lexicon { get; }
    public IReadOnlyList<string> Languages { get; }
    readonly LanguageWords[] _words;
    /// <summary>German is in play: the Konjunktiv I is read by its form too (<see cref="GermanMood"/>).</summary>
    readonly bool _german;
    public bool IsGerman => _german;
    /// <summary>Per token, the index in <see cref="Hits"/> of the name that starts there, or -1.</summary>
    readonly int[] _hitAt;

    public ParagraphContext(int index, ParagraphInfo info, string text, QuoteLexicon lexicon, IReadOnlyList<string> languages, EntityIndex entities, QuoteWorkspace work)
    {
        Index = index;
        Info = info;
        Text = text;
        Lexicon = lexicon;
        Languages = languages;
        var words = new List<LanguageWords>();
        foreach (var l in languages) if (lexicon.Languages.TryGetValue(l, out var w)) words.Add(w);
        if (words.Count == 0) words.AddRange(lexicon.Languages.Values);
        _words = [.. words];
        foreach (var l in languages) _german |= l == "de";
        // About a token every five characters in news text: room for them at once, not a doubling series.
        Tokens = work.TokenLists.Rent(info.Range.Length / 5 + 8);
        QuoteTokenizer.Tokenize(text, info.Range.Start, info.Range.End, Tokens, work.Words);
        _hitAt = new int[Tokens.Count];
        Array.Fill(_hitAt, -1);
        var hits = new List<EntityHit>();
        entities.FindAll(Tokens, 0, Tokens.Count, hits);
        for (int h = 0; h < hits.Count; h++) _hitAt[hits[h].TokStart] = h;
        Hits = hits;
    }

    /// <summary>The gazetteer names in the paragraph, in order, without overlaps (a List: loops over it take no boxed
    /// enumerator).</summary>
    public List<EntityHit> Hits { get; }

    public EntityHit? HitAt(int i) => i >= 0 && i < _hitAt.Length && _hitAt[i] >= 0 ? Hits[_hitAt[i]] : null;

    WordClass[]? _classes;
    RoleWord?[]? _roles;
    byte[]? _roleLength;

    /// <summary>Word classes of every token, looked up once: attribution asks about each token many times.</summary>
    WordClass Classes(int i)
    {
        if (i < 0 || i >= Tokens.Count) return WordClass.None;
        _classes ??= ComputeClasses();
        return _classes[i];
    }

    WordClass[] ComputeClasses()
    {
        var classes = new WordClass[Tokens.Count];
        for (int i = 0; i < Tokens.Count; i++)
        {
            if (!Tokens[i].IsWord) continue;
            var byLanguage = FactsAt(i).ClassesByLanguage;
            if (byLanguage.Length == 0) continue;
            var c = WordClass.None;
            foreach (var l in _words) c |= byLanguage[l.Ordinal];
            classes[i] = c;
        }
        if (_german) GermanMood.Mark(Tokens, classes);
        return classes;
    }

    /// <summary>What the lexicon knows about token <paramref name="i"/>'s word.</summary>
    public WordFacts FactsAt(int i) => WordFacts.Of(Tokens[i].Word, Lexicon);

    bool Has(int i, WordClass c) => (Classes(i) & c) != 0;

    public bool IsDetDef(int i) => Has(i, WordClass.DetDef);
    public bool IsDetIndef(int i) => Has(i, WordClass.DetIndef);
    public bool IsPreposition(int i) => Has(i, WordClass.Preposition);
    public bool IsConjunction(int i) => Has(i, WordClass.Conjunction);
    public bool IsSubordinator(int i) => Has(i, WordClass.Subordinator);
    public bool IsAdverb(int i) => Has(i, WordClass.Adverb);
    public bool IsAux(int i) => Has(i, WordClass.Aux);
    public bool IsDocNoun(int i) => Has(i, WordClass.DocNoun);
    public bool IsTermNoun(int i) => Has(i, WordClass.TermNoun);
    /// <summary>A count or quantifier ("due", "beiden", "12"); not an age ("19 år gamle", "den 19-årige", "il 54enne").</summary>
    public bool IsQuantifier(int i)
    {
        if (i < 0 || i >= Tokens.Count || !Tokens[i].IsWord) return false;
        if (FactsAt(i).IsQuantifier) return true;
        foreach (var c in Tokens[i].Text) if (!char.IsDigit(c)) return false;
        return !(i + 1 < Tokens.Count && Tokens[i + 1].IsWord && FactsAt(i + 1).IsAgeWord);
    }
    /// <summary>The paragraph opens with a section label and a colon ("WATCH: Burnaby RCMP warns …", "LES OGSÅ: …"):
    /// a link or a heading, whose words name nobody for the article's discourse.</summary>
    public bool OpensWithSectionLabel()
    {
        int k = 0;
        while (k < Tokens.Count && k < 3 && Tokens[k].IsWord && FactsAt(k).IsSectionLabel) k++;
        return k > 0 && k < Tokens.Count && Tokens[k].Is(':');
    }

    public bool IsSubjunctive(int i) => Has(i, WordClass.Subjunctive);
    /// <summary>A determiner of a case no subject takes ("dem", "einem").</summary>
    public bool IsOblique(int i) => Has(i, WordClass.Oblique);
    /// <summary>A preposition that, opening a sentence before a person and a comma, names the source of what follows
    /// ("Per il commissario tecnico …, Luca Cesaroni, …", "Pour le président …, Jordi Bataille, …").</summary>
    public bool IsFrontedSource(int i) => Has(i, WordClass.FrontedSource);
    /// <summary>Opens a reported clause after a cue ("that", "dass", "at", "che").</summary>
    public bool IsComplementizer(int i) => Has(i, WordClass.Complementizer);
    public bool IsSourceAs(int i) => Has(i, WordClass.SourceAs);
    /// <summary>The preposition before the source of an impersonal report ("Aus dem Ministerium hieß es").</summary>
    public bool IsImpersonalSource(int i) => Has(i, WordClass.ImpersonalSource);
    /// <summary>A relative pronoun that is the object of the cue after it ("…, which he said", "…, vilket han sade").</summary>
    public bool IsRelativeObject(int i) => Has(i, WordClass.RelativeObject);
    /// <summary>A participle that frames the reporter's question ("Asked whether …", "Gefragt, ob …").</summary>
    public bool IsQuestionFrame(int i) => Has(i, WordClass.QuestionFrame);
    /// <summary>A finite verb form (or a Konjunktiv I form) that shows a clause.</summary>
    public bool IsFinite(int i) => Has(i, WordClass.Finite | WordClass.Subjunctive);
    public bool IsNegation(int i) => Has(i, WordClass.Negation);
    public bool IsConditional(int i) => Has(i, WordClass.Conditional);
    public bool IsInfinitiveMarker(int i) => Has(i, WordClass.Infinitive);
    /// <summary>A cue that takes a content clause without a complementizer ("said", "mener").</summary>
    public bool IsClauseCue(int i) => Has(i, WordClass.ClauseCue);
    public bool IsSubjectPronoun(int i) => Has(i, WordClass.SubjectPronoun);
    /// <summary>A cue of belief ("tror", "thinks"): no statement.</summary>
    public bool IsBelief(int i) => Has(i, WordClass.Belief);
    /// <summary>After a comma, opens a clause the report does not hold (", but …", ", which …", ", although …").</summary>
    public bool IsClauseBreak(int i) => Has(i, WordClass.ClauseBreak);
    /// <summary>A cue whose object is what was said ("denied the allegations", "announced a plan").</summary>
    public bool IsObjectCue(int i) => Has(i, WordClass.ObjectCue);
    /// <summary>A cue whose infinitive is what was said ("vowed to fight", "urged Congress to act").</summary>
    public bool IsInfinitiveCue(int i) => Has(i, WordClass.InfinitiveCue);

    /// <summary>A finite verb by its form: a listed one, or a lower-case word with an ending of finite forms in one of
    /// the paragraph's languages ("planned", "opposes", "mener") that no article or preposition precedes.</summary>
    public bool LooksFinite(int i)
    {
        if (IsFinite(i)) return true;
        var t = Tokens[i];
        if (!t.IsWord || t.IsCapitalized || t.Text.Length < 4 || i == 0 || IsDetDef(i - 1) || IsDetIndef(i - 1) || IsPreposition(i - 1) || IsFunctionWord(i)) return false;
        var lower = t.Lower;
        foreach (var w in _words)
            foreach (var end in w.FiniteEndings)
                if (lower.Length > end.Length + 2 && lower.EndsWith(end, StringComparison.Ordinal) && !lower.EndsWith("ss", StringComparison.Ordinal))
                    return !AttributiveGerman(i);
        return false;
    }

    /// <summary>"pensionierte Lehrkräfte", "den geplanten Umbau": a German word with a past ending right before a
    /// capitalised noun is an adjective, not the past tense.</summary>
    bool AttributiveGerman(int i) => _german && i + 1 < Tokens.Count && Tokens[i + 1].IsWord && Tokens[i + 1].IsCapitalized;
    public bool IsFunctionWord(int i) => Has(i, WordClass.Function | WordClass.DetDef | WordClass.DetIndef | WordClass.Preposition | WordClass.Conjunction | WordClass.Subordinator | WordClass.Adverb | WordClass.Aux);

    /// <summary>'m', 'f', 'p' (plural) or 'x' (feminine or plural: "sie", "zij") for a subject pronoun.</summary>
    public char? PronounGender(int i)
    {
        // Asked at every word a phrase may start at: the classes read once, not three times.
        var c = Classes(i);
        bool m = (c & WordClass.PronounM) != 0, f = (c & WordClass.PronounF) != 0, p = (c & WordClass.PronounPl) != 0;
        if (f && p) return 'x';
        return m ? 'm' : f ? 'f' : p ? 'p' : null;
    }

    /// <summary>The gender of a capitalised word that is a known given name: 'm', 'f' or '?' (either).</summary>
    public char? FirstNameAt(int i) => i >= 0 && i < Tokens.Count && Tokens[i].IsCapitalized ? Lexicon.FirstNameGender(Tokens[i].Text) : null;

    /// <summary>The cue patterns that start at token <paramref name="i"/> (a word), longest first.</summary>
    public List<CuePattern> CuesAt(int i) => FactsAt(i).Cues;

    /// <summary>The office named from token <paramref name="i"/> on: one word ("statsministeren", "ds") or a phrase
    /// that starts there ("prima cittadina", "direttore sportivo"); <see cref="RoleLength"/> tells how many tokens.</summary>
    public RoleWord? RoleAt(int i)
    {
        if (i < 0 || i >= Tokens.Count || !Tokens[i].IsWord) return null;
        _roles ??= new RoleWord?[Tokens.Count];
        _roleLength ??= new byte[Tokens.Count];
        if (_roleLength[i] == 0)
        {
            _roleLength[i] = 1;
            var facts = FactsAt(i);
            _roles[i] = facts.Role;
            foreach (var (words, role) in facts.PhraseRoles)
            {
                if (i + words.Length > Tokens.Count) continue;
                bool all = true;
                for (int w = 1; w < words.Length && all; w++)
                    all = Tokens[i + w].IsWord && (w < words.Length - 1 ? Tokens[i + w].Lower == words[w] : QuoteLexicon.IsFormOf(Tokens[i + w].Lower, words[w]));
                if (!all) continue;
                _roles[i] = role;
                _roleLength[i] = (byte)words.Length;
                break;
            }
        }
        return _roles[i];
    }

    /// <summary>How many tokens the office at <paramref name="i"/> spans (1 for a single word).</summary>
    public int RoleLength(int i) => RoleAt(i) is null ? 0 : _roleLength![i];

    /// <summary>The words before token <paramref name="before"/> are a phrase of the label class ("known as",
    /// "so-called", "sogenannte", "a program called", "spricht von"): what the marks hold is a label, not a quotation.
    /// A naming verb of one word with its subject before it names in someone's words ("what it called “…”", "Trump
    /// called “…”"), as PolNeAR annotates it.</summary>
    public bool EndsWithLabel(int before)
    {
        foreach (var l in _words)
            foreach (var label in l.Label)
            {
                int s = before - label.Length;
                if (s < 0) continue;
                bool all = true;
                for (int w = 0; w < label.Length && all; w++) all = Tokens[s + w].Lower == label[w];
                if (all && !(label.Length == 1 && s > 0 && IsNamingCue(s) && IsSubjectBefore(s - 1))) return true;
            }
        return false;
    }

    bool IsNamingCue(int i)
    {
        foreach (var c in CuesAt(i)) if (c.Kind == CueKind.Naming) return true;
        return false;
    }

    bool IsSubjectBefore(int i) =>
        PronounGender(i) is not null || IsSubjectPronoun(i) || Tokens[i].IsCapitalized && !IsFunctionWord(i) && !Tokens[i].IsPossessive;

    public bool IsSentenceEnd(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Punct && Tokens[i].Text[0] is '.' or '!' or '?' or '…';

    /// <summary>Sentences of tokens [from, to): they end after . ! ? … when a capital, a digit, a quote mark or a
    /// dash follows; never inside a token range <paramref name="opaque"/> marks (a quotation), never after an initial
    /// that a name follows ("George W. Bush"), nor after a day before its month ("9. Januar").</summary>
    public List<(int Start, int End)> Sentences(int from, int to, Func<int, bool> opaque)
    {
        var result = new List<(int, int)>();
        int s = from;
        for (int i = from; i < to; i++)
        {
            if (opaque(i) || !IsSentenceEnd(i)) continue;
            int j = i + 1;
            while (j < to && !opaque(j) && (IsSentenceEnd(j) || (Tokens[j].Kind == TokenKind.Mark && Tokens[j].Start == Tokens[j - 1].End) || Tokens[j].Is(')'))) j++;
            if (j >= to) break;
            var next = Tokens[j];
            bool starts = next.IsCapitalized || char.IsDigit(next.Text[0]) || next.Kind is TokenKind.Mark or TokenKind.Dash;
            if (!starts) continue;
            var prev = Tokens[i - 1 >= from ? i - 1 : i];
            bool initial = i > from && prev.IsWord && prev.Text.Length == 1 && char.IsUpper(prev.Text[0]) && next.IsCapitalized;
            bool abbreviation = i > from && prev.IsWord && Lexicon.IsAbbreviation(prev.Lower);
            // "vom 9. Januar", "bis zum 30. April": the stop of an ordinal day before its month.
            bool dayOfMonth = i > from && prev.Text.Length <= 2 && char.IsDigit(prev.Text[0]) && prev.End == Tokens[i].Start && CalendarWords.Month(next.Text) > 0;
            if (initial || abbreviation || dayOfMonth) continue;
            result.Add((s, j));
            s = j;
            i = j - 1;
        }
        if (s < to) result.Add((s, to));
        return result;
    }

    /// <summary>The paragraph's last sentence, quotations not set apart.</summary>
    public (int Start, int End) LastSentence() => Sentences(0, Tokens.Count, _ => false)[^1];

    /// <summary>The first word token in [<paramref name="from"/>, <paramref name="to"/>), or <paramref name="to"/>
    /// when there is none (a sentence's first word past its opening marks).</summary>
    public int FirstWord(int from, int to)
    {
        while (from < to && !Tokens[from].IsWord) from++;
        return from;
    }

    public string Slice(int fromTok, int toTok) =>
        toTok <= fromTok ? "" : Text[Tokens[fromTok].Start..Tokens[toTok - 1].End];
}
