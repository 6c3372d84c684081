namespace Cql.Engine.Execution;

/// <summary>
/// The distinct lowercase words of a text collection, numbered in the order they are first seen, and the words of
/// one text as those numbers: what collocations and keywords count with. A word already seen is found by its span,
/// so reading a text allocates nothing but its new words.
/// </summary>
public sealed class WordVocabulary
{
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly List<string> _words = [];
    char[] _lower = [];

    public WordVocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _words.Count;

    /// <summary>The word numbered <paramref name="id"/>.</summary>
    public string this[int id] => _words[id];

    /// <summary>The number of a lowercase word, numbering it when new.</summary>
    public int IdOf(ReadOnlySpan<char> lowerWord)
    {
        if (_lookup.TryGetValue(lowerWord, out int id)) return id;
        var word = lowerWord.ToString();
        id = _words.Count;
        _ids.Add(word, id);
        _words.Add(word);
        return id;
    }

    /// <summary>Replaces <paramref name="ids"/> with the numbers of the words of <paramref name="text"/>, in order:
    /// <see cref="WordRules"/>' words, lowercased as `has` compares them.</summary>
    public void Read(ReadOnlySpan<char> text, List<int> ids)
    {
        ids.Clear();
        var lower = WordRules.LowerInto(text, ref _lower);
        int pos = 0;
        while (WordRules.NextWord(text, ref pos, out int start, out int end)) ids.Add(IdOf(lower[start..end]));
    }
}
