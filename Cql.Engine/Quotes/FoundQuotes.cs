namespace Cql.Engine.Quotes;

/// <summary>
/// One document's paragraphs as quote extraction reads them and the quotations found in them so far: detection adds
/// quotations, attribution decides their speakers, the output reads both. A quotation is known by its number (the
/// order it was found in); a nested one names its enclosing one by that number.
/// </summary>
internal sealed class FoundQuotes
{
    public List<QuoteParagraph> Paragraphs { get; } = [];
    public List<QuoteUnit> Units { get; } = [];
    /// <summary>Names the gazetteer does not know, in the order attribution met them.</summary>
    public List<MetName> NamesMet { get; } = [];

    /// <summary>The quotation numbers of analysed paragraph <paramref name="para"/>.</summary>
    public List<int> UnitsOf(int para) => Paragraphs[para].Units;

    /// <summary>Adds a quotation to its paragraph; returns its number.</summary>
    public int Add(QuoteUnit u)
    {
        Units.Add(u);
        Paragraphs[u.Para].Units.Add(Units.Count - 1);
        return Units.Count - 1;
    }

    /// <summary>The units of <paramref name="units"/> inside no other quotation, in their order.</summary>
    public List<int> TopLevel(List<int> units)
    {
        var top = new List<int>(units.Count);
        foreach (var k in units) if (Units[k].Parent < 0) top.Add(k);
        return top;
    }

    /// <summary>Token <paramref name="tok"/> of paragraph <paramref name="para"/> lies inside a quotation in marks
    /// (other than <paramref name="except"/>).</summary>
    public bool InsideMarked(int para, int tok, QuoteUnit? except = null)
    {
        foreach (var k in UnitsOf(para))
            if (Units[k] != except && Units[k].Style == "marked" && tok >= Units[k].TokStart && tok < Units[k].TokEnd) return true;
        return false;
    }

    /// <summary>Who spoke last before <paramref name="u"/>: in its paragraph, else at the end of the one before
    /// (German reported speech in the subjunctive continues them).</summary>
    public Referent? LastSpeakerBefore(int para, QuoteUnit u)
    {
        foreach (var k in UnitsOf(para))
            if (Units[k] != u && Units[k].Parent < 0 && Units[k].ContentStart < u.ContentStart && Units[k].Speaker is not null) return LastOf(para, u);
        return para > 0 ? LastAttributed(para - 1) : null;

        Referent? LastOf(int para, QuoteUnit before)
        {
            Referent? r = null;
            foreach (var k in UnitsOf(para))
                if (Units[k].Parent < 0 && Units[k].ContentStart < before.ContentStart && Units[k].Speaker is { } s) r = s;
            return r;
        }
    }

    Referent? LastAttributed(int para)
    {
        Referent? r = null;
        foreach (var k in UnitsOf(para)) if (Units[k].Parent < 0 && Units[k].Speaker is { } s) r = s;
        return r ?? Paragraphs[para].ClosingSpeaker;
    }
}
