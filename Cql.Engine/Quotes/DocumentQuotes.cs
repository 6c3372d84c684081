using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Quote extraction for one document, job by job over one <see cref="FoundQuotes"/>: the paragraphs are read
/// (<see cref="ParagraphContext"/>), <see cref="QuoteDetector"/> finds the quotations, <see cref="QuoteAttribution"/>
/// decides who said them (in reading order, with the <see cref="Discourse"/> of who was named before), and
/// <see cref="QuoteOutput"/> reports quotes, entity mentions, and speakers the gazetteer did not know.
/// </summary>
internal sealed class DocumentQuotes
{
    readonly AnalyzedDocument _doc;
    readonly QuoteLexicon _lex;
    readonly EntityIndex _entities;
    readonly QuoteWorkspace _work;
    readonly List<string> _languages;
    readonly bool _reversedGuillemets;

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
        var found = new FoundQuotes();
        for (int i = 0; i < _doc.Paragraphs.Count; i++)
        {
            var info = _doc.Paragraphs[i];
            var langs = new List<string>(_languages);
            if (_lex.Languages.ContainsKey(info.Lang.Code) && !langs.Contains(info.Lang.Code)) langs.Add(info.Lang.Code);
            foreach (var window in Windows(i, info))
                found.Paragraphs.Add(new QuoteParagraph(new ParagraphContext(found.Paragraphs.Count, window, _doc.Text, _lex, langs, _entities, _work), i));
        }
        TranscriptTurns.Mark(found, _doc.Text);
        AddressedInterview.Mark(found);
        var detector = new QuoteDetector(found, _doc.Text, _reversedGuillemets);
        foreach (var p in found.Paragraphs) detector.Detect(p.Context);
        var discourse = new Discourse();
        var attribution = new QuoteAttribution(found, discourse);
        foreach (var p in found.Paragraphs) attribution.Attribute(p.Context);
        new QuoteContinuation(found, discourse).HeadlinesFromBody(_doc.Text);
        var extraction = new QuoteOutput(_doc, found, _work).Build();
        // The extraction holds strings and ranges, never tokens: the paragraphs' lists can serve the next document.
        foreach (var p in found.Paragraphs) _work.TokenLists.Return(p.Context.Tokens);
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
}
