using Cql.Engine.Language;
using Cql.Engine.Text;

namespace Cql.Engine.Ingest;

/// <summary>
/// Raw article → <see cref="AnalyzedDocument"/>: paragraphs, title and date, boilerplate flags, sentences, and the
/// language of the document, of every paragraph and of every sentence. Its only state is the caller's
/// <see cref="AnalysisContext"/>: thread-safe when each thread brings its own.
/// </summary>
public static class DocumentAnalyzer
{
    /// <summary>Below this confidence the text's own verdict is in doubt, and a page's declared language is heard.</summary>
    const float DeclaredLanguageDoubt = 0.9f;
    /// <summary>How much a declared language is believed before the text is read.</summary>
    const float DeclaredLanguageWeight = 0.7f;

    /// <summary>Analyses plain text with no metadata (tests, the quote harness).</summary>
    public static AnalyzedDocument Analyze(string source, string text) => Analyze(new RawArticle(source, text, "utf-8"));

    /// <summary>Analyses one article with a context of its own (for callers that analyse now and then).</summary>
    public static AnalyzedDocument Analyze(RawArticle article) => Analyze(article, new AnalysisContext());

    /// <summary>Analyses one article, reusing <paramref name="context"/>'s buffers and caches.</summary>
    public static AnalyzedDocument Analyze(RawArticle article, AnalysisContext context)
    {
        var text = article.Text;
        var ranges = ParagraphSplitter.Split(text);
        var header = HeaderDetector.Detect(text, ranges, article.Title);
        ExcludeBodyDateLine(text, ranges, header);
        var flags = BoilerplateDetector.Classify(text, ranges, header);

        // The document's language comes from its body: banners and captions in another language (the German
        // "Transparenz" banner atop a Norwegian article) must not outvote it.
        // Read once into words: the body, every paragraph and every sentence are scored from them.
        var model = LanguageModel.Default;
        // The worker's pool learns the document's words here, so quote extraction and the tokens table find them by
        // position after.
        context.Words.BeginDocument(text);
        var words = model.ReadWords(text, context.Language, context.DocumentWords, context.Words);
        var docLang = article.Lang is { Length: > 0 } given ? new LanguageGuess(given, 1f) : IdentifyBody(model, words, text, ranges, flags);
        // A page's declared language is often a template's default ("en" on a site's every page): it may only tip
        // a verdict the text leaves in doubt, never overrule a clear one.
        if (article.Lang is null && article.LangPrior is { Length: > 0 } declared && docLang.Confidence < DeclaredLanguageDoubt)
            docLang = model.Identify(text, new LanguageGuess(declared, DeclaredLanguageWeight), words.Workspace);

        var paragraphs = new List<ParagraphInfo>(ranges.Count);
        var sentences = new List<SentenceInfo>(ranges.Count * 3);
        var sentenceRanges = new List<TextRange>();
        for (int p = 0; p < ranges.Count; p++)
        {
            var r = ranges[p];
            var paraLang = model.Identify(words, r.Start, r.End, docLang);
            paragraphs.Add(new ParagraphInfo(r, paraLang, flags[p].IsBoilerplate, flags[p].Kind));
            sentenceRanges.Clear();
            // Abbreviation lists are per language; a paragraph too short to identify splits by the document's.
            SentenceSplitter.Split(text, r, paraLang.Code == LanguageGuess.Unknown.Code ? docLang.Code : paraLang.Code, sentenceRanges);
            foreach (var s in sentenceRanges)
            {
                // One-sentence paragraphs share the paragraph's verdict; others are judged with it as the prior.
                var sentLang = s == r ? paraLang : model.Identify(words, s.Start, s.End, paraLang);
                sentences.Add(new SentenceInfo(s, p, sentLang));
            }
        }
        return new AnalyzedDocument(article.Source, text, article.Title ?? header.Title, article.Date ?? header.Date, docLang, paragraphs, sentences);
    }

    /// <summary>A date line opening a body paragraph (" date 2022-06 For andre gang …") is the article's metadata,
    /// kept in docs.date: the paragraph, its sentences and words start after it.</summary>
    static void ExcludeBodyDateLine(string text, List<TextRange> ranges, DocumentHeader header)
    {
        var line = header.BodyDateLine;
        if (line.Length == 0) return;
        for (int p = 0; p < ranges.Count; p++)
        {
            if (ranges[p].Start != line.Start) continue;
            int start = TextChars.SkipSpaces(text, line.End, ranges[p].End);
            if (start < ranges[p].End) ranges[p] = new TextRange(start, ranges[p].End);
            return;
        }
    }

    /// <summary>The language of the body: its paragraphs joined by line breaks (in a pooled buffer), or the whole
    /// text when every paragraph is boilerplate.</summary>
    static LanguageGuess IdentifyBody(LanguageModel model, WordScorer.TextWords words, string text, List<TextRange> ranges, BoilerplateFlag[] flags)
    {
        int length = 0, count = 0;
        for (int i = 0; i < ranges.Count; i++)
            if (!flags[i].IsBoilerplate) { length += ranges[i].Length + 1; count++; }
        if (length == 0) return model.Identify(text, LanguageGuess.Unknown, words.Workspace);
        var body = System.Buffers.ArrayPool<TextRange>.Shared.Rent(count);
        for (int i = 0, k = 0; i < ranges.Count; i++)
            if (!flags[i].IsBoilerplate) body[k++] = ranges[i];
        bool replayed = model.TryIdentifyJoined(words, body.AsSpan(0, count), out var replayedGuess);
        System.Buffers.ArrayPool<TextRange>.Shared.Return(body);
        if (replayed) return replayedGuess;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        int at = 0;
        for (int i = 0; i < ranges.Count; i++)
        {
            if (flags[i].IsBoilerplate) continue;
            text.CopyTo(ranges[i].Start, buffer, at, ranges[i].Length);
            at += ranges[i].Length;
            buffer[at++] = '\n';
        }
        var guess = model.Identify(buffer.AsSpan(0, length), LanguageGuess.Unknown, words.Workspace);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return guess;
    }
}
