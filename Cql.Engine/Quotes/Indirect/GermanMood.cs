namespace Cql.Engine.Quotes;

/// <summary>
/// Konjunktiv I by its form: German reported speech puts the verb of the third person singular in the reporting mood,
/// the stem and "-e" ("Die Branche leide …", "er nehme …", "Dort befürchte man …"), too many verbs for a list. A
/// lowercase word of no known class ending in "-e" (not "-te": the past tense "sagte", "meldete"), right after a
/// capitalised word (a noun, a name) or a subject pronoun and not before a capitalised word (an adjective before its
/// noun: "hohe Energiepreise"), is taken for one. The first person ("ich glaube") has the same form; the reported-speech rules
/// that read the mood skip it.
/// </summary>
internal static class GermanMood
{
    /// <summary>Lowercase words ending in "-e" that are no verbs yet stand after a noun or a pronoun ("sie alle",
    /// "die Kinder heute").</summary>
    static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "alle", "beide", "keine", "diese", "jene", "welche", "solche", "meine", "deine", "unsere", "eure", "viele",
        "einige", "manche", "mehrere", "wenige", "andere", "gerne", "heute", "lange", "gerade", "bitte", "alleine",
        "ohne", "eine", "seine", "ihre", "ganze", "gleiche", "selbe", "ebenso", "beinahe", "nahe", "zwecke", "pleite",
    };

    /// <summary>Adds <see cref="WordClass.Subjunctive"/> to the classes of the tokens that look like Konjunktiv I.</summary>
    public static void Mark(List<Token> tokens, WordClass[] classes)
    {
        for (int i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (classes[i] != WordClass.None || !t.IsWord || t.IsCapitalized || !LooksLikeStemAndE(t.Text) || NotVerbs.Contains(t.Lower)) continue;
            var before = tokens[i - 1];
            const WordClass NoSubject = WordClass.DetDef | WordClass.DetIndef | WordClass.Preposition | WordClass.Oblique;
            bool subjectBefore = before.IsWord && (classes[i - 1] & NoSubject) == 0
                && (before.IsCapitalized || (classes[i - 1] & WordClass.SubjectPronoun) != 0);
            if (!subjectBefore || i + 1 < tokens.Count && tokens[i + 1].IsCapitalized) continue;
            classes[i] |= WordClass.Subjunctive;
        }
    }

    static bool LooksLikeStemAndE(string text) =>
        text.Length >= 4 && text[^1] == 'e' && text[^2] != 't' && char.IsLetter(text[^2]) && !text.Contains('-');
}
