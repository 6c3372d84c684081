namespace Cql.Engine.Quotes;

/// <summary>A speech cue in its clause, as the <see cref="CueSubjectRules"/> see it: the cue, where its clause may
/// begin at the earliest (<see cref="ClauseFloor"/>: the sentence's start, or right after a quotation the cue
/// follows), its sentence, and which tokens are quoted words.</summary>
internal readonly struct CueClause(Attributor attributor, CueHit cue, int clauseFloor, int sentenceStart, int sentenceEnd, Func<int, bool> opaque)
{
    /// <summary>Reads the paragraph's phrases and clauses.</summary>
    public Attributor Attributor { get; } = attributor;
    public CueHit Cue { get; } = cue;
    public int ClauseFloor { get; } = clauseFloor;
    public int SentenceStart { get; } = sentenceStart;
    public int SentenceEnd { get; } = sentenceEnd;
    public Func<int, bool> Opaque { get; } = opaque;
}
