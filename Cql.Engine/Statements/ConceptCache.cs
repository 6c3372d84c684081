namespace Cql.Engine.Statements;

/// <summary>
/// A grouper's memory of the lexicon: the concepts of each (language, word) worked out once, looked up by span, so a
/// word seen before costs one lookup and no allocation. One per grouper: the shared lexicon is never written.
/// </summary>
sealed class ConceptCache(StatementLexicon lexicon)
{
    // A function word is cached as no concepts; every content word has one at least (its own letters).
    static readonly uint[] FunctionWord = [];
    readonly Dictionary<string, Dictionary<string, uint[]>> _byLang = new(StringComparer.Ordinal);
    string? _lang;
    Dictionary<string, uint[]>.AlternateLookup<ReadOnlySpan<char>> _words;

    /// <summary>The concepts of a lowercased word (<see cref="StatementLexicon.Concepts"/>), null for a function word.</summary>
    public uint[]? Of(string lang, ReadOnlySpan<char> word)
    {
        if (!ReferenceEquals(lang, _lang) && lang != _lang)
        {
            if (!_byLang.TryGetValue(lang, out var words)) _byLang[lang] = words = new(StringComparer.Ordinal);
            _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
            _lang = lang;
        }
        if (!_words.TryGetValue(word, out var concepts))
        {
            var w = word.ToString();
            concepts = lexicon.IsStopword(lang, w) ? FunctionWord : lexicon.Concepts(lang, w);
            _words.Dictionary[w] = concepts;
        }
        return concepts.Length == 0 ? null : concepts;
    }
}
