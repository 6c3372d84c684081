namespace Cql.Engine.Quotes;

/// <summary>
/// A cue inside a subordinate clause that opens its sentence ("Trots att Xi och Putin meddelade att samarbetet är
/// ”gränslöst”, så är det viktigt att …", "Although the senator said the bill was dead, the House …", "Obwohl er
/// sagte, das Werk sei sicher, kündigte …"): the clause it reports ends at the comma where the sentence's main clause
/// begins — a finite verb right after the comma (V2 languages: "…, så är det", "…, kündigte …") or a clause with a
/// subject and a finite verb of its own ("…, the House …"). Before, the reported clause ran on into the reporter's
/// own main clause.
/// </summary>
internal static class FrontedClause
{
    /// <summary>Words before a cue's subject in which the subordinator may stand ("Men trots att", "Til tross for at").</summary>
    const int LeadWords = 4;

    /// <summary>The end of the clause reported in [<paramref name="from"/>, <paramref name="to"/>) by cue
    /// <paramref name="c"/> of the sentence starting at <paramref name="ss"/>.</summary>
    public static int Cut(ParagraphContext p, CueHit c, int ss, int from, int to, Func<int, bool> opaque)
    {
        if (!OpensWithSubordinateClause(p, c, ss)) return to;
        var toks = p.Tokens;
        for (int k = from + 1; k < to - 1; k++)
        {
            if (opaque(k) || !toks[k].Is(',')) continue;
            int next = k + 1;
            if (p.LooksFinite(next) || p.IsAux(next)
                || p.IsAdverb(next) && next + 1 < to && (p.LooksFinite(next + 1) || p.IsAux(next + 1))
                || SubjectAndVerbAt(p, next, to))
                return k;
        }
        return to;
    }

    /// <summary>A subject and its finite verb open at <paramref name="k"/> ("the House passed"); a conjunction before the
    /// verb makes it the last item of a list inside the reported clause ("finance and trade would grow").</summary>
    static bool SubjectAndVerbAt(ParagraphContext p, int k, int to)
    {
        if (!IndirectSpeech.ClauseFollows(p, k, to, needSubjunctive: false)) return false;
        for (int j = k + 1; j < to && !p.LooksFinite(j) && !p.IsAux(j); j++)
            if (p.IsConjunction(j)) return false;
        return true;
    }

    /// <summary>A subordinator (not the cue's complementizer: it comes before the cue) among the sentence's first words,
    /// with no comma between it and the cue.</summary>
    static bool OpensWithSubordinateClause(ParagraphContext p, CueHit c, int ss)
    {
        int words = 0;
        for (int k = ss; k < c.Start && words < LeadWords; k++)
        {
            var t = p.Tokens[k];
            if (t.Is(',') || t.Is(':') || t.Kind == TokenKind.Dash) return false;
            if (!t.IsWord) continue;
            words++;
            if (p.IsSubordinator(k) && !p.IsSubjectPronoun(k) && !p.IsDetDef(k)) return NoCommaBetween(p, k, c.Start);
        }
        return false;
    }

    static bool NoCommaBetween(ParagraphContext p, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (p.Tokens[k].Is(',') || p.Tokens[k].Is(';')) return false;
        return true;
    }
}
