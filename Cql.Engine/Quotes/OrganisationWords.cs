using Cql.Engine.LanguageData;

namespace Cql.Engine.Quotes;

/// <summary>How a lower-case word relates to the organisation words: the reasons a name reads like an organisation's.</summary>
internal enum OrganisationWordMatch : byte { None, Contains, Ends }

/// <summary>
/// Words that make a name an organisation's ("Bund der Steuerzahler", "Göteborgs tingsrätt"): a word is one, ends in
/// one of four letters or more, or contains one of six letters or more. Asked for every word of every name read, and a
/// scan of the list costs a few hundred string comparisons, so each thread remembers the verdict per word (the words
/// are pooled token strings: the same few thousand come back).
/// </summary>
internal static class OrganisationWords
{
    static readonly string[] Words = LanguageFiles.Entries("organisation-words.tsv", "organisation");

    const int MaxCached = 100_000;
    [ThreadStatic] static Dictionary<string, OrganisationWordMatch>? t_verdicts;

    /// <summary>Ends when the word is an organisation word or ends in one; Contains when it only contains one.</summary>
    public static OrganisationWordMatch Match(string lower)
    {
        var verdicts = t_verdicts ??= new Dictionary<string, OrganisationWordMatch>(StringComparer.Ordinal);
        if (verdicts.TryGetValue(lower, out var known)) return known;
        if (verdicts.Count >= MaxCached) verdicts.Clear();
        return verdicts[lower] = Scan(lower);
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
