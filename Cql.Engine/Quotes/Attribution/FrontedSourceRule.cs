namespace Cql.Engine.Quotes;

/// <summary>With no cue, a sentence opened by "for" and a person gives that person's view: "Per il commissario
/// tecnico della nazionale, Luca Cesaroni, …", "Pour le président de l'association, Jordi Bataille, ces mesures
/// arrivent « … »" (see <see cref="Attributor.FrontedSource"/>).</summary>
internal sealed class FrontedSourceRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        if (q.SelfContained || q.Attributor.FrontedSource(q.SentenceStart, q.Before) is not { } source) return false;
        q.Apply(source);
        return true;
    }
}
