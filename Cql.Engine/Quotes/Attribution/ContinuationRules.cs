namespace Cql.Engine.Quotes;

/// <summary>
/// Who continues speaking in a quotation that <see cref="MarkedQuoteRules"/> left open (no cue in its sentence): the
/// rules below, in this order, until one names a speaker; with none, nobody is named. Adding a rule is adding a file
/// and a line here.
/// </summary>
internal static class ContinuationRules
{
    /// <summary>The cascade, first match wins: a speaker named for these very words first, then the nearest before.</summary>
    public static readonly IContinuationRule[] InOrder =
    [
        new BackReferenceRule(),
        new PreviousQuoteRule(),
        new SentenceBeforeRule(),
        new CarriedOverRule(),
    ];

    /// <summary>True when a rule gave the quotation a speaker.</summary>
    public static bool Continue(in ContinuedQuote q)
    {
        foreach (var rule in InOrder)
            if (rule.TryContinue(q)) return true;
        return false;
    }
}
