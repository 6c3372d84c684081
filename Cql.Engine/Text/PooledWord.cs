namespace Cql.Engine.Text;

/// <summary>
/// A token text as <see cref="TokenStringPool"/> keeps it: one instance per distinct word and thread, so what the
/// quote lexicon knows about the word is looked up once and hangs here, not looked up again at every token.
/// </summary>
internal sealed class PooledWord(string text, string lower)
{
    public string Text { get; } = text;

    /// <summary>The invariant lower case (string.ToLowerInvariant).</summary>
    public string Lower { get; } = lower;

    /// <summary>The quote lexicon's facts about <see cref="Lower"/>, filled on first use (Quotes.WordFacts.Of).</summary>
    public Quotes.WordFacts? QuoteFacts;

    /// <summary>The entity index whose names the word may start, and the one whose names it cannot: the verdict of
    /// Quotes.EntityIndex.MayStartName, asked at every word of every paragraph. Two fields rather than an index and a
    /// flag, so a verdict is never read with another index's.</summary>
    public Quotes.EntityIndex? StartsNamesOf, StartsNoNameOf;
}
