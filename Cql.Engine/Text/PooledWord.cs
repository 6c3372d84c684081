namespace Cql.Engine.Text;

/// <summary>
/// A token text as <see cref="TokenStringPool"/> keeps it: one instance per distinct word and pool, so what an analysis
/// learns about the word is worked out once and hangs here, not looked up again at every token.
/// </summary>
internal sealed class PooledWord(string text, string lower)
{
    public string Text { get; } = text;

    /// <summary>The invariant lower case (string.ToLowerInvariant).</summary>
    public string Lower { get; } = lower;

    /// <summary>What quote attribution, the analysis that asks most about every word, has learnt about this one (its
    /// lexicon facts, entity and organisation verdicts: Quotes.QuoteWordNotes). Text never reads it: a slot rather
    /// than a side table, so the answers cost a field read a token instead of a hash lookup.</summary>
    public object? Notes;

    /// <summary>What language identification knows of this word: its evidence under a model
    /// (Language.WordScorer.WordEvidence). Identification reads every word of a document through the pool, so the
    /// quote tokenizer finds most of them by position afterwards instead of hashing each again.</summary>
    public object? LanguageNotes;
}
