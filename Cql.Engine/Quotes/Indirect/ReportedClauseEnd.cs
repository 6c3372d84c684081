namespace Cql.Engine.Quotes;

/// <summary>Where a clause reported after its cue ends beyond the sentence's end and the comma breaks of
/// <see cref="IndirectSpeech"/>: at a sentence end the splitter could not see after an initialism ("… in the U.S. The
/// proposal …"). Not here: a coordinated clause with a subject of its own ("the union had rejected the offer and the
/// company would not return") is a statement of its own (<see cref="CoordinatedClauses"/>); a clause break after a
/// comma inside a closing mark ("“like he was being chased,” although …") was measured on PolNeAR and the blind sets,
/// kept as often as cut.</summary>
internal static class ReportedClauseEnd
{
    /// <summary>The end of the clause reported in tokens [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static int Cut(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        for (int k = from + 1; k < to - 1; k++)
            if (!opaque(k) && InitialismEndsSentence(p, k)) return k + 1;
        return to;
    }

    /// <summary>"U.S." (one token with its full stop) and a capitalised word that opens sentences ("The", "He", "But"):
    /// the sentence ended there.</summary>
    static bool InitialismEndsSentence(ParagraphContext p, int k)
    {
        var t = p.Tokens[k];
        if (!t.IsWord || t.Text.Length < 3 || t.Text[^1] != '.' || k + 1 >= p.Tokens.Count) return false;
        var next = p.Tokens[k + 1];
        return next.IsCapitalized && (p.IsDetDef(k + 1) || p.IsDetIndef(k + 1) || p.IsSubjectPronoun(k + 1) || p.IsConjunction(k + 1) || p.IsPreposition(k + 1));
    }
}
