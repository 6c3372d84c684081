using System.Collections.Frozen;
using Cql.Engine.LanguageData;

namespace Cql.Engine.Quotes;

/// <summary>
/// "His office said", "Her office said in a statement", "Gov. Maureen Tallis's office said", "according to her
/// department": an office, a campaign or a ministry after a possessive speaks for the person who holds it, and every
/// blind annotation names that person (before, "the office" read as an organisation noun and went to the organisation
/// the article was about). Nouns: class <c>personal-office</c> of <c>organisation-words.tsv</c>.
/// </summary>
internal static class PersonalOffice
{
    static readonly FrozenSet<string> Nouns = LanguageFiles.Entries("organisation-words.tsv", "personal-office").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The gender of the person an English possessive determiner points to: "his" a man, "her" a woman
    /// ("their" may be a group: it names no one person).</summary>
    static readonly FrozenDictionary<string, char> Possessives = new Dictionary<string, char>(StringComparer.Ordinal) { ["his"] = 'm', ["her"] = 'f' }.ToFrozenDictionary();

    /// <summary>Whether <paramref name="lower"/> is such an office noun.</summary>
    public static bool IsNoun(string lower) => Nouns.Contains(lower);

    /// <summary>For a phrase of a possessive and an office noun: the gender of the possessive pronoun ('m', 'f'), '?'
    /// when a name in the possessive (<see cref="Phrase.Affiliation"/>) owns the office, null when the phrase is no such
    /// office.</summary>
    public static char? Owner(ParagraphContext p, Phrase ph)
    {
        if (ph.Kind != PhraseKind.Common || ph.End - ph.Start < 1 || !IsNoun(p.Tokens[ph.End - 1].Lower)) return null;
        if (ph.Affiliation is { IsPerson: true }) return '?';
        return ph.End - ph.Start == 2 && Possessives.TryGetValue(p.Tokens[ph.Start].Lower, out var g) ? g : null;
    }
}
