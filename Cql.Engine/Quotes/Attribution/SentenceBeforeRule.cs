namespace Cql.Engine.Quotes;

/// <summary>A quotation that opens its sentence continues the one who spoke or acted in the sentence right before
/// it: "She said the trust had opened 24 extra beds. “We cannot …”".</summary>
internal sealed class SentenceBeforeRule : IContinuationRule
{
    public bool TryContinue(in ContinuedQuote q)
    {
        var p = q.Paragraph;
        int before = q.Unit.Before;
        var continuers = q.Continuers;
        for (int s = 1; s < continuers.Count; s++)
        {
            var (start, end, _) = continuers[s];
            if (before < start || before >= end) continue;
            for (int k = start; k < before; k++) if (p.Tokens[k].Kind is not (TokenKind.Mark or TokenKind.Dash)) return false;
            if (continuers[s - 1].Who is not { } who) return false;
            q.Unit.Speaker = who;
            return true;
        }
        return false;
    }
}
