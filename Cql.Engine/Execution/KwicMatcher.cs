namespace Cql.Engine.Execution;

/// <summary>
/// Finds a phrase of whole words in a text: words are runs of letters and digits, compared case-insensitively;
/// `*` in a pattern word matches any run of characters (a lone `*` any one word).
/// </summary>
public sealed class KwicMatcher(IReadOnlyList<string> words)
{
    readonly string[] _words = [.. words];
    readonly List<(int Start, int End)> _tokens = [];

    /// <summary>The words of the last text given to <see cref="FindAll"/>, as (start, end) offsets.</summary>
    public IReadOnlyList<(int Start, int End)> Tokens => _tokens;

    /// <summary>Calls <paramref name="onMatch"/> with the first and last token index of every match.</summary>
    public void FindAll(ReadOnlySpan<char> text, Action<int, int> onMatch)
    {
        Tokenise(text);
        int w = _words.Length;
        if (w == 0) return;
        for (int i = 0; i + w <= _tokens.Count; i++)
        {
            bool ok = true;
            for (int k = 0; k < w && ok; k++)
            {
                var (s, e) = _tokens[i + k];
                ok = WordMatches(_words[k], text[s..e]);
            }
            if (ok) onMatch(i, i + w - 1);
        }
    }

    void Tokenise(ReadOnlySpan<char> text)
    {
        _tokens.Clear();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) _tokens.Add((start, i));
        }
    }

    /// <summary>Case-insensitive glob match of one word.</summary>
    public static bool WordMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> word)
    {
        int star = pattern.IndexOf('*');
        if (star < 0) return pattern.Equals(word, StringComparison.OrdinalIgnoreCase);
        var head = pattern[..star];
        if (!word.StartsWith(head, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = pattern[(star + 1)..];
        var tail = word[head.Length..];
        // Try every split point for the rest of the pattern (patterns are short).
        for (int i = 0; i <= tail.Length; i++)
            if (WordMatches(rest, tail[i..])) return true;
        return false;
    }
}
