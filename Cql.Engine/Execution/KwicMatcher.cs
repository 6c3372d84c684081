namespace Cql.Engine.Execution;

/// <summary>
/// Finds a phrase of whole words in a text: words and case-insensitivity are <see cref="WordRules"/>'s; `*` in a
/// pattern word matches any run of characters (a lone `*` any one word).
/// </summary>
public sealed class KwicMatcher(IReadOnlyList<string> words)
{
    readonly string[] _words = [.. words.Select(WordRules.Lower)];
    readonly List<(int Start, int End)> _tokens = [];
    char[] _lower = [];

    /// <summary>The words of the last text given to <see cref="FindAll"/>, as (start, end) offsets.</summary>
    public IReadOnlyList<(int Start, int End)> Tokens => _tokens;

    /// <summary>Calls <paramref name="onMatch"/> with the first and last token index of every match.</summary>
    public void FindAll(ReadOnlySpan<char> text, Action<int, int> onMatch)
    {
        Tokenise(text);
        int w = _words.Length;
        if (w == 0) return;
        var lower = WordRules.LowerInto(text, ref _lower);
        for (int i = 0; i + w <= _tokens.Count; i++)
        {
            bool ok = true;
            for (int k = 0; k < w && ok; k++)
            {
                var (s, e) = _tokens[i + k];
                ok = WordRules.GlobMatches(_words[k], lower[s..e]);
            }
            if (ok) onMatch(i, i + w - 1);
        }
    }

    void Tokenise(ReadOnlySpan<char> text)
    {
        _tokens.Clear();
        int pos = 0;
        while (WordRules.NextWord(text, ref pos, out int start, out int end)) _tokens.Add((start, end));
    }
}
