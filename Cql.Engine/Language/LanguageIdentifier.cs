using Cql.Engine.Ingest;

namespace Cql.Engine.Language;

/// <summary>
/// Identifies the language of a text (ISO 639-1), with a confidence in [0, 1]. PLACEHOLDER: counts function words
/// of a few languages; the real model replaces it.
/// </summary>
public static class LanguageIdentifier
{
    static readonly (string Lang, string[] Words)[] Profiles =
    [
        ("no", ["og", "ikke", "det", "er", "på", "som", "til", "med", "av", "for", "sier", "etter", "ifølge", "har", "skal"]),
        ("sv", ["och", "inte", "det", "är", "på", "som", "till", "med", "av", "för", "att", "sade", "säger", "enligt", "har"]),
        ("da", ["og", "ikke", "det", "er", "på", "som", "til", "med", "af", "for", "siger", "efter", "ifølge", "har", "skal"]),
        ("de", ["und", "nicht", "der", "die", "das", "ist", "mit", "von", "für", "sagte", "laut", "auf", "den", "zu", "ein"]),
        ("it", ["e", "non", "il", "la", "di", "che", "per", "con", "del", "della", "secondo", "ha", "è", "una", "un"]),
        ("en", ["and", "not", "the", "is", "of", "to", "with", "for", "said", "that", "on", "was", "a", "in", "by"]),
    ];

    /// <summary>The language of <paramref name="text"/> with no prior.</summary>
    public static LanguageGuess Identify(ReadOnlySpan<char> text) => Identify(text, LanguageGuess.Unknown);

    /// <summary>The language of <paramref name="text"/>; short or unclear text falls back to <paramref name="prior"/>
    /// (the document's or paragraph's verdict).</summary>
    public static LanguageGuess Identify(ReadOnlySpan<char> text, LanguageGuess prior)
    {
        var words = new List<string>();
        foreach (var w in text.ToString().ToLowerInvariant().Split([' ', '\n', ',', '.', '"', '«', '»', '“', '”', '„'], StringSplitOptions.RemoveEmptyEntries))
            words.Add(w);
        string best = prior.Code;
        int bestScore = 0;
        foreach (var (lang, profile) in Profiles)
        {
            int score = 0;
            foreach (var w in words) if (Array.IndexOf(profile, w) >= 0) score++;
            if (score > bestScore) { best = lang; bestScore = score; }
        }
        return bestScore == 0 ? prior : new LanguageGuess(best, Math.Min(1f, bestScore / 5f));
    }
}
