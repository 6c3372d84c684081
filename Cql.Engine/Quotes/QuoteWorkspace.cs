using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// What one worker's quote extraction reuses from document to document: the pooled words its tokens are made of (each
/// carrying its <see cref="QuoteWordNotes"/>), the paragraphs' token lists, and the worker's way of identifying a
/// quotation's language (bound to the worker's own language cache). Not thread-safe: one per worker, handed to
/// <see cref="QuoteExtractor.Extract"/> with every document.
/// </summary>
public sealed class QuoteWorkspace
{
    /// <summary>A workspace over <paramref name="words"/> (shared with the worker's tokens table), identifying a
    /// quotation's language with <paramref name="identifyLanguage"/>: (text, the language of the words around it) →
    /// its language code.</summary>
    internal QuoteWorkspace(TokenStringPool words, Func<ReadOnlyMemory<char>, string, string> identifyLanguage)
    {
        Words = words;
        IdentifyLanguage = identifyLanguage;
    }

    internal TokenStringPool Words { get; }
    internal TokenListPool TokenLists { get; } = new();
    internal Func<ReadOnlyMemory<char>, string, string> IdentifyLanguage { get; }
}
