namespace Cql.Engine.Quotes;

/// <summary>
/// German organisations named in the genitive ("Nach Angaben des Kultusministeriums", "ein Sprecher des Verbandes"):
/// the speaker is the organisation's base form, the one users count by and annotators write ("Kultusministerium").
/// </summary>
internal static class GermanGenitive
{
    /// <summary>How many letters of a genitive ending -s or -es to read off <paramref name="lower"/> (a lower-case word)
    /// so that it ends in an organisation word ("kultusministeriums" → 1, "verbandes" → 2), or 0 when it is no
    /// organisation word in the genitive.</summary>
    public static int OrganisationEnding(string lower)
    {
        if (lower.Length < 5 || lower[^1] != 's' || OrganisationWords.EndsIn(lower)) return 0;
        if (lower[^2] == 'e' && OrganisationWords.EndsIn(lower.AsSpan(0, lower.Length - 2))) return 2;
        return OrganisationWords.EndsIn(lower.AsSpan(0, lower.Length - 1)) ? 1 : 0;
    }

    /// <summary><paramref name="lower"/> without its genitive ending when it is an organisation word in the genitive
    /// ("kultusministeriums" → "kultusministerium"), else as it is.</summary>
    public static string BaseForm(string lower) => lower[..^OrganisationEnding(lower)];
}
