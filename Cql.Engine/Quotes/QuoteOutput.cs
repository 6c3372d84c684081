using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>What extraction hands back for one document, from its <see cref="FoundQuotes"/>: the quotations in text
/// order with their language, the entity mentions, and the speakers the gazetteer did not know.</summary>
internal sealed class QuoteOutput(AnalyzedDocument doc, FoundQuotes found, QuoteWorkspace work)
{
    /// <summary>Fragments this short are framed by their sentence's grammar: no identifier can tell their language.</summary>
    const int MinWordsForLanguage = 5;
    const int MinNarrationWords = 8;

    List<QuoteUnit> Units => found.Units;

    public QuoteExtraction Build()
    {
        var quotes = new List<ExtractedQuote>(Units.Count);
        var newEntities = new Dictionary<string, EntityRecord>(StringComparer.Ordinal);
        var ordered = Enumerable.Range(0, Units.Count).OrderBy(k => Units[k].ContentStart).ToList();
        foreach (var k in ordered)
        {
            var u = Units[k];
            if (u.ContentEnd <= u.ContentStart || u.Absorbed) continue;
            var range = new TextRange(u.ContentStart, u.ContentEnd);
            var text = doc.Text[u.ContentStart..u.ContentEnd];
            var prior = u.Parent >= 0 ? LanguageOf(Units[u.Parent]) : ParagraphLanguage(u.Para);
            var lang = LanguageOf(u, prior);
            if (u.Speaker is { Known: null, CanSpeak: true } r && !newEntities.ContainsKey(r.Name))
                newEntities[r.Name] = new EntityRecord(r.Name, r.Kind, AliasesOf(r)) { Gender = r.Gender };
            var kind = u.IsTerm ? "term" : u.Kind;
            var quote = new ExtractedQuote(range, text, u.Speaker?.Name, u.SpeakerText, u.Cue, u.Via, kind, lang,
                found.Paragraphs[u.Para].DocumentParagraph, SentenceAt(u.ContentStart), u.SpeakerRole, CueLemmas.Of(u.Cue, ParagraphLanguage(u.Para)),
                found.Paragraphs[u.Para].Context.Info.Boilerplate, Joint: u.CoSpeakers is not null);
            quotes.Add(quote);
            // A joint statement: one row per speaker, the same words and range.
            if (u.CoSpeakers is { } others)
                foreach (var o in others)
                {
                    if (o.Known is null && o.CanSpeak && !newEntities.ContainsKey(o.Name))
                        newEntities[o.Name] = new EntityRecord(o.Name, o.Kind, AliasesOf(o)) { Gender = o.Gender };
                    quotes.Add(quote with { Speaker = o.Name });
                }
        }
        return new QuoteExtraction(quotes, [.. newEntities.Values], Mentions(newEntities));
    }

    readonly Dictionary<int, string> _narrationLanguage = [];

    /// <summary>The language of a paragraph's own words, its quotations left out: a long English quotation must not
    /// make the Swedish sentence around a short fragment English. Falls back to the document's language.</summary>
    string ParagraphLanguage(int para)
    {
        if (_narrationLanguage.TryGetValue(para, out var known)) return known;
        var info = found.Paragraphs[para].Context.Info;
        var prior = info.Lang.Code == "und" ? doc.Lang.Code : info.Lang.Code;
        var text = doc.Text;
        // The narration: the paragraph's text outside its top-level quotations, the pieces joined by a space.
        var tops = new List<int>();
        foreach (var k in found.UnitsOf(para))
        {
            // Indirect speech is the paragraph's own narration.
            if (Units[k].Parent >= 0 || Units[k].Style == "indirect") continue;
            // A stable insertion by start: quotations at the same start keep their order.
            int at0 = tops.Count;
            while (at0 > 0 && Units[tops[at0 - 1]].ContentStart > Units[k].ContentStart) at0--;
            tops.Insert(at0, k);
        }
        // Each piece before a quotation is followed by a space; the piece after the last one is not.
        var pieces = new List<(TextRange Range, bool Space)>(tops.Count + 1);
        int at = info.Range.Start, narrationLength = 0;
        foreach (var k in tops)
        {
            var u = Units[k];
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
            lang = work.IdentifyLanguage(sb.ToString().AsMemory(), doc.Lang.Code);
        }
        else lang = doc.Lang.Code;
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
        var t = doc.Text;
        for (int i = u.ContentStart; i < u.ContentEnd; i++)
            if (char.IsLetter(t[i]) && (i == u.ContentStart || !char.IsLetter(t[i - 1]))) words++;
        return words < MinWordsForLanguage ? prior : work.IdentifyLanguage(t.AsMemory(u.ContentStart, u.ContentEnd - u.ContentStart), prior);
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
        var s = doc.Sentences;
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
        var text = doc.Text;
        foreach (var para in found.Paragraphs)
            foreach (var h in para.Context.Hits)
            {
                int s = para.Context.Tokens[h.TokStart].Start, e = para.Context.Tokens[h.TokEnd - 1].End;
                list.Add(new EntityMention(h.Entity.Name, new TextRange(s, e), text[s..e]));
            }
        var seen = new HashSet<(int, int)>();
        foreach (var (para, start, end, r) in found.NamesMet)
        {
            if (!newEntities.ContainsKey(r.Name)) continue;
            var p = found.Paragraphs[para].Context;
            // The name itself, without a title that came with it ("Statsminister Jonas Gahr Støre").
            int s = start;
            while (s < end && !p.Tokens[s].IsCapitalized) s++;
            while (s < end - 1 && (p.RoleAt(s) is not null || p.FactsAt(s).IsHonorific || p.FactsAt(s).IsTitleAbbreviation || p.Tokens[s].Is('.'))) s++;
            if (s >= end || !seen.Add((p.Tokens[s].Start, p.Tokens[end - 1].End))) continue;
            int cs = p.Tokens[s].Start, ce = p.Tokens[end - 1].End;
            list.Add(new EntityMention(r.Name, new TextRange(cs, ce), text[cs..ce]));
        }
        list.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return list;
    }
}
