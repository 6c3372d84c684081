namespace Cql.Engine.Quotes;

/// <summary>
/// "said he supports an exception, but not for cases of …", "sei zu Gesprächen bereit, aber nicht zu …": after a comma
/// and a conjunction, a negation with no verb of its own narrows the reported clause and belongs to it, as PolNeAR's
/// and the blind sets' annotators mark it. A conjunction before a verb (", but has not decided …", ", mais a exclu …")
/// may begin the speaker's own act, and one before a subject (", but he warned …") a sentence of the writer's: both
/// still end the report (<see cref="IndirectSpeech"/>).
/// </summary>
internal static class NegatedContrast
{
    /// <summary>The conjunction after comma <paramref name="comma"/> opens a negated phrase without a verb inside the
    /// clause that ends before <paramref name="to"/>.</summary>
    public static bool After(ParagraphContext p, int comma, int to)
    {
        int conjunction = comma + 1, negation = comma + 2;
        return negation + 1 < to && p.IsConjunction(conjunction) && p.IsNegation(negation)
            && !p.IsAux(negation + 1) && !p.LooksFinite(negation + 1);
    }
}
