using Cql.Engine.LanguageData;
using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>How a lower-case word relates to the organisation words: the reasons a name reads like an organisation's.</summary>
internal enum OrganisationWordMatch : byte { None, Contains, Ends }

/// <summary>
/// Words that make a name an organisation's ("Bund der Steuerzahler", "Göteborgs tingsrätt"): a word is one, ends in
/// one of four letters or more, or contains one of six letters or more. Asked for every word of every name read, and a
/// scan of the list costs a few hundred string comparisons, so the verdict is kept in the pooled word's notes (the
/// same few thousand words come back).
/// </summary>
internal static class OrganisationWords
{
    static readonly string[] Words = LanguageFiles.Entries("organisation-words.tsv", "organisation");

    /// <summary>Ends when the word is an organisation word or ends in one; Contains when it only contains one.</summary>
    public static OrganisationWordMatch Match(PooledWord word)
    {
        var notes = QuoteWordNotes.Of(word);
        return notes.Organisation ??= Scan(word.Lower);
    }

    /// <summary>The lower-case letters are an organisation word or end in one ("kultusministerium" once a genitive
    /// ending is read off: see <see cref="GermanGenitive"/>); not cached, for the few words that ask.</summary>
    public static bool EndsIn(ReadOnlySpan<char> lower)
    {
        foreach (var o in Words)
            if (lower.SequenceEqual(o) || o.Length >= 4 && lower.EndsWith(o, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The lower-case word is an organisation word itself ("ministerium", "polizei"), not a compound ending in
    /// one ("gesundheitsamt", listed because "amt" is too short to tell by its ending).</summary>
    public static bool IsWord(string lower)
    {
        if (Array.IndexOf(Words, lower) < 0) return false;
        foreach (var o in Words)
            if (o.Length >= 3 && o.Length < lower.Length && lower.EndsWith(o, StringComparison.Ordinal)) return false;
        return true;
    }

    static OrganisationWordMatch Scan(string w)
    {
        foreach (var o in Words)
            if (w == o || o.Length >= 4 && w.EndsWith(o, StringComparison.Ordinal)) return OrganisationWordMatch.Ends;
        foreach (var o in Words)
            if (o.Length >= 6 && w.Contains(o, StringComparison.Ordinal)) return OrganisationWordMatch.Contains;
        return OrganisationWordMatch.None;
    }
}
