using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// What the quote lexicon knows about one lower-case word: its word classes in each language, the cues and not-cue
/// phrases and offices it starts, and its membership of the small word lists. Attribution asks these of every token,
/// often more than once; a paragraph's words repeat across a corpus, so the answers are looked up once per distinct
/// word and pool and kept in the word's notes (<see cref="QuoteWordNotes.Facts"/>), one field read instead of five
/// dictionary lookups a token.
/// </summary>
internal sealed class WordFacts
{
    public QuoteLexicon Lexicon { get; }
    readonly string _lower;

    /// <summary>Classes per language, indexed by <see cref="LanguageWords.Ordinal"/>, compounds of a document noun
    /// counted as one ("Pressemitteilung"); empty when the word has a class in no language.</summary>
    public WordClass[] ClassesByLanguage { get; }
    public List<CuePattern> Cues { get; }
    public List<NotCue> NotCues { get; }
    public List<(string[] Words, RoleWord Role)> PhraseRoles { get; }
    public bool IsHonorific { get; }
    /// <summary>A title written short ("Sen", "Lt"), a word of address only with its full stop.</summary>
    public bool IsTitleAbbreviation { get; }
    /// <summary>Labels a line before a colon ("WATCH: …").</summary>
    public bool IsSectionLabel { get; }
    public bool IsQuantifier { get; }
    public bool IsAgeWord { get; }
    public bool IsSourceNoun { get; }
    public bool IsPassiveAuxiliary { get; }
    public bool IsAnyPreposition { get; }

    WordFacts(QuoteLexicon lexicon, string lower)
    {
        Lexicon = lexicon;
        _lower = lower;
        ClassesByLanguage = lexicon.ClassesByLanguage(lower);
        Cues = lexicon.CuesStartingWith(lower);
        NotCues = lexicon.NotCuesWith(lower);
        PhraseRoles = lexicon.PhraseRolesStartingWith(lower);
        IsHonorific = lexicon.IsHonorific(lower);
        IsTitleAbbreviation = lexicon.IsTitleAbbreviation(lower);
        IsSectionLabel = lexicon.IsSectionLabel(lower);
        IsQuantifier = lexicon.IsQuantifier(lower);
        IsAgeWord = lexicon.IsAgeWord(lower);
        IsSourceNoun = lexicon.IsSourceNoun(lower);
        IsPassiveAuxiliary = lexicon.IsPassiveAuxiliary(lower);
        IsAnyPreposition = lexicon.IsAnyPreposition(lower);
    }

    // The office and title-noun verdicts scan lists of stems: worked out only for the words that are asked.
    bool _roleKnown;
    RoleWord? _role;
    sbyte _titleNoun = -1;

    /// <summary>The office the word names (<see cref="QuoteLexicon.RoleOf"/>).</summary>
    public RoleWord? Role
    {
        get
        {
            if (!_roleKnown) { _role = Lexicon.RoleOf(_lower); _roleKnown = true; }
            return _role;
        }
    }

    /// <summary>A noun before a title or a group's name (<see cref="QuoteLexicon.IsTitleNoun"/>).</summary>
    public bool IsTitleNoun
    {
        get
        {
            if (_titleNoun < 0) _titleNoun = Lexicon.IsTitleNoun(_lower) ? (sbyte)1 : (sbyte)0;
            return _titleNoun == 1;
        }
    }

    /// <summary>The facts of <paramref name="word"/> in <paramref name="lexicon"/>, worked out on first use.</summary>
    public static WordFacts Of(PooledWord word, QuoteLexicon lexicon)
    {
        var notes = QuoteWordNotes.Of(word);
        var facts = notes.Facts;
        if (facts is not null && facts.Lexicon == lexicon) return facts;
        return notes.Facts = new WordFacts(lexicon, word.Lower);
    }
}
