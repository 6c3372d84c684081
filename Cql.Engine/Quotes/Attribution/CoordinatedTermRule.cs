namespace Cql.Engine.Quotes;

/// <summary>A quotation joined by a conjunction to a mentioned word is one too: "ordet «krig» eller «eldupphör»".</summary>
internal sealed class CoordinatedTermRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        int before = q.Before;
        if (before - 2 < q.SentenceStart || !q.Paragraph.IsConjunction(before - 1) || UnitEndingAt(q, before - 1) is not { IsTerm: true }) return false;
        q.SettleAsTerm();
        return true;
    }

    static QuoteUnit? UnitEndingAt(in MarkedQuote q, int tok)
    {
        foreach (var k in q.Found.UnitsOf(q.Paragraph.Index)) if (q.Found.Units[k].After == tok) return q.Found.Units[k];
        return null;
    }
}
