namespace Cql.Engine.Quotes;

/// <summary>
/// A top-level quotation that its own sentence left without a speaker, as the <see cref="ContinuationRules"/> see
/// it: its paragraph and what the reading of that paragraph has gathered so far — who spoke last before it and where
/// that attribution ended, who each sentence lets a following quote continue, whether the paragraph is nothing but
/// quotation, and what the next paragraph's back reference names.
/// </summary>
internal readonly struct ContinuedQuote(ParagraphContext paragraph, FoundQuotes found, QuoteUnit unit, Func<int, bool> opaque,
    bool quoteOnly, Attribution? backReference, Referent? previous, int previousEnd, List<(int Start, int End, Referent? Who)> continuers)
{
    public ParagraphContext Paragraph { get; } = paragraph;
    public FoundQuotes Found { get; } = found;
    public QuoteUnit Unit { get; } = unit;
    /// <summary>Whether a token is quoted words rather than the narration's.</summary>
    public Func<int, bool> Opaque { get; } = opaque;
    /// <summary>The paragraph holds nothing but quotations (and their attribution clauses).</summary>
    public bool QuoteOnly { get; } = quoteOnly;
    /// <summary>For a quote-only paragraph, what the next one's "Det sier X" attributes, or null.</summary>
    public Attribution? BackReference { get; } = backReference;
    /// <summary>The speaker of the last attributed quotation before this one in the paragraph, or null.</summary>
    public Referent? Previous { get; } = previous;
    /// <summary>The token where that quotation's attribution ends.</summary>
    public int PreviousEnd { get; } = previousEnd;
    /// <summary>Per sentence of the paragraph, in order: its tokens and whom it lets a following quote continue
    /// (its speaker, else its subject when a person).</summary>
    public List<(int Start, int End, Referent? Who)> Continuers { get; } = continuers;
}
