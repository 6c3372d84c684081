namespace Cql.Engine.Quotes;

/// <summary>"It was announced that the plant would close", "it is understood that …": an impersonal report (lexicon class
/// <c>impersonal</c>) reports the clause after a complementizer right after it, with nobody as its speaker (a belief,
/// "it is believed that", reports nothing: <see cref="IndirectSpeech"/>'s rule for every cue).</summary>
internal static class PassiveReport
{
    /// <summary>Where the clause of impersonal cue <paramref name="c"/> starts after its complementizer, or -1.</summary>
    public static int ClauseStart(ParagraphContext p, CueHit c, int se, Func<int, bool> opaque) =>
        c.End + 1 >= se || opaque(c.End) || !p.IsComplementizer(c.End) || opaque(c.End + 1) ? -1 : c.End + 1;
}
