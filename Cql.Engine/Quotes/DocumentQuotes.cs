using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Quote extraction for one document, in three steps. Detection: quotations between marks (<see cref="QuoteScanner"/>),
/// Scandinavian dash quotes ("– …, sier X."), block quotes after a colon, and French incises inside the marks.
/// Attribution, paragraph by paragraph and sentence by sentence in reading order, so the <see cref="Discourse"/>
/// knows who was named before each quote: the nearest cue of the quote's sentence (or the clause before a colon),
/// then, for a quote that has none, the next paragraph's "Det sier X", the speaker of the quote just before in the
/// same paragraph, or that of the paragraph before when nothing intervenes. Output: quotes, entity mentions, and
/// speakers the gazetteer did not know.
/// </summary>
internal sealed partial class DocumentQuotes
{
    readonly AnalyzedDocument _doc;
    readonly QuoteLexicon _lex;
    readonly EntityIndex _entities;
    readonly QuoteWorkspace _work;
    readonly Discourse _discourse = new();
    readonly List<ParagraphContext> _paras = [];
    /// <summary>The document paragraph of each analysed paragraph (a very long paragraph is analysed in windows).</summary>
    readonly List<int> _docParagraph = [];
    readonly List<QuoteUnit> _units = [];
    readonly List<List<int>> _unitsOf = [];
    readonly List<Referent?> _closingSpeaker = [];
    /// <summary>For a paragraph ending in a colon ("Brierley … added:"), who it introduces.</summary>
    readonly List<Referent?> _colonSpeaker = [];
    readonly List<(int Para, int Start, int End, Referent Ref)> _names = [];
    readonly List<string> _languages;
    readonly bool _reversedGuillemets;

    static readonly HashSet<string> DashLanguages = new(StringComparer.Ordinal) { "no", "sv", "da", "nb", "nn", "fi", "is" };
    static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "det", "dette", "detta", "så", "das", "dies", "that", "this", "ce", "c'est", "c’est", "questo", "lo", "dat", "dit", "eso", "esto",
    };
    /// <summary>Fragments this short are framed by their sentence's grammar: no identifier can tell their language.</summary>
    const int MinWordsForLanguage = 5;
    const int MinNarrationWords = 8;

    public DocumentQuotes(AnalyzedDocument doc, QuoteLexicon lex, EntityIndex entities, QuoteWorkspace work)
    {
        _doc = doc;
        _lex = lex;
        _entities = entities;
        _work = work;
        _languages = DocumentLanguages(doc, lex);
        _reversedGuillemets = _languages.Count > 0 && _languages[0] is "de" or "da";
    }

    /// <summary>A paragraph longer than this is analysed in windows of whole sentences about this long. News
    /// paragraphs are far shorter; the limit keeps hostile input (a 6 MB line) linear, since attribution looks at
    /// the quotes of a paragraph together.</summary>
    const int MaxWindowChars = 8_000;

    public QuoteExtraction Run()
    {
        for (int i = 0; i < _doc.Paragraphs.Count; i++)
        {
            var info = _doc.Paragraphs[i];
            var langs = new List<string>(_languages);
            if (_lex.Languages.ContainsKey(info.Lang.Code) && !langs.Contains(info.Lang.Code)) langs.Add(info.Lang.Code);
            foreach (var window in Windows(i, info))
            {
                _paras.Add(new ParagraphContext(_paras.Count, window, _doc.Text, _lex, langs, _entities, _work));
                _docParagraph.Add(i);
                _unitsOf.Add([]);
                _closingSpeaker.Add(null);
                _colonSpeaker.Add(null);
            }
        }
        for (int i = 0; i < _paras.Count; i++) Detect(_paras[i]);
        for (int i = 0; i < _paras.Count; i++) Attribute(_paras[i]);
        HeadlinesFromBody();
        var extraction = Output();
        // The extraction holds strings and ranges, never tokens: the paragraphs' lists can serve the next document.
        foreach (var p in _paras) _work.TokenLists.Return(p.Tokens);
        return extraction;
    }

    /// <summary>The paragraph itself, or for a very long one consecutive windows of its sentences.</summary>
    IEnumerable<ParagraphInfo> Windows(int paragraph, ParagraphInfo info)
    {
        if (info.Range.Length <= MaxWindowChars) { yield return info; yield break; }
        int start = info.Range.Start;
        foreach (var s in _doc.Sentences)
        {
            if (s.ParagraphIndex != paragraph || s.Range.End - start < MaxWindowChars) continue;
            yield return info with { Range = new TextRange(start, s.Range.End) };
            start = s.Range.End;
        }
        if (start < info.Range.End) yield return info with { Range = new TextRange(start, info.Range.End) };
    }

    /// <summary>The languages whose words to read: the document's verdict first, then those its function words point
    /// to (a Danish article taken for Norwegian reads as both).</summary>
    static List<string> DocumentLanguages(AnalyzedDocument doc, QuoteLexicon lex)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = doc.Text;
        Span<char> lower = stackalloc char[32];
        int longest = Math.Min(lower.Length, lex.LongestFunctionWord);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == s) break;
            // Function words are short: longer words need no lookup (and no string).
            if (i - s > longest) continue;
            // What ToLowerInvariant gives, a letter at a time (a word of letters holds no surrogate halves), without
            // its call per word: ASCII inline.
            for (int k = s; k < i; k++)
            {
                char c = text[k];
                lower[k - s] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);
            }
            foreach (var lang in lex.FunctionWordLanguages(lower[..(i - s)])) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, lang, out _)++;
        }
        var result = new List<string>();
        if (lex.Languages.ContainsKey(doc.Lang.Code)) result.Add(doc.Lang.Code);
        int top = counts.Count == 0 ? 0 : counts.Values.Max();
        foreach (var (lang, n) in counts.OrderByDescending(kv => kv.Value))
            if (n >= top * 0.6 && top > 0 && !result.Contains(lang)) result.Add(lang);
        if (result.Count == 0) result.AddRange(lex.Languages.Keys);
        return result;
    }


    QuoteExtraction Output()
    {
        var quotes = new List<ExtractedQuote>(_units.Count);
        var newEntities = new Dictionary<string, EntityRecord>(StringComparer.Ordinal);
        var ordered = Enumerable.Range(0, _units.Count).OrderBy(k => _units[k].ContentStart).ToList();
        foreach (var k in ordered)
        {
            var u = _units[k];
            if (u.ContentEnd <= u.ContentStart) continue;
            var range = new TextRange(u.ContentStart, u.ContentEnd);
            var text = _doc.Text[u.ContentStart..u.ContentEnd];
            var prior = u.Parent >= 0 ? LanguageOf(_units[u.Parent]) : ParagraphLanguage(u.Para);
            var lang = LanguageOf(u, prior);
            if (u.Speaker is { Known: null, CanSpeak: true } r && !newEntities.ContainsKey(r.Name))
                newEntities[r.Name] = new EntityRecord(r.Name, r.Kind, AliasesOf(r)) { Gender = r.Gender };
            quotes.Add(new ExtractedQuote(range, text, u.Speaker?.Name, u.SpeakerText, u.Cue, u.Via, u.Kind, lang, _docParagraph[u.Para], SentenceAt(u.ContentStart)));
        }
        return new QuoteExtraction(quotes, [.. newEntities.Values], Mentions(newEntities));
    }

    readonly Dictionary<int, string> _narrationLanguage = [];

    /// <summary>The language of a paragraph's own words, its quotations left out: a long English quotation must not
    /// make the Swedish sentence around a short fragment English. Falls back to the document's language.</summary>
    string ParagraphLanguage(int para)
    {
        if (_narrationLanguage.TryGetValue(para, out var known)) return known;
        var info = _paras[para].Info;
        var prior = info.Lang.Code == "und" ? _doc.Lang.Code : info.Lang.Code;
        var text = _doc.Text;
        // The narration: the paragraph's text outside its top-level quotations, the pieces joined by a space.
        var tops = new List<int>();
        foreach (var k in _unitsOf[para])
        {
            if (_units[k].Parent >= 0) continue;
            // A stable insertion by start: quotations at the same start keep their order.
            int at0 = tops.Count;
            while (at0 > 0 && _units[tops[at0 - 1]].ContentStart > _units[k].ContentStart) at0--;
            tops.Insert(at0, k);
        }
        // Each piece before a quotation is followed by a space; the piece after the last one is not.
        var pieces = new List<(TextRange Range, bool Space)>(tops.Count + 1);
        int at = info.Range.Start, narrationLength = 0;
        foreach (var k in tops)
        {
            var u = _units[k];
            if (u.ContentStart > at) { pieces.Add((new TextRange(at, u.ContentStart), true)); narrationLength += u.ContentStart - at + 1; }
            at = Math.Max(at, u.ContentEnd);
        }
        if (info.Range.End > at) { pieces.Add((new TextRange(at, info.Range.End), false)); narrationLength += info.Range.End - at; }
        // The paragraph's verdict stands when narration makes up most of it; when quotations do, the narration is
        // judged alone, or, too short to judge, framed by the document's language.
        int quoted = info.Range.Length - narrationLength;
        string lang;
        if (quoted * 2 <= info.Range.Length) lang = prior;
        else if (NarrationWords(text, pieces) >= MinNarrationWords)
        {
            var sb = new System.Text.StringBuilder(narrationLength);
            foreach (var (r, space) in pieces)
            {
                sb.Append(text, r.Start, r.Length);
                if (space) sb.Append(' ');
            }
            lang = _work.IdentifyLanguage(sb.ToString().AsMemory(), _doc.Lang.Code);
        }
        else lang = _doc.Lang.Code;
        _narrationLanguage[para] = lang;
        return lang;
    }

    /// <summary>Words of the narration that start with a letter: pieces split at spaces and line breaks (the space
    /// that joins two pieces splits too).</summary>
    static int NarrationWords(string text, List<(TextRange Range, bool Space)> pieces)
    {
        int words = 0;
        foreach (var (r, _) in pieces)
        {
            bool inWord = false;
            for (int i = r.Start; i < r.End; i++)
            {
                char c = text[i];
                if (c is ' ' or '\n') { inWord = false; continue; }
                if (!inWord && char.IsLetter(c)) words++;
                inWord = true;
            }
        }
        return words;
    }

    string LanguageOf(QuoteUnit u, string? prior = null)
    {
        prior ??= ParagraphLanguage(u.Para);
        int words = 0;
        var t = _doc.Text;
        for (int i = u.ContentStart; i < u.ContentEnd; i++)
            if (char.IsLetter(t[i]) && (i == u.ContentStart || !char.IsLetter(t[i - 1]))) words++;
        return words < MinWordsForLanguage ? prior : _work.IdentifyLanguage(t.AsMemory(u.ContentStart, u.ContentEnd - u.ContentStart), prior);
    }

    static IReadOnlyList<string> AliasesOf(Referent r)
    {
        var parts = r.Name.Split(' ');
        if (!r.IsPerson || parts.Length < 2) return [r.Name];
        // The surname with its particles: "van Halst", "von der Leyen", "Le Pen".
        int s = parts.Length - 1;
        while (s > 1 && parts[s - 1].Length <= 3 && (char.IsLower(parts[s - 1][0]) || parts[s - 1] is "Le" or "La" or "De" or "Van" or "Von")) s--;
        return [r.Name, string.Join(' ', parts[s..])];
    }

    int SentenceAt(int offset)
    {
        var s = _doc.Sentences;
        int lo = 0, hi = s.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (s[mid].Range.Start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    List<EntityMention> Mentions(Dictionary<string, EntityRecord> newEntities)
    {
        var list = new List<EntityMention>();
        var text = _doc.Text;
        foreach (var p in _paras)
            foreach (var h in p.Hits)
            {
                int s = p.Tokens[h.TokStart].Start, e = p.Tokens[h.TokEnd - 1].End;
                list.Add(new EntityMention(h.Entity.Name, new TextRange(s, e), text[s..e]));
            }
        var seen = new HashSet<(int, int)>();
        foreach (var (para, start, end, r) in _names)
        {
            if (!newEntities.ContainsKey(r.Name)) continue;
            var p = _paras[para];
            // The name itself, without a title that came with it ("Statsminister Jonas Gahr Støre").
            int s = start;
            while (s < end && !p.Tokens[s].IsCapitalized) s++;
            while (s < end - 1 && (p.RoleAt(s) is not null || p.FactsAt(s).IsHonorific || p.Tokens[s].Is('.'))) s++;
            if (s >= end || !seen.Add((p.Tokens[s].Start, p.Tokens[end - 1].End))) continue;
            int cs = p.Tokens[s].Start, ce = p.Tokens[end - 1].End;
            list.Add(new EntityMention(r.Name, new TextRange(cs, ce), text[cs..ce]));
        }
        list.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return list;
    }
}
