namespace Cql.Engine.Quotes;

/// <summary>
/// "warf der Mehrheit vor, sich hinter einem Gutachten zu verstecken", "kündigte an, Revision einzulegen": after a cue
/// and its comma, an infinitive clause is what was said. It ends, before the next comma or the sentence's end, in an
/// infinitive after its marker ("zu verstecken") or one with the marker inside ("einzulegen", "abzubauen").
/// </summary>
internal static class InfinitiveClause
{
    /// <summary>Words the clause may hold before its infinitive.</summary>
    const int MaxWords = 16;

    /// <summary>Whether an infinitive clause opens at token <paramref name="from"/> of sentence end <paramref name="se"/>.</summary>
    public static bool At(ParagraphContext p, int from, int se)
    {
        var toks = p.Tokens;
        int last = -1, words = 0;
        for (int k = from; k < se; k++)
        {
            var t = toks[k];
            if (t.Is(',') || t.Is(';') || t.Is(':') || p.IsSentenceEnd(k)) break;
            if (!t.IsWord) continue;
            if (++words > MaxWords) return false;
            last = k;
        }
        if (last <= from) return false;
        return p.IsInfinitiveMarker(last - 1) && !toks[last].IsCapitalized || MarkerInside(p, last);
    }

    /// <summary>"einzulegen", "abzubauen": a separable verb takes its marker between prefix and stem.</summary>
    static bool MarkerInside(ParagraphContext p, int k)
    {
        var t = p.Tokens[k];
        if (t.IsCapitalized || t.Text.Length < 8 || !t.Text.EndsWith("en", StringComparison.Ordinal)) return false;
        int at = t.Text.IndexOf("zu", 2, StringComparison.Ordinal);
        return at >= 2 && at <= t.Text.Length - 5 && p.IsGerman;
    }
}
