using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// What quote attribution has worked out about one pooled word, kept in <see cref="PooledWord.Notes"/>: attribution
/// asks the same questions of every token, often more than once, and a corpus's words repeat, so each answer is
/// worked out once per distinct word and pool. The notes go when the pool starts over.
/// </summary>
internal sealed class QuoteWordNotes
{
    /// <summary>The quote lexicon's facts about the word (<see cref="WordFacts.Of"/>).</summary>
    public WordFacts? Facts;

    /// <summary>The entity index whose names the word may start, and the one whose names it cannot: the verdict of
    /// <see cref="EntityIndex"/>'s MayStartName, asked at every word of every paragraph. Two fields rather than an
    /// index and a flag, so a verdict is never read with another index's.</summary>
    public EntityIndex? StartsNamesOf, StartsNoNameOf;

    /// <summary>The word's <see cref="OrganisationWords"/> verdict, once asked.</summary>
    public OrganisationWordMatch? Organisation;

    /// <summary>Whether the word is one of the <see cref="OrganisationDescriptions"/>, once asked.</summary>
    public bool? OrganisationDescription;

    /// <summary>The notes of <paramref name="word"/>, made on first use. Only the worker that owns the pool sees its
    /// words.</summary>
    public static QuoteWordNotes Of(PooledWord word) => word.Notes as QuoteWordNotes ?? (QuoteWordNotes)(word.Notes = new QuoteWordNotes());
}
