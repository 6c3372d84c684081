namespace Cql.Engine.Quotes;

/// <summary>"She said the closures were “necessary but late” and that the chain still faced heavy debt": a
/// complementizer repeated after a conjunction opens a second statement of the same report, a row of its own, as the
/// blind annotations mark it (blind6, blind7); PolNeAR, which often makes it one, scores the same with it.</summary>
internal static class CoordinatedClauses
{
    /// <summary>The conjunction in tokens [<paramref name="from"/>, <paramref name="to"/>) that a complementizer follows
    /// ("and that", "but that", "og at"), outside quotation marks; -1 when there is none.</summary>
    public static int Next(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        for (int k = from + 1; k < to - 2; k++)
            if (!opaque(k) && !opaque(k + 1) && p.IsConjunction(k) && p.IsComplementizer(k + 1)) return k;
        return -1;
    }
}
