using Cql.Engine.Ingest;

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
    public List<Token> Tokens { get; } = [];
    public QuoteLexicon Lexicon { get; }
    public IReadOnlyList<string> Languages { get; }
    readonly LanguageWords[] _words;
    readonly EntityHit?[] _hitAt;

    public ParagraphContext(int index, ParagraphInfo info, string text, QuoteLexicon lexicon, IReadOnlyList<string> languages, EntityIndex entities)
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
        QuoteTokenizer.Tokenize(text, info.Range.Start, info.Range.End, Tokens);
        _hitAt = new EntityHit?[Tokens.Count];
        var hits = new List<EntityHit>();
        entities.FindAll(Tokens, 0, Tokens.Count, hits);
        foreach (var h in hits) _hitAt[h.TokStart] = h;
        Hits = hits;
    }

    /// <summary>The gazetteer names in the paragraph, in order, without overlaps.</summary>
    public IReadOnlyList<EntityHit> Hits { get; }

    public EntityHit? HitAt(int i) => i >= 0 && i < _hitAt.Length ? _hitAt[i] : null;

    bool In(int i, Func<LanguageWords, HashSet<string>> set)
    {
        if (i < 0 || i >= Tokens.Count || !Tokens[i].IsWord) return false;
        var w = Tokens[i].Lower;
        foreach (var l in _words) if (set(l).Contains(w)) return true;
        return false;
    }

    public bool IsDetDef(int i) => In(i, l => l.DetDef);
    public bool IsDetIndef(int i) => In(i, l => l.DetIndef);
    public bool IsPreposition(int i) => In(i, l => l.Preposition);
    public bool IsConjunction(int i) => In(i, l => l.Conjunction);
    public bool IsSubordinator(int i) => In(i, l => l.Subordinator);
    public bool IsAdverb(int i) => In(i, l => l.Adverb);
    public bool IsAux(int i) => In(i, l => l.Aux);
    public bool IsDocNoun(int i) => In(i, l => l.DocNoun) || (i >= 0 && i < Tokens.Count && Tokens[i].IsWord && EndsWithDocNoun(Tokens[i].Lower));
    public bool IsTermNoun(int i) => In(i, l => l.TermNoun);
    public bool IsQuantifier(int i) => i >= 0 && i < Tokens.Count && Tokens[i].IsWord && (Lexicon.IsQuantifier(Tokens[i].Lower) || char.IsDigit(Tokens[i].Text[0]));
    public bool IsSubjunctive(int i) => In(i, l => l.Subjunctive);
    public bool IsFunctionWord(int i) => In(i, l => l.Function) || IsDetDef(i) || IsDetIndef(i) || IsPreposition(i) || IsConjunction(i) || IsSubordinator(i) || IsAdverb(i) || IsAux(i);

    /// <summary>Compounds of a document noun ("Kreml-Lesungen", "Pressemitteilung").</summary>
    bool EndsWithDocNoun(string lower)
    {
        int dash = lower.LastIndexOf('-');
        if (dash > 0 && dash < lower.Length - 1)
            foreach (var l in _words) if (l.DocNoun.Contains(lower[(dash + 1)..])) return true;
        return false;
    }

    /// <summary>'m', 'f', 'p' (plural) or 'x' (feminine or plural: "sie", "zij") for a subject pronoun.</summary>
    public char? PronounGender(int i)
    {
        bool m = In(i, l => l.PronounM), f = In(i, l => l.PronounF), p = In(i, l => l.PronounPl);
        if (f && p) return 'x';
        return m ? 'm' : f ? 'f' : p ? 'p' : null;
    }

    /// <summary>The gender of a capitalised word that is a known given name: 'm', 'f' or '?' (either).</summary>
    public char? FirstNameAt(int i) => i >= 0 && i < Tokens.Count && Tokens[i].IsCapitalized ? Lexicon.FirstNameGender(Tokens[i].Text) : null;

    public RoleWord? RoleAt(int i) => i >= 0 && i < Tokens.Count && Tokens[i].IsWord && Tokens[i].Text.Length > 2 ? Lexicon.RoleOf(Tokens[i].Lower) : null;

    public bool IsSentenceEnd(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Punct && Tokens[i].Text[0] is '.' or '!' or '?' or '…';

    /// <summary>Sentences of tokens [from, to): they end after . ! ? … when a capital, a digit, a quote mark or a
    /// dash follows; never inside a token range <paramref name="opaque"/> marks (a quotation), never after an initial
    /// that a name follows ("George W. Bush").</summary>
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
            bool abbreviation = i > from && prev.IsWord && Abbreviations.Contains(prev.Lower);
            if (initial || abbreviation) continue;
            result.Add((s, j));
            s = j;
            i = j - 1;
        }
        if (s < to) result.Add((s, to));
        return result;
    }

    static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "jr", "sr", "nr", "vs", "etc", "ca", "bzw", "z", "b", "ggf", "dvs", "mv", "bl", "ev", "sig", "dott", "hr",
    };

    public string Slice(int fromTok, int toTok) =>
        toTok <= fromTok ? "" : Text[Tokens[fromTok].Start..Tokens[toTok - 1].End];
}
