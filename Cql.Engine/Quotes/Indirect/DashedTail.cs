namespace Cql.Engine.Quotes;

/// <summary>"said — on Twitter, as it happens — that Trump raised …": a remark set off by dashes between a cue and
/// its complementizer; the clause after the complementizer is the report, as after any tail of the cue.</summary>
internal static class DashedTail
{
    /// <summary>Words a remark between dashes may hold.</summary>
    const int MaxWords = 10;

    /// <summary>The first token of the clause after the complementizer that follows the dash closing the remark opened
    /// by the dash at <paramref name="dash"/>, or -1 when no such remark and complementizer stand there.</summary>
    public static int ClauseAfter(ParagraphContext p, int dash, int se, Func<int, bool> opaque)
    {
        for (int k = dash + 1, words = 0; k < se - 2 && words <= MaxWords; k++)
        {
            if (opaque(k)) return -1;
            if (p.Tokens[k].Kind == TokenKind.Dash) return p.IsComplementizer(k + 1) && !opaque(k + 2) ? k + 2 : -1;
            if (p.Tokens[k].IsWord) words++;
        }
        return -1;
    }
}
