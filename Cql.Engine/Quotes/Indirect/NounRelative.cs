namespace Cql.Engine.Quotes;

/// <summary>
/// "said the repair would be paid for by the program, which set aside $210 million last year": a relative pronoun
/// after a comma that follows a noun describes that noun, and the reported clause goes on through it, as the blind
/// sets' annotators and PolNeAR's mark it; after a verb ("said the plan had failed, which surprised nobody") it is the
/// writer's comment on the whole report and still ends it (<see cref="IndirectSpeech"/>'s clause breaks).
/// </summary>
internal static class NounRelative
{
    /// <summary>The relative pronoun after comma <paramref name="comma"/> opens a relative clause on the word before
    /// the comma, a noun: neither a verb by its form nor an adverb.</summary>
    public static bool After(ParagraphContext p, int comma)
    {
        int before = comma - 1, relative = comma + 1;
        if (before < 0 || relative >= p.Tokens.Count || !p.IsRelativeObject(relative) || !p.IsSubordinator(relative)) return false;
        var t = p.Tokens[before];
        return t.IsWord && !p.LooksFinite(before) && !p.IsAux(before) && !p.IsAdverb(before);
    }
}
