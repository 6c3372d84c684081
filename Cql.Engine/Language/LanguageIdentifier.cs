namespace Cql.Engine.Language;

/// <summary>
/// Identifies the language of a text (ISO 639-1) with a calibrated confidence in [0, 1], using the model shipped in
/// Language/Data (a naive Bayes over character 1–5-grams and words; see scripts/langid/README.md). The model loads on
/// first use. Without a workspace a call is thread-safe and allocation-free; with one (a thread's own) words seen
/// before are scored from its cache, with the same verdicts.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>The language of <paramref name="text"/> with no prior: "und" when it has no letter, is in a script the
    /// model does not cover, or says too little to choose.</summary>
    public static LanguageGuess Identify(ReadOnlySpan<char> text) => LanguageModel.Default.Identify(text, LanguageGuess.Unknown);

    /// <summary>The language of <paramref name="text"/>; short or unclear text falls back to <paramref name="prior"/>
    /// (the document's or paragraph's verdict), which weighs as much as its confidence says.</summary>
    public static LanguageGuess Identify(ReadOnlySpan<char> text, LanguageGuess prior) => LanguageModel.Default.Identify(text, prior);

    /// <summary><see cref="Identify(ReadOnlySpan{char}, LanguageGuess)"/> with the words' evidence cached in
    /// <paramref name="words"/>, which only the calling thread may use.</summary>
    public static LanguageGuess Identify(ReadOnlySpan<char> text, LanguageGuess prior, LanguageWorkspace words) =>
        LanguageModel.Default.Identify(text, prior, words);
}
