namespace Cql.Engine.Quotes;

/// <summary>A word mentioned after a term noun is no quotation: "ordet «krig»", "the term “no limits”".</summary>
internal sealed class MentionedTermRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        for (int k = q.Before - 1; k >= q.SentenceStart && k >= q.Before - 2; k--)
            if (q.Paragraph.IsTermNoun(k)) { q.SettleAsTerm(); return true; }
        return false;
    }
}
