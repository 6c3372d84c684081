namespace Cql.Engine.Quotes;

/// <summary>The last resort: a fragment inside a sentence that no rule attributed is nobody's on purpose (a scare
/// quote, a phrase the narration borrows); a quotation that opens its sentence stays open for the
/// <see cref="ContinuationRules"/> ("She said the trust had opened 24 extra beds. “We cannot …”").</summary>
internal sealed class UnattributedFragmentRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        if (!q.Fronted) q.Unit.Settled = true;
        return true;
    }
}
