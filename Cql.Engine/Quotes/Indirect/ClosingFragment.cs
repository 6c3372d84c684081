namespace Cql.Engine.Quotes;

/// <summary>"Berg said … that the deal was “essentially complete.” He said, however, …": a fragment that ends its
/// reported clause with the sentence's own full stop inside the marks is read by the quotation rules as a sentence of
/// its own, and the cue of the next sentence takes it. Inside a clause a cue reports, it is that clause's
/// speaker's words: the clause claims it.</summary>
internal static class ClosingFragment
{
    /// <summary>Whether quotation <paramref name="u"/> closes the clause that ends at token <paramref name="to"/> and
    /// its last word inside the marks is followed by a sentence's end.</summary>
    public static bool EndsClause(ParagraphContext p, QuoteUnit u, int to) =>
        u.CloseTok >= 0 && u.After >= to && u.TokEnd > u.TokStart && p.IsSentenceEnd(u.TokEnd - 1);
}
