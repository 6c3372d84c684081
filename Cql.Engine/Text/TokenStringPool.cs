namespace Cql.Engine.Text;

/// <summary>
/// One string per distinct token text, with its invariant lower case. Token texts repeat across paragraphs and
/// documents ("og", "Putin", ","): the quote tokenizer and the tokens table take them from here instead of allocating
/// two strings a token, and the writer's column buffers then hold long-lived strings rather than young ones the
/// collector must promote. One pool per ingest worker (in its analysis context), so workers share no state. Starts
/// over past <see cref="MaxEntries"/>: it holds a vocabulary, not a corpus.
/// </summary>
internal sealed class TokenStringPool
{
    internal const int MaxEntries = 100_000;

    readonly Dictionary<string, PooledWord> _words = new(StringComparer.Ordinal);
    readonly Dictionary<string, PooledWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TokenStringPool() => _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="text"/> and its lower case (string.ToLowerInvariant).</summary>
    public (string Text, string Lower) Get(ReadOnlySpan<char> text)
    {
        var word = Word(text);
        return (word.Text, word.Lower);
    }

    /// <summary>The pooled word equal to <paramref name="text"/>.</summary>
    public PooledWord Word(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var word)) return word;
        if (_words.Count >= MaxEntries) _words.Clear();
        var pooled = text.ToString();
        word = new PooledWord(pooled, pooled.ToLowerInvariant());
        _words[pooled] = word;
        return word;
    }
}
