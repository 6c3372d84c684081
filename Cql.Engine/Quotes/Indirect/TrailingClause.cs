namespace Cql.Engine.Quotes;

/// <summary>"The House would pass its own version, he said, and the Senate would then “own” whatever happened next":
/// a cue that reports the clause before it may go on, after its short tail, a comma and a conjunction, with a second
/// clause of the same speaker (a subject and a finite verb of its own); annotators mark it as a statement of its own.</summary>
internal static class TrailingClause
{
    /// <summary>Where the clause after cue <paramref name="c"/>'s tail starts: the first comma after the cue followed by a
    /// conjunction and a clause; -1 when the first comma opens anything else (", who teaches …", ", a labour economist")
    /// or the sentence ends first.</summary>
    public static int Start(ParagraphContext p, CueHit c, int se, Func<int, bool> opaque)
    {
        for (int k = c.End; k + 2 < se; k++)
        {
            if (opaque(k) || p.IsSentenceEnd(k)) return -1;
            if (!p.Tokens[k].Is(',')) continue;
            int s = k + 2;
            // After the cue's tail any word that opens a clause may be its subject ("officers seized …", "most of the
            // money would …"), not a verb ("…, she said, and added …" is a cue of its own).
            return p.IsConjunction(k + 1) && (IndirectSpeech.SubjectOpens(p, s) || IndirectSpeech.OpensClause(p, s) && !p.IsFinite(s) && !p.IsAux(s) && p.CuesAt(s).Count == 0)
                && !opaque(s) && IndirectSpeech.ClauseFollows(p, s, se, needSubjunctive: false) ? s : -1;
        }
        return -1;
    }
}
