namespace Cql.Engine.Quotes;

/// <summary>The speaker of the quotation before in the same paragraph goes on when no other person is named between:
/// "“Markets have priced in a short shutdown,” she said. “But not a long one.”".</summary>
internal sealed class PreviousQuoteRule : IContinuationRule
{
    public bool TryContinue(in ContinuedQuote q)
    {
        if (q.Previous is null || NameBetween(q.Paragraph, q.PreviousEnd, q.Unit.Before, q.Opaque)) return false;
        q.Unit.Speaker = q.Previous;
        return true;
    }

    static bool NameBetween(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        foreach (var h in p.Hits) if (h.TokStart >= from && h.TokStart < to && !opaque(h.TokStart) && h.Entity.Kind == "person") return true;
        for (int i = Math.Max(0, from); i < to && i < p.Tokens.Count; i++)
            if (!opaque(i) && p.Tokens[i].IsCapitalized && p.FirstNameAt(i) is not null) return true;
        return false;
    }
}
