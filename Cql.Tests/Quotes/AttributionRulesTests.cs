using Cql.Engine.Quotes;

namespace Cql.Tests.Quoting;

/// <summary>The attribution cascades are lists a reader can follow: every rule the engine defines runs, once, from
/// its list — a rule file left out of the list (or listed twice) fails here rather than silently never running.</summary>
public class AttributionRulesTests
{
    [Fact]
    public void Every_marked_quote_rule_is_in_the_cascade_once() =>
        AssertListedOnce(typeof(IMarkedQuoteRule), MarkedQuoteRules.InOrder);

    [Fact]
    public void Every_continuation_rule_is_in_the_cascade_once() =>
        AssertListedOnce(typeof(IContinuationRule), ContinuationRules.InOrder);

    [Fact]
    public void Every_cue_subject_rule_is_in_the_cascade_once() =>
        AssertListedOnce(typeof(ICueSubjectRule), CueSubjectRules.InOrder);

    static void AssertListedOnce<T>(Type ruleInterface, T[] cascade) where T : class
    {
        var defined = typeof(QuoteExtractor).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && ruleInterface.IsAssignableFrom(t))
            .Select(t => t.Name).Order().ToList();
        var listed = cascade.Select(r => r.GetType().Name).Order().ToList();
        Assert.Equal(defined, listed);
    }
}
