namespace Cql.Engine.Quotes;

/// <summary>One step of <see cref="MarkedQuoteRules"/>: what it recognises in a quotation's own sentence and whom
/// that makes the speaker.</summary>
internal interface IMarkedQuoteRule
{
    /// <summary>True when the rule decided the quotation (a speaker, or nobody on purpose); the cascade stops there.
    /// False leaves the quotation untouched for the next rule.</summary>
    bool TryAttribute(in MarkedQuote q);
}
