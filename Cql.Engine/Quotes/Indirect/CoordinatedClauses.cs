namespace Cql.Engine.Quotes;

/// <summary>
/// "Hun sa at ingen lærere blir oppsagt, og at alle elever får plass …", "ha dicho que … y que …", "zei dat … en dat
/// …": one cue reporting two content clauses joined by a conjunction and a repeated complementizer says two things;
/// annotators mark each clause as a statement of its own.
/// </summary>
internal static class CoordinatedClauses
{
    /// <summary>Where the next clause of reported span [<paramref name="from"/>, <paramref name="to"/>) starts after
    /// a conjunction and a complementizer outside marks; <paramref name="end"/> is where the one before ends (a comma
    /// before the conjunction left out). -1 when the span reports one clause.</summary>
    public static int NextClause(ParagraphContext p, int from, int to, Func<int, bool> opaque, out int end)
    {
        end = to;
        for (int k = from + 1; k + 2 < to; k++)
        {
            if (opaque(k) || !p.IsConjunction(k)) continue;
            int next = p.IsComplementizer(k + 1) ? k + 2
                : SubjectClauseAt(p, from, k, to) ? k + 1 : -1;
            if (next < 0) continue;
            end = p.Tokens[k - 1].Is(',') ? k - 1 : k;
            return next;
        }
        return -1;
    }

    /// <summary>"said it would hold a rally and Deller would hold 40 town halls": after conjunction <paramref
    /// name="k"/> a clause with a subject and a finite verb of its own begins, and the words before it, from
    /// <paramref name="from"/>, are a clause already (a finite verb), so "the company and the union were" is one.</summary>
    static bool SubjectClauseAt(ParagraphContext p, int from, int k, int to)
    {
        return IndirectSpeech.SubjectOpens(p, k + 1) && IndirectSpeech.ClauseFollows(p, k + 1, to, needSubjunctive: false) && IndirectSpeech.HasFinite(p, from, k);
    }
}
