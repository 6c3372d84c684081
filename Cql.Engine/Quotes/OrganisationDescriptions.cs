using System.Collections.Frozen;
using Cql.Engine.LanguageData;
using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>Nouns an article uses for an organisation it has named: "the company", "selskabet", "la empresa", "der
/// Verein" (<c>organisation-words.tsv</c>, class <c>description</c>).</summary>
internal static class OrganisationDescriptions
{
    static readonly FrozenSet<string> Nouns = LanguageFiles.Entries("organisation-words.tsv", "description").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The word and the stems its definite endings leave ("selskabet" → "selskab", "forbundet" → "forbund").</summary>
    public static IEnumerable<string> Stems(string w)
    {
        yield return w;
        foreach (var end in (string[])["et", "en", "a", "n"])
            if (w.Length >= end.Length + 4 && w.EndsWith(end, StringComparison.Ordinal)) yield return w[..^end.Length];
    }

    /// <summary>The pooled word is such a noun (the verdict kept in its notes: asked of the word before every name).</summary>
    public static bool Is(PooledWord word)
    {
        var notes = QuoteWordNotes.Of(word);
        return notes.OrganisationDescription ??= Contains(Stems(word.Lower));
    }

    /// <summary>The lower-case word, or one of its stems without a definite ending, is such a noun.</summary>
    public static bool Contains(IEnumerable<string> stems)
    {
        foreach (var s in stems)
            if (Nouns.Contains(s)) return true;
        return false;
    }
}
