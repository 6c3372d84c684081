namespace Cql.Engine.Core;

/// <summary>
/// How text is ordered by comparisons, `order by`, min and max: by Unicode code point, which is the order of UTF-8
/// bytes — DuckDB's order and the order of Parquet's text statistics. .NET's ordinal comparison orders UTF-16 units
/// instead, and the two disagree where a character above U+FFFF (a surrogate pair, e.g. 😀 or 𠀀) meets one in
/// U+E000–U+FFFF (e.g. fullwidth Ｚ, U+FFFD).
/// </summary>
public static class TextOrder
{
    public static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length.CompareTo(b.Length);
        return CodePointRank(a[common]).CompareTo(CodePointRank(b[common]));
    }

    /// <summary>Whether every character lies below the surrogates, where UTF-16 order and code point order agree:
    /// only then can text be compared with statistics whose writer may have used either.</summary>
    public static bool BelowSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\ud800', '\uffff') < 0;

    // Moves the surrogates above U+E000–U+FFFF and those down by as much, so that comparing units at the first
    // difference orders the code points they start (the fix-up ICU uses for code point order on UTF-16).
    static int CodePointRank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
