using Cql.Engine.Language;
using Cql.Engine.Quotes;
using Cql.Engine.Text;
using System.Runtime.InteropServices;

namespace Cql.Engine.Ingest;

/// <summary>
/// The buffers, caches and pools one ingest worker owns and reuses from document to document, handed to every
/// analyser (<see cref="DocumentAnalyzer"/>, language identification, <see cref="QuoteExtractor"/>) as a parameter.
/// Not thread-safe: the ingest pipeline makes one per worker thread; callers outside ingest make a short-lived one.
/// Each part and its bound:
/// <list type="bullet">
/// <item><see cref="Words"/>: one string per distinct token text, with its lower case, its language evidence and the
/// quote facts learnt about it; starts over past <see cref="TokenStringPool.MaxEntries"/> words.</item>
/// <item><see cref="Language"/>: each word's language evidence; starts over past
/// <see cref="LanguageWorkspace.MaxWords"/> words.</item>
/// <item><see cref="DocumentWords"/>: the words of the document being analysed, read once for the language of its body,
/// paragraphs and sentences; arrays past <see cref="WordScorer.TextWords.MaxKeptCapacity"/> words are not kept.</item>
/// <item><see cref="Quotes"/>: paragraphs' token lists, up to <see cref="TokenListPool.MaxKeptLists"/> lists of
/// <see cref="TokenListPool.MaxKeptCapacity"/> tokens, and quotation language bound to <see cref="Language"/>.</item>
/// <item><see cref="TokenRanges"/>: the document's token ranges for the tokens table; a list past
/// <see cref="MaxKeptTokens"/> is not kept.</item>
/// </list>
/// </summary>
public sealed class AnalysisContext
{
    const int MaxKeptTokens = 1 << 16;

    public AnalysisContext()
    {
        Words = new TokenStringPool();
        Quotes = new QuoteWorkspace(Words, IdentifyQuoteLanguage);
    }

    internal TokenStringPool Words { get; }
    public LanguageWorkspace Language { get; } = new();
    internal WordScorer.TextWords DocumentWords { get; } = new();
    public QuoteWorkspace Quotes { get; }

    List<TextRange> _tokenRanges = [];

    /// <summary>The list for a document's token ranges, emptied; the caller keeps an exact copy. A list grown past
    /// <see cref="MaxKeptTokens"/> is replaced, so one huge document does not pin its size for good.</summary>
    internal List<TextRange> TokenRanges()
    {
        if (_tokenRanges.Capacity > MaxKeptTokens) _tokenRanges = [];
        _tokenRanges.Clear();
        return _tokenRanges;
    }

    /// <summary>The language of a quotation, judged with the words around it as the prior (at half confidence). A
    /// quotation that is a range of the document being analysed is scored from the words its language identification
    /// has read already (<see cref="DocumentWords"/>: the same sums, without lowering and looking up each word again).</summary>
    string IdentifyQuoteLanguage(ReadOnlyMemory<char> text, string priorLang)
    {
        var prior = new LanguageGuess(priorLang, 0.5f);
        if (MemoryMarshal.TryGetString(text, out var whole, out int start, out int length) && ReferenceEquals(whole, DocumentWords.Text))
            return LanguageModel.Default.Identify(DocumentWords, start, start + length, prior).Code;
        return LanguageIdentifier.Identify(text.Span, prior, Language).Code;
    }
}
