namespace Cql.Engine.Text;

/// <summary>
/// The elided articles, prepositions and pronouns of Italian and French (l’, dell’, un’, qu’, jusqu’ …): a word
/// splits after one of these and its apostrophe, so "l’Ucraina" is "l’" + "Ucraina" and `has "Ucraina"`, token counts
/// and quote attribution all see the noun. The one list the tokens table's <see cref="Tokenizer"/> and the quote
/// tokenizer split by.
/// </summary>
internal static class Elisions
{
    /// <summary>The longest form ("ciascun").</summary>
    const int MaxLength = 7;

    /// <summary>Every form, in lower case.</summary>
    internal static readonly HashSet<string> Forms = new(StringComparer.Ordinal)
    {
        "l", "d", "j", "m", "n", "s", "t", "c", "v", "qu",
        "dell", "all", "dall", "nell", "sull", "coll", "pell", "un", "quest", "quell", "gl",
        "bell", "sant", "nessun", "ciascun", "buon", "tutt", "senz", "dov", "anch", "cos", "quand",
        "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/>, the letters before an apostrophe, is an elided form (in any case).</summary>
    public static bool IsElided(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxLength) return false;
        Span<char> lower = stackalloc char[MaxLength];
        int n = word.ToLowerInvariant(lower);
        return Lookup.Contains(lower[..n]);
    }
}
