namespace Cql.Engine.Quotes;

/// <summary>"Smith told the committee the plan was dead", "told CNN he would run": a cue whose object is the listener
/// (class <c>cue-tell</c>) reports the bare clause after the listener, as a clause-cue does right after itself.</summary>
internal static class ToldClause
{
    /// <summary>Words a listener may hold ("the House Judiciary Committee").</summary>
    const int MaxListenerWords = 4;

    /// <summary>Where the clause after the listener of tell cue <paramref name="c"/> starts, or -1 when no clause with a
    /// subject and a finite verb follows a short listener.</summary>
    public static int Start(ParagraphContext p, CueHit c, int se, Func<int, bool> opaque)
    {
        var toks = p.Tokens;
        if (c.Kind != CueKind.Tell || !p.IsClauseCue(c.Start)) return -1;
        for (int m = c.End + 1; m < se && m <= c.End + MaxListenerWords; m++)
        {
            int prev = m - 1;
            if (opaque(prev) || !toks[prev].IsWord || p.LooksFinite(prev) || p.IsPreposition(prev) || p.IsComplementizer(prev)
                || p.IsConjunction(prev) || p.IsSubordinator(prev) && !p.IsSubjectPronoun(prev)) return -1;
            // The clause opens with a word that starts a noun phrase, never inside the listener's ("the committee").
            if (p.IsDetDef(prev) || p.IsDetIndef(prev)) continue;
            bool opener = p.IsSubjectPronoun(m) || p.IsDetDef(m) || p.IsDetIndef(m) || toks[m].IsCapitalized;
            if (opener && IndirectSpeech.BareClauseAt(p, c, m, se)) return m;
        }
        return -1;
    }
}
