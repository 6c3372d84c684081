namespace Cql.Engine.Quotes;

/// <summary>One step of <see cref="ContinuationRules"/>: a reason to take a quotation without a cue of its own as
/// spoken by someone named before or after it.</summary>
internal interface IContinuationRule
{
    /// <summary>True when the rule gave the quotation a speaker; the cascade stops there. False leaves it untouched.</summary>
    bool TryContinue(in ContinuedQuote q);
}
