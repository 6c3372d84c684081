namespace Cql.Engine.Quotes;

/// <summary>
/// The nearest cue of the quotation's sentence names the speaker, before it ("Xi sa at «…»") or after it ("“…,”
/// Diane Swonk, chief economist at KPMG, told Reuters"); a quotation that opens its sentence takes the cue after
/// it. A speech verb outranks "ifølge X" and "hieß es", which decide only when the sentence has no speech verb
/// ("…, uttrykte Xi …, ifølge en uttalelse fra …": Xi speaks, the statement reports).
/// </summary>
internal sealed class NearestCueRule : IMarkedQuoteRule
{
    /// <summary>How many tokens after the quotation its cue may stand.</summary>
    const int MaxTokensToCueAfter = 14;

    public bool TryAttribute(in MarkedQuote q)
    {
        var p = q.Paragraph;
        var u = q.Unit;
        int before = q.Before;
        CueHit? after = null, beforeCue = null;
        // Speech verbs first; the weak cues join on the second pass only when the first found none.
        for (int pass = 0; pass < 2; pass++)
        {
            bool weak = pass == 1;
            foreach (var c in q.Cues)
            {
                if (!weak && c.Kind is CueKind.According or CueKind.AccordingAfter or CueKind.Impersonal) continue;
                if (c.Start >= u.After && after is null && c.Start - u.After <= MaxTokensToCueAfter && !UnitBetween(q, u.After, c.Start)) after = c;
                if (c.End <= before) beforeCue = c;
            }
            if (after is not null || beforeCue is not null) break;
        }
        // The nearer cue wins, counted in words; a verb coordinated after the quote ("betonte Xi, dass … „…“ habe, und
        // forderte …") yields to the one that governs the clause the quote stands in.
        bool coordinatedAfter = after is not null && (after.Start > 0 && p.IsConjunction(after.Start - 1) || after.Start > 1 && p.IsConjunction(after.Start - 2) && !p.Tokens[after.Start - 1].IsCapitalized);
        // "X called the decision “a door opening, not a victory lap.” She said …": the full stop inside the marks ends
        // the sentence the splitter keeps whole, so the cue after it opens the next sentence and the one before governs.
        bool endsSentence = EndsSentenceInMarks(p, u);
        CueHit? chosen = q.Fronted ? after ?? beforeCue
            : after is null ? beforeCue
            : beforeCue is null ? after
            : coordinatedAfter || endsSentence ? beforeCue
            : Words(p, u.After, after.Start) < Words(p, beforeCue.End, before) ? after : beforeCue;
        if (chosen is null) return false;
        // The clause before an after-quote cue begins right after the quote: "“…,” Diane Swonk, chief economist at KPMG, told Reuters".
        int floor = chosen.Start >= u.After ? u.After : q.SentenceStart;
        // A pronoun after the quote means someone named before its sentence ("“…,” she said"), unless the quote ended a
        // sentence of the narration: then the pronoun opens the next one and may mean its subject.
        int limit = chosen.Start >= u.After && !(endsSentence && !q.Fronted) ? q.SentenceStart : -1;
        q.Apply(q.Attributor.Resolve(chosen, floor, q.SentenceStart, q.SentenceEnd, q.Opaque, !q.SelfContained, antecedentLimit: limit));
        return true;
    }

    /// <summary>The quotation's last words end a sentence inside its closing mark and a capitalised word follows:
    /// "… called it “a door opening.” She said …".</summary>
    static bool EndsSentenceInMarks(ParagraphContext p, QuoteUnit u) =>
        u.CloseTok > 0 && p.IsSentenceEnd(u.CloseTok - 1) && u.After < p.Tokens.Count && p.Tokens[u.After] is { IsWord: true, IsCapitalized: true };

    static int Words(ParagraphContext p, int from, int to)
    {
        int n = 0;
        for (int k = from; k < to; k++) if (p.Tokens[k].IsWord) n++;
        return n;
    }

    /// <summary>Another top-level quotation starts in tokens [from, to): a cue past it is that one's.</summary>
    static bool UnitBetween(in MarkedQuote q, int from, int to)
    {
        var units = q.Found.Units;
        foreach (var k in q.Found.UnitsOf(q.Paragraph.Index))
            if (k != q.Index && units[k].Parent < 0 && units[k].Before >= from && units[k].Before < to) return true;
        return false;
    }
}
