namespace Cql.Engine.Quotes;

/// <summary>A label after "known as", "so-called" is no quotation: "a practice known as “corridor care”", "die
/// sogenannte „Brandmauer“".</summary>
internal sealed class LabelRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        if (!q.Paragraph.EndsWithLabel(q.Before)) return false;
        q.SettleAsTerm();
        return true;
    }
}
