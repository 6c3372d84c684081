using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

internal enum TokenKind : byte { Word, Punct, Mark, Dash }

/// <summary>A word, punctuation sign, quote mark or dash of a paragraph, with its offsets in the document text.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, PooledWord Word)
{
    public string Text => Word.Text;
    public string Lower => Word.Lower;
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsCapitalized => Kind == TokenKind.Word && char.IsUpper(Text[0]);
    public bool IsAllCaps
    {
        get
        {
            if (Kind != TokenKind.Word || Text.Length < 2) return false;
            foreach (var c in Text) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
            return char.IsLetter(Text[0]);
        }
    }
    public bool Is(char c) => Text.Length == 1 && Text[0] == c;
    /// <summary>A word in the English possessive ("Smith’s", "Tallis's").</summary>
    public bool IsPossessive => Text.EndsWith("’s", StringComparison.Ordinal) || Text.EndsWith("'s", StringComparison.Ordinal);
}

/// <summary>
/// Splits text into the tokens attribution reads. Apostrophes inside words stay in them ("Moscow’s", "don’t"),
/// elided articles split off by the same list as the tokens table's (<see cref="Elisions"/>: "l’Ucraina" → "l’",
/// "Ucraina"), and French inverted subjects too ("a-t-elle" → "a", "elle"), so cue verbs and pronouns are words of
/// their own. Unlike the tokens table's <see cref="Tokenizer"/> it keeps dots between letters apart ("z.B." → "z",
/// ".", "B", ".": attribution recognises abbreviations by their parts) except in initialisms ("U.S."), and
/// punctuation and quote marks are tokens too.
/// </summary>
internal static class QuoteTokenizer
{
    static readonly string[] InvertedSubjects = ["-t-elles", "-t-elle", "-t-ils", "-t-il", "-t-on", "-elles", "-elle", "-ils", "-il", "-on"];

    public static bool IsQuoteChar(char c) => c is '"' or '\'' or '«' or '»' or '„' or '“' or '”' or '‚' or '‘' or '’' or '‹' or '›';
    public static bool IsDashChar(char c) => c is '–' or '—' or '−';
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00a0' or '\u202f' or '\u2009';

    /// <summary>Adds the tokens of [<paramref name="start"/>, <paramref name="end"/>) to <paramref name="into"/>, their
    /// texts taken from <paramref name="pool"/>.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> into, TokenStringPool pool)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (IsSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                int j = WordEnd(text, i, end);
                AddWord(text, i, j, into, pool);
                i = j;
                continue;
            }
            if (IsQuoteChar(c)) into.Add(Make(text, i, i + 1, TokenKind.Mark, pool));
            else if (IsDashChar(c) || (c == '-' && (i + 1 >= end || IsSpace(text[i + 1])) && (i == start || IsSpace(text[i - 1]))))
                into.Add(Make(text, i, i + 1, TokenKind.Dash, pool));
            else into.Add(Make(text, i, i + 1, TokenKind.Punct, pool));
            i++;
        }
    }

    static int WordEnd(string text, int i, int end)
    {
        int j = i + 1;
        while (j < end)
        {
            char c = text[j];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) { j++; continue; }
            bool nextIsLetter = j + 1 < end && char.IsLetterOrDigit(text[j + 1]);
            if (c == '-' && nextIsLetter) { j++; continue; }
            if (c is '’' or '\'' && nextIsLetter && char.IsLetter(text[j - 1])) { j++; continue; }
            // Digit groups and decimals: 200.000, 37,5.
            if (c is '.' or ',' && char.IsDigit(text[j - 1]) && j + 1 < end && char.IsDigit(text[j + 1])) { j++; continue; }
            // Initialisms: U.S., U.S.A.
            if (c == '.' && char.IsUpper(text[j - 1]) && (j - 1 == i || text[j - 2] == '.') && j + 2 < end && char.IsUpper(text[j + 1]) && text[j + 2] == '.') { j += 2; continue; }
            // Swedish and Finnish genitives of abbreviations: USA:s, EU:n.
            if (c == ':' && j + 1 < end && text[j + 1] is 's' or 'n' && (j + 2 >= end || !char.IsLetter(text[j + 2])) && char.IsUpper(text[j - 1])) { j += 2; continue; }
            break;
        }
        // Keep the trailing period of an initialism ("U.S.").
        if (j < end && text[j] == '.' && j - i >= 3 && text[j - 2] == '.' && char.IsUpper(text[j - 1])) j++;
        return j;
    }

    static void AddWord(string text, int i, int j, List<Token> into, TokenStringPool pool)
    {
        // Elision: l’Ucraina, dell'Economia, d’après, c'est.
        for (int k = i + 1; k < j - 1; k++)
        {
            if (text[k] is not ('’' or '\'')) continue;
            if (Elisions.IsElided(text.AsSpan(i, k - i)))
            {
                into.Add(Make(text, i, k + 1, TokenKind.Word, pool));
                AddWord(text, k + 1, j, into, pool);
                return;
            }
            break;
        }
        // French inversion: ajoute-t-il, a-t-elle, dit-il.
        if (j - i > 3 && char.IsLower(text[i]) && text.AsSpan(i, j - i).Contains('-'))
        {
            var lower = LowerCase(text.AsSpan(i, j - i), stackalloc char[64]);
            foreach (var suffix in InvertedSubjects)
            {
                if (!lower.EndsWith(suffix, StringComparison.Ordinal) || lower.Length == suffix.Length) continue;
                int cut = j - suffix.Length;
                into.Add(Make(text, i, cut, TokenKind.Word, pool));
                int pron = text.LastIndexOf('-', j - 1, j - cut) + 1;
                into.Add(Make(text, pron, j, TokenKind.Word, pool));
                return;
            }
        }
        into.Add(Make(text, i, j, TokenKind.Word, pool));
    }

    /// <summary>The invariant lower case of a word (what string.ToLowerInvariant gives), in <paramref name="buffer"/>
    /// when it fits.</summary>
    static ReadOnlySpan<char> LowerCase(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) return word.ToString().ToLowerInvariant();
        int n = word.ToLowerInvariant(buffer);
        return buffer[..n];
    }

    static Token Make(string text, int s, int e, TokenKind kind, TokenStringPool pool)
    {
        return new Token(s, e, kind, pool.Word(text, s, e));
    }
}
