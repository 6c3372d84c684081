namespace Cql.Engine.Quotes;

/// <summary>A paragraph that is nothing but quotation, its first quotation at its start, continues whoever spoke at
/// the end of the paragraph before: its last quotation's speaker, whom its closing colon introduces ("Brierley, who
/// has written to the Health Secretary, added:"), or for a dash quote the subject of its closing indirect speech
/// ("Hansen sier at …" then "– …").</summary>
internal sealed class CarriedOverRule : IContinuationRule
{
    public bool TryContinue(in ContinuedQuote q)
    {
        var p = q.Paragraph;
        var u = q.Unit;
        if (q.Previous is not null || !q.QuoteOnly || u.Before > 1 || p.Index == 0) return false;
        if (PreviousSpeaker(q.Found, p.Index, u.Style == "dash") is not { } carried) return false;
        u.Speaker = carried;
        return true;
    }

    /// <summary>The speaker a quote paragraph continues: the one who spoke at the end of the paragraph before
    /// (skipping boilerplate), or the subject of its closing indirect speech or colon; null when a heading or
    /// narration intervenes.</summary>
    static Referent? PreviousSpeaker(FoundQuotes found, int para, bool dash)
    {
        int q = para - 1;
        while (q >= 0 && found.Paragraphs[q].Context.Info.Boilerplate) q--;
        if (q < 0) return null;
        var prev = found.Paragraphs[q].Context;
        if (found.Paragraphs[q].ColonSpeaker is { } introduced) return introduced;
        var units = found.TopLevel(found.UnitsOf(q));
        var (ls, _) = prev.LastSentence();
        if (units.Count > 0)
        {
            var last = found.Units[units[^1]];
            // The last quote must stand in the paragraph's last sentence: narration after it intervenes.
            if (last.Speaker is not null && last.TokEnd > ls && last.Kind != "partial") return last.Speaker;
        }
        // Indirect speech then a dash quote is the Scandinavian way to let someone speak on.
        return dash ? found.Paragraphs[q].ClosingSpeaker : null;
    }
}
