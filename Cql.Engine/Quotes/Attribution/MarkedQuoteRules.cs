namespace Cql.Engine.Quotes;

/// <summary>
/// Attributes a quotation in marks from its own sentence: the rules below, in this order, until one decides. A
/// quotation no rule settles goes on to <see cref="ContinuationRules"/> (who continues speaking). Adding a rule is
/// adding a file and a line here.
/// </summary>
internal static class MarkedQuoteRules
{
    /// <summary>The cascade, first match wins: words mentioned and titles come first (they have no speaker
    /// whatever the sentence's cues say), then a colon's introduction, then the sentence's cues, then sources without a cue.</summary>
    public static readonly IMarkedQuoteRule[] InOrder =
    [
        new MentionedTermRule(),
        new LabelRule(),
        new TermFragmentRule.Before(),
        new TranscriptLabelRule(),
        new SignatureRule(),
        new CoordinatedTermRule(),
        new ColonCueRule(),
        new ColonSubjectRule(),
        new NearestCueRule(),
        new FrontedSourceRule(),
        new ReportedSpeechRule(),
        new TermFragmentRule.Unattributed(),
        new UnattributedFragmentRule(),
    ];

    public static void Attribute(in MarkedQuote q)
    {
        q.Unit.SentenceEnd = q.SentenceEnd;
        foreach (var rule in InOrder)
            if (rule.TryAttribute(q)) return;
    }
}
