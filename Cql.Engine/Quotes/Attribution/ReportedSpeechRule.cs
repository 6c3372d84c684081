namespace Cql.Engine.Quotes;

/// <summary>German reported speech in the subjunctive continues the last speaker: "Die Berichte seien „reine
/// Erfindung“".</summary>
internal sealed class ReportedSpeechRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        if (q.SelfContained) return false;
        var p = q.Paragraph;
        for (int k = q.SentenceStart; k < q.SentenceEnd; k++)
            if (!q.Opaque(k) && p.IsSubjunctive(k) && q.Found.LastSpeakerBefore(p.Index, q.Unit) is { } r)
            {
                q.Unit.Speaker = r;
                q.Unit.Settled = true;
                return true;
            }
        return false;
    }
}
