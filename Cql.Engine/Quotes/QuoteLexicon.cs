using System.Collections.Immutable;
using Cql.Engine.LanguageData;

namespace Cql.Engine.Quotes;

/// <summary>What a cue tells about the words around it.</summary>
internal enum CueKind : byte
{
    /// <summary>A speech verb: its subject is the speaker.</summary>
    Speech,
    /// <summary>A speech verb whose object is the listener ("told Reuters").</summary>
    Tell,
    /// <summary>A verb that names or labels ("kaller", "called").</summary>
    Naming,
    /// <summary>"„…“, so Merz": the words right after it name the speaker.</summary>
    So,
    /// <summary>"quoted X as saying": X is the speaker.</summary>
    Quoted,
    /// <summary>A report without a subject ("hieß es"): only a named source speaks.</summary>
    Impersonal,
    /// <summary>"ifølge X": X is the source.</summary>
    According,
    /// <summary>"X zufolge": the source stands before it.</summary>
    AccordingAfter,
}

/// <summary>A cue word or phrase; <see cref="GapAfter"/> is the index of the word after which up to five others may
/// stand ("teilte … mit": 0), or -1.</summary>
internal sealed record CuePattern(string[] Words, int GapAfter, CueKind Kind, string Lang)
{
    /// <summary>The words as a hit reports them ("teilte mit").</summary>
    public string Text { get; } = string.Join(' ', Words);
}

/// <summary>A phrase in which the word at <see cref="At"/> is no cue ("la cuenta": a noun; "cuenta con": "has").</summary>
internal sealed record NotCue(string[] Words, int At, string Lang);

/// <summary>An office or occupation ("minister"): its synonym class and whether the form is feminine.</summary>
internal sealed record RoleWord(string Stem, string Class, bool Feminine);

/// <summary>The closed classes a word belongs to in one language, as flags (attribution asks about every token).</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0, DetDef = 1, DetIndef = 2, Preposition = 4, Conjunction = 8, Subordinator = 16, Adverb = 32, Aux = 64,
    DocNoun = 128, TermNoun = 256, Subjunctive = 512, Function = 1024, PronounM = 2048, PronounF = 4096, PronounPl = 8192,
    Oblique = 16384, FrontedSource = 32768, Complementizer = 1 << 16, Finite = 1 << 17, Negation = 1 << 18,
    Conditional = 1 << 19, Infinitive = 1 << 20, ClauseCue = 1 << 21, SubjectPronoun = 1 << 22, Belief = 1 << 23,
    ClauseBreak = 1 << 24, ObjectCue = 1 << 25, InfinitiveCue = 1 << 26, SourceAs = 1 << 27,
    ImpersonalSource = 1 << 28, RelativeObject = 1u << 29, QuestionFrame = 1u << 30,
}

/// <summary>The closed word classes of one language.</summary>
internal sealed class LanguageWords(int ordinal)
{
    /// <summary>The language's place in the lexicon, an index into <see cref="WordFacts.ClassesByLanguage"/>.</summary>
    public int Ordinal { get; } = ordinal;


    /// <summary>Every class of every word of the sets below, for one lookup a token instead of fourteen.</summary>
    readonly Dictionary<string, WordClass> _classes = new(StringComparer.Ordinal);

    public WordClass ClassesOf(string lower) => _classes.TryGetValue(lower, out var c) ? c : WordClass.None;

    /// <summary>Fills the class map once the sets are read.</summary>
    internal void Index()
    {
        foreach (var (set, c) in (ReadOnlySpan<(HashSet<string>, WordClass)>)[(DetDef, WordClass.DetDef), (DetIndef, WordClass.DetIndef),
            (Preposition, WordClass.Preposition), (Conjunction, WordClass.Conjunction), (Subordinator, WordClass.Subordinator),
            (Adverb, WordClass.Adverb), (Aux, WordClass.Aux), (DocNoun, WordClass.DocNoun), (TermNoun, WordClass.TermNoun),
            (Subjunctive, WordClass.Subjunctive), (Function, WordClass.Function), (PronounM, WordClass.PronounM),
            (PronounF, WordClass.PronounF), (PronounPl, WordClass.PronounPl), (Oblique, WordClass.Oblique),
            (FrontedSource, WordClass.FrontedSource), (Complementizer, WordClass.Complementizer), (Finite, WordClass.Finite),
            (Negation, WordClass.Negation), (Conditional, WordClass.Conditional), (Infinitive, WordClass.Infinitive),
            (ClauseCue, WordClass.ClauseCue), (SubjectPronoun, WordClass.SubjectPronoun), (Belief, WordClass.Belief),
            (ClauseBreak, WordClass.ClauseBreak), (ObjectCue, WordClass.ObjectCue), (InfinitiveCue, WordClass.InfinitiveCue), (SourceAs, WordClass.SourceAs),
            (ImpersonalSource, WordClass.ImpersonalSource), (RelativeObject, WordClass.RelativeObject), (QuestionFrame, WordClass.QuestionFrame)])
            foreach (var w in set) _classes[w] = _classes.GetValueOrDefault(w) | c;
    }

    /// <summary>A compound whose part after the last hyphen is a document noun ("Kreml-Lesungen").</summary>
    public bool EndsWithDocNoun(string lower)
    {
        int dash = lower.LastIndexOf('-');
        return dash > 0 && dash < lower.Length - 1 && DocNoun.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower.AsSpan(dash + 1));
    }

    public readonly HashSet<string> PronounM = new(StringComparer.Ordinal), PronounF = new(StringComparer.Ordinal), PronounPl = new(StringComparer.Ordinal),
        DetDef = new(StringComparer.Ordinal), DetIndef = new(StringComparer.Ordinal), Preposition = new(StringComparer.Ordinal),
        Conjunction = new(StringComparer.Ordinal), Subordinator = new(StringComparer.Ordinal), Adverb = new(StringComparer.Ordinal),
        Aux = new(StringComparer.Ordinal), DocNoun = new(StringComparer.Ordinal), TermNoun = new(StringComparer.Ordinal),
        Subjunctive = new(StringComparer.Ordinal), Function = new(StringComparer.Ordinal), Oblique = new(StringComparer.Ordinal),
        FrontedSource = new(StringComparer.Ordinal), Complementizer = new(StringComparer.Ordinal), Finite = new(StringComparer.Ordinal),
        Negation = new(StringComparer.Ordinal), Conditional = new(StringComparer.Ordinal), Infinitive = new(StringComparer.Ordinal),
        ClauseCue = new(StringComparer.Ordinal), SubjectPronoun = new(StringComparer.Ordinal), Belief = new(StringComparer.Ordinal),
        ClauseBreak = new(StringComparer.Ordinal), ObjectCue = new(StringComparer.Ordinal), InfinitiveCue = new(StringComparer.Ordinal),
        SourceAs = new(StringComparer.Ordinal), ImpersonalSource = new(StringComparer.Ordinal),
        RelativeObject = new(StringComparer.Ordinal), QuestionFrame = new(StringComparer.Ordinal);
    /// <summary>Endings of finite verb forms ("ed", "er"), longest first.</summary>
    public readonly List<string> FiniteEndings = [];
    /// <summary>Phrases right before marks that make the words in them a label ("known as", "sogenannte").</summary>
    public readonly List<string[]> Label = [];
}

/// <summary>
/// The per-language words quote attribution reads (LanguageData/lexicon.tsv) and the given names that tell people and
/// their gender (LanguageData/first-names.tsv), both read through <see cref="LanguageFiles"/>. Immutable once loaded:
/// shared by all ingest workers.
/// </summary>
internal sealed class QuoteLexicon
{
    public IReadOnlyDictionary<string, LanguageWords> Languages => _languages;
    public IReadOnlyList<RoleWord> Roles => _roles;

    readonly Dictionary<string, LanguageWords> _languages = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<CuePattern>> _cuesByFirstWord = new(StringComparer.Ordinal);
    readonly List<RoleWord> _roles = [];
    readonly Dictionary<string, List<RoleWord>> _rolesByEnding = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<RoleWord>>.AlternateLookup<ReadOnlySpan<char>> _rolesByEndingLookup;
    readonly HashSet<string> _sourceNouns = new(StringComparer.Ordinal);
    readonly HashSet<string> _kinNouns = new(StringComparer.Ordinal);
    readonly HashSet<string> _quantifiers = new(StringComparer.Ordinal);
    readonly HashSet<string> _ageWords = new(StringComparer.Ordinal);
    readonly HashSet<string> _timeNouns = new(StringComparer.Ordinal);
    readonly HashSet<string> _titleNouns = new(StringComparer.Ordinal);
    readonly HashSet<string> _passives = new(StringComparer.Ordinal);
    readonly HashSet<string> _honorifics = new(StringComparer.Ordinal);
    readonly HashSet<string> _titleAbbreviations = new(StringComparer.Ordinal);
    readonly HashSet<string> _sectionLabels = new(StringComparer.Ordinal);
    // Asked in every language at once: a language's rows add to one shared set.
    readonly HashSet<string> _reflexives = new(StringComparer.Ordinal);
    readonly HashSet<string> _agentPrepositions = new(StringComparer.Ordinal);
    readonly HashSet<string> _nameParticles = new(StringComparer.Ordinal);
    readonly HashSet<string> _abbreviations = new(StringComparer.Ordinal);
    readonly HashSet<string> _allPrepositions = new(StringComparer.Ordinal);
    readonly HashSet<string> _allFunctionWords = new(StringComparer.Ordinal);
    readonly Dictionary<string, char> _firstNames = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<NotCue>> _notCues = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<(string[] Words, RoleWord Role)>> _phraseRoles = new(StringComparer.Ordinal);
    readonly Dictionary<string, RoleWord> _shortRoles = new(StringComparer.Ordinal);

    static readonly Lazy<QuoteLexicon> _default = new(LoadDefault);
    public static QuoteLexicon Default => _default.Value;

    QuoteLexicon()
    {
        _rolesByEndingLookup = _rolesByEnding.GetAlternateLookup<ReadOnlySpan<char>>();
        _functionWordLookup = _functionWordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    static QuoteLexicon LoadDefault()
    {
        var lex = new QuoteLexicon();
        lex.ReadLexicon(LanguageFiles.Rows("lexicon.tsv"));
        lex.ReadFirstNames(LanguageFiles.Rows("first-names.tsv"));
        return lex;
    }

    void ReadLexicon(ImmutableArray<LanguageRow> rows)
    {
        foreach (var (lang, cls, entries) in rows)
        {
            if (cls == "role") { foreach (var e in entries) AddRole(e); continue; }
            if (cls == "sourcenoun") { foreach (var e in entries) _sourceNouns.Add(e); continue; }
            if (cls == "kin") { foreach (var e in entries) _kinNouns.Add(e); continue; }
            if (cls == "quantifier") { foreach (var e in entries) _quantifiers.Add(e); continue; }
            if (cls == "age") { foreach (var e in entries) _ageWords.Add(e); continue; }
            if (cls == "time-noun") { foreach (var e in entries) _timeNouns.Add(e); continue; }
            if (cls == "titlenoun") { foreach (var e in entries) _titleNouns.Add(e); continue; }
            if (cls == "passive") { foreach (var e in entries) _passives.Add(e); continue; }
            if (cls == "honorific") { foreach (var e in entries) _honorifics.Add(e); continue; }
            if (cls == "title-abbreviation") { foreach (var e in entries) _titleAbbreviations.Add(e); continue; }
            if (cls == "section-label") { foreach (var e in entries) _sectionLabels.Add(e); continue; }
            if (cls == "reflexive") { foreach (var e in entries) _reflexives.Add(e); continue; }
            if (cls == "agent-preposition") { foreach (var e in entries) _agentPrepositions.Add(e); continue; }
            if (cls == "name-particle") { foreach (var e in entries) _nameParticles.Add(e); continue; }
            if (cls == "abbreviation") { foreach (var e in entries) _abbreviations.Add(e); continue; }
            if (!_languages.TryGetValue(lang, out var w)) _languages[lang] = w = new LanguageWords(_languages.Count);
            CueKind? cue = cls switch
            {
                "cue" => CueKind.Speech, "cue-tell" => CueKind.Tell, "cue-naming" => CueKind.Naming, "cue-so" => CueKind.So,
                "cue-quoted" => CueKind.Quoted, "impersonal" => CueKind.Impersonal, "according" => CueKind.According,
                "according-post" => CueKind.AccordingAfter, _ => null,
            };
            if (cue is { } kind) { foreach (var e in entries) AddCue(e, kind, lang); continue; }
            if (cls == "notcue") { foreach (var e in entries) AddNotCue(e, lang); continue; }
            if (cls == "finite-ending") { w.FiniteEndings.AddRange(entries); w.FiniteEndings.Sort((a, b) => b.Length.CompareTo(a.Length)); continue; }
            if (cls == "label") { foreach (var e in entries) w.Label.Add(e.Split(' ', StringSplitOptions.RemoveEmptyEntries)); continue; }
            var set = cls switch
            {
                "pronoun-m" => w.PronounM, "pronoun-f" => w.PronounF, "pronoun-pl" => w.PronounPl, "det-def" => w.DetDef,
                "det-indef" => w.DetIndef, "preposition" => w.Preposition, "conjunction" => w.Conjunction,
                "subordinator" => w.Subordinator, "adverb" => w.Adverb, "aux" => w.Aux, "docnoun" => w.DocNoun,
                "termnoun" => w.TermNoun, "subjunctive" => w.Subjunctive, "function" => w.Function, "oblique" => w.Oblique,
                "according-fronted" => w.FrontedSource, "complementizer" => w.Complementizer, "finite" => w.Finite,
                "negation" => w.Negation, "conditional" => w.Conditional, "infinitive" => w.Infinitive,
                "clause-cue" => w.ClauseCue, "subject-pronoun" => w.SubjectPronoun, "belief" => w.Belief,
                "clause-break" => w.ClauseBreak, "object-cue" => w.ObjectCue, "infinitive-cue" => w.InfinitiveCue, "source-as" => w.SourceAs,
                "impersonal-source" => w.ImpersonalSource, "relative-object" => w.RelativeObject, "question-frame" => w.QuestionFrame,
                _ => throw new FormatException($"lexicon.tsv: unknown class '{cls}'"),
            };
            foreach (var e in entries) set.Add(e);
            if (set == w.Preposition) foreach (var e in entries) _allPrepositions.Add(e);
            if (set == w.Function)
                foreach (var e in entries)
                {
                    _allFunctionWords.Add(e);
                    LongestFunctionWord = Math.Max(LongestFunctionWord, e.Length);
                    _functionWordLanguages[e] = _functionWordLanguages.TryGetValue(e, out var had) ? [.. had, lang] : [lang];
                }
        }
        foreach (var w in _languages.Values) w.Index();
        // Longest stems first: "statsminister" must win over "minister". Indexed by their last three letters.
        _roles.Sort((a, b) => b.Stem.Length.CompareTo(a.Stem.Length));
        foreach (var role in _roles)
        {
            if (role.Stem.Length < 3) continue;
            var key = role.Stem[^3..];
            if (!_rolesByEnding.TryGetValue(key, out var list)) _rolesByEnding[key] = list = [];
            list.Add(role);
        }
    }

    void AddCue(string entry, CueKind kind, string lang)
    {
        var raw = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        int gapAfter = -1;
        foreach (var w in raw)
        {
            if (w == "…") { gapAfter = words.Count - 1; continue; }
            words.Add(w);
        }
        var p = new CuePattern([.. words], gapAfter, kind, lang);
        if (!_cuesByFirstWord.TryGetValue(p.Words[0], out var list)) _cuesByFirstWord[p.Words[0]] = list = [];
        list.Add(p);
        // Longest patterns first, so "was quoted as saying" wins over "was".
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>Indexed by each of its words, so a cue word finds the phrases that unmake it wherever it stands in them.</summary>
    void AddNotCue(string entry, string lang)
    {
        var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int at = 0; at < words.Length; at++)
        {
            if (!_notCues.TryGetValue(words[at], out var list)) _notCues[words[at]] = list = [];
            list.Add(new NotCue(words, at, lang));
        }
    }

    void AddRole(string entry)
    {
        var eq = entry.IndexOf('=');
        var word = eq < 0 ? entry : entry[..eq];
        var cls = eq < 0 ? word : entry[(eq + 1)..];
        bool fem = word.EndsWith(":f", StringComparison.Ordinal);
        if (fem) word = word[..^2];
        var role = new RoleWord(word, cls, fem);
        if (word.Contains(' '))
        {
            // "prima cittadina", "direttore sportivo": a phrase, found from its first word.
            var words = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!_phraseRoles.TryGetValue(words[0], out var list)) _phraseRoles[words[0]] = list = [];
            list.Add((words, role));
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        // "ds", "mp": too short to match as the end of a longer word.
        else if (word.Length <= 2) _shortRoles[word] = role;
        else _roles.Add(role);
    }

    /// <summary>The rows' kind is the gender ("m", "f"); their language only sorts the file.</summary>
    void ReadFirstNames(ImmutableArray<LanguageRow> rows)
    {
        foreach (var row in rows)
        {
            char g = row.Kind == "f" ? 'f' : 'm';
            foreach (var n in row.Entries)
                // A name given to both sexes ("Andrea") tells no gender.
                _firstNames[n] = _firstNames.TryGetValue(n, out var had) && had != g ? '?' : g;
        }
    }

    static readonly List<CuePattern> NoCues = [];

    /// <summary>The classes of <paramref name="lower"/> in each language by <see cref="LanguageWords.Ordinal"/>, a
    /// compound of a document noun ("Kreml-Lesungen") counted as one; empty when it has none.</summary>
    public WordClass[] ClassesByLanguage(string lower)
    {
        WordClass[]? classes = null;
        foreach (var w in _languages.Values)
        {
            var c = w.ClassesOf(lower);
            if ((c & WordClass.DocNoun) == 0 && w.EndsWithDocNoun(lower)) c |= WordClass.DocNoun;
            if (c == WordClass.None) continue;
            classes ??= new WordClass[_languages.Count];
            classes[w.Ordinal] = c;
        }
        return classes ?? [];
    }

    /// <summary>The cue patterns that start with <paramref name="lowerWord"/>, longest first (a shared empty list for
    /// none: this runs for every word attribution reads).</summary>
    public List<CuePattern> CuesStartingWith(string lowerWord) =>
        _cuesByFirstWord.TryGetValue(lowerWord, out var l) ? l : NoCues;

    /// <summary>The phrases ("la cuenta", "cuenta con") in which <paramref name="lowerWord"/> is no cue, each with the
    /// word's place in it.</summary>
    public List<NotCue> NotCuesWith(string lowerWord) =>
        _notCues.TryGetValue(lowerWord, out var l) ? l : NoNotCues;

    // Shared empty answers: `? l : []` made a new list at every miss (most words), and a List, not an interface,
    // lets callers' foreach use the struct enumerator. Never added to.
    static readonly List<NotCue> NoNotCues = [];
    static readonly List<(string[] Words, RoleWord Role)> NoPhraseRoles = [];

    /// <summary>'m', 'f', '?' (both) for a known given name; null otherwise. A hyphenated given name not listed
    /// whole ("Per-Olof", "Marie-Claude") is known by its first part when a capital follows the hyphen.</summary>
    public char? FirstNameGender(string word)
    {
        if (_firstNames.TryGetValue(word, out var g)) return g;
        int dash = word.IndexOf('-');
        if (dash < 2 || dash + 1 >= word.Length || !char.IsUpper(word[dash + 1])) return null;
        return _firstNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.AsSpan(0, dash), out var first) ? first : null;
    }

    readonly Dictionary<string, string[]> _functionWordLanguages = new(StringComparer.Ordinal);
    /// <summary>Made once: <see cref="FunctionWordLanguages"/> runs for every short word of every document.</summary>
    readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _functionWordLookup;

    /// <summary>Characters in the longest function word: a longer word needs no lookup.</summary>
    public int LongestFunctionWord { get; private set; }

    /// <summary>The languages a lower-case word is a function word of.</summary>
    public string[] FunctionWordLanguages(ReadOnlySpan<char> lower) =>
        _functionWordLookup.TryGetValue(lower, out var langs) ? langs : [];

    public bool IsSourceNoun(string lower) => _sourceNouns.Contains(lower);

    /// <summary>A family member ("sister", "søster", "Tochter"): a name set off after one is a relative's.</summary>
    public bool IsKin(string lower) => _kinNouns.Contains(lower);
    public bool IsQuantifier(string lower) => _quantifiers.Contains(lower);
    public bool IsAgeWord(string lower) => _ageWords.Contains(lower);

    /// <summary>A noun of a time of day or a part of a period ("Nachmittag", "Ende"), lexicon class <c>time-noun</c>.</summary>
    public bool IsTimeNoun(string lower) => _timeNouns.Contains(lower);

    /// <summary>A noun before a title or a group's name, or a compound ending in one ("Bürgerinitiative").</summary>
    public bool IsTitleNoun(string lower)
    {
        if (_titleNouns.Contains(lower)) return true;
        foreach (var n in _titleNouns)
            if (n.Length >= 6 && lower.Length > n.Length + 2 && lower.EndsWith(n, StringComparison.Ordinal)) return true;
        return false;
    }
    public bool IsPassiveAuxiliary(string lower) => _passives.Contains(lower);
    public bool IsHonorific(string lower) => _honorifics.Contains(lower);

    /// <summary>A title written short ("sen", "lt"): a word of address when its full stop follows.</summary>
    public bool IsTitleAbbreviation(string lower) => _titleAbbreviations.Contains(lower);

    /// <summary>A word that labels a line before a colon ("watch" in "WATCH: …").</summary>
    public bool IsSectionLabel(string lower) => _sectionLabels.Contains(lower);
    /// <summary>"si", "se", "sich": a report about oneself.</summary>
    public bool IsReflexive(string lower) => _reflexives.Contains(lower);
    /// <summary>"by", "von", "par": names the agent of a passive.</summary>
    public bool IsAgentPreposition(string lower) => _agentPrepositions.Contains(lower);
    /// <summary>"von", "van", "le" inside a name; exact case, so callers may ask with the word as written.</summary>
    public bool IsNameParticle(string word) => _nameParticles.Contains(word);
    /// <summary>A word whose full stop does not end the quote reader's sentence ("dr", "bzw").</summary>
    public bool IsAbbreviation(string lower) => _abbreviations.Contains(lower);
    public bool IsAnyPreposition(string lower) => _allPrepositions.Contains(lower);
    public bool IsAnyFunctionWord(string lower) => _allFunctionWords.Contains(lower);

    /// <summary>The office a word names, matched as the end of the word after a definite ending is dropped
    /// ("statsministeren" → statsminister, "Kremlsprecher" → sprecher); null when none. Spans, no strings. Asked once
    /// per distinct word and pool: <see cref="WordFacts.Role"/> keeps the verdict in the pooled word's notes.</summary>
    public RoleWord? RoleOf(string lower)
    {
        if (lower.Length <= 2) return _shortRoles.GetValueOrDefault(lower);
        if (RoleEndingWith(lower) is { } whole) return whole;
        // Then the word without a Scandinavian definite ending.
        foreach (var end in DefiniteEndings)
            if (lower.Length > end.Length + 3 && lower.EndsWith(end, StringComparison.Ordinal) && RoleEndingWith(lower.AsSpan(0, lower.Length - end.Length)) is { } r)
                return r;
        return null;
    }

    /// <summary>The offices of several words that start with <paramref name="lowerWord"/> ("prima cittadina"), longest
    /// first; the last word may carry a definite ending.</summary>
    public List<(string[] Words, RoleWord Role)> PhraseRolesStartingWith(string lowerWord) =>
        _phraseRoles.TryGetValue(lowerWord, out var l) ? l : NoPhraseRoles;

    /// <summary>The last word of an office phrase as written ("ministro", "direktøren") is that word.</summary>
    public static bool IsFormOf(string lower, string stem)
    {
        if (lower == stem) return true;
        foreach (var end in DefiniteEndings)
            if (lower.Length == stem.Length + end.Length && lower.StartsWith(stem, StringComparison.Ordinal) && lower.EndsWith(end, StringComparison.Ordinal)) return true;
        return false;
    }

    static readonly string[] DefiniteEndings = ["ene", "erne", "en", "et", "na", "n", "a"];

    RoleWord? RoleEndingWith(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length < 3 || !_rolesByEndingLookup.TryGetValue(candidate[^3..], out var roles)) return null;
        foreach (var r in roles)
            if (candidate.EndsWith(r.Stem, StringComparison.Ordinal) && (candidate.Length == r.Stem.Length || r.Stem.Length >= 4))
                return r;
        return null;
    }
}
