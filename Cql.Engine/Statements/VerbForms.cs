namespace Cql.Engine.Statements;

/// <summary>
/// The citation forms a conjugated verb may come from, per language: the word lists give verbs as infinitives
/// ("parlare", "hablar", "tala"), quotes conjugate them ("parlano", "hablaban", "talade"), and the stem left by the
/// noun endings <see cref="StatementLexicon"/> strips is often too short or lacks the infinitive's ending. Each ending
/// is cut (longest first, three letters of stem at least) and each infinitive ending tried on what is left; the first
/// form the list has wins. Only words no other lookup found come here.
/// </summary>
static class VerbForms
{
    /// <summary>Per language: the conjugated endings (longest first) and the infinitive endings to put back.</summary>
    static readonly Dictionary<string, (string[] Cut, string[] Put)> Rules = new(StringComparer.Ordinal)
    {
        ["it"] = (Longest(["erebbero", "eranno", "iranno", "erebbe", "irebbe", "avano", "evano", "ivano", "iamo", "ando", "endo", "erà",
            "irà", "ano", "ono", "ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ava", "eva", "iva", "ò", "a", "e", "i", "o"]),
            ["are", "ere", "ire"]),
        ["es"] = (Longest(["aron", "ieron", "aban", "arán", "erán", "irán", "arían", "aría", "ando", "iendo", "ado", "ada", "ido", "ida",
            "aba", "ían", "ía", "ará", "án", "ó", "ió", "an", "en", "as", "es", "a", "e", "o"]), ["ar", "er", "ir", ""]),
        ["fr"] = (Longest(["eraient", "aient", "erait", "eront", "era", "ait", "ais", "ons", "ez", "ent", "ées", "és", "ée", "é", "es",
            "it", "is", "e", "t", "s"]), ["er", "ir", "re", "ire", "oir", "r", ""]),
        ["de"] = (Longest(["ten", "tet", "te", "est", "et", "st", "en", "t", "e", "n"]), ["en", "n"]),
        ["nl"] = (Longest(["den", "ten", "de", "te", "en", "t"]), ["en"]),
        ["sv"] = (Longest(["ade", "ar", "er", "as", "es", "de", "te", "t", "r", "s"]), ["a", "e"]),
        ["no"] = (Longest(["et", "er", "es", "te", "de", "r", "s"]), ["e", "a"]),
        ["nb"] = (Longest(["et", "er", "es", "te", "de", "r", "s"]), ["e", "a"]),
        ["nn"] = (Longest(["ar", "er", "et", "te", "de", "r", "s"]), ["a", "e"]),
        ["da"] = (Longest(["ede", "er", "es", "et", "te", "de", "r", "s"]), ["e"]),
    };

    const int MinStem = 3;

    static string[] Longest(string[] endings) => [.. endings.OrderByDescending(e => e.Length)];

    /// <summary>The translations of a conjugated verb's citation form, null when no rule of the language finds one.</summary>
    public static uint[]? Find(string lang, Dictionary<string, uint[]> words, string word)
    {
        if (!Rules.TryGetValue(lang, out var rule)) return null;
        foreach (var cut in rule.Cut)
        {
            if (word.Length - cut.Length < MinStem || !word.EndsWith(cut, StringComparison.Ordinal)) continue;
            var stem = word[..^cut.Length];
            foreach (var put in rule.Put)
                if (words.TryGetValue(stem + put, out var t)) return t;
        }
        return null;
    }
}
