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

    /// <summary>Documents longer than this are not remembered by offset (the arrays grow to the longest one).</summary>
    const int MaxRememberedChars = 1 << 20;
    // The words taken by offset from the document being analysed (Word(string, int, int)), by start offset: language
    // identification reads every word of a document first, and the quote tokenizer and the tokens table's tokenizer,
    // cutting most of the same words again, then find them here by position instead of hashing and comparing each
    // again.
    string? _document;
    PooledWord?[] _byStart = [];
    int[] _endAt = [];

    /// <summary>Starts remembering the words of <paramref name="document"/> taken by offset, forgetting the last
    /// document's.</summary>
    public void BeginDocument(string document)
    {
        _document = null;
        if (document.Length > MaxRememberedChars) return;
        if (_byStart.Length < document.Length)
        {
            _byStart = new PooledWord?[Math.Max(document.Length, Math.Min(MaxRememberedChars, _byStart.Length * 2))];
            _endAt = new int[_byStart.Length];
        }
        else Array.Clear(_byStart, 0, document.Length);
        _document = document;
    }

    /// <summary>The pooled word equal to <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>),
    /// found by its position when <paramref name="text"/> is the document begun and the same range was taken before.</summary>
    public PooledWord Word(string text, int start, int end)
    {
        if (!ReferenceEquals(text, _document)) return Word(text.AsSpan(start, end - start));
        if (_byStart[start] is { } known && _endAt[start] == end) return known;
        var word = Word(text.AsSpan(start, end - start));
        _byStart[start] = word;
        _endAt[start] = end;
        return word;
    }

    /// <summary>The pooled string equal to <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>)
    /// and its lower case (string.ToLowerInvariant), as <see cref="Word(string, int, int)"/> finds it.</summary>
    public (string Text, string Lower) Get(string text, int start, int end)
    {
        var word = Word(text, start, end);
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
