namespace Cql.Engine.Quotes;

/// <summary>Quotations without a cue of their own: for a quote that has none, the next paragraph's "Det sier X", the
/// speaker of the quote just before in the same paragraph, or that of the paragraph before when nothing intervenes;
/// and a headline that quotes the body takes the body's speaker.</summary>
internal sealed class QuoteContinuation(FoundQuotes found, Discourse discourse)
{
    static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "det", "dette", "detta", "så", "das", "dies", "that", "this", "ce", "c'est", "c’est", "questo", "lo", "dat", "dit", "eso", "esto",
    };

    List<QuoteUnit> Units => found.Units;

    /// <summary>Quotes without a cue of their own: the next paragraph's "Det sier X"; the quote before in the same
    /// paragraph when no one else is named between; the paragraph before when this one is nothing but quotation.</summary>
    public void Continue(ParagraphContext p, List<int> top, Func<int, bool> opaque, List<(int Start, int End, Referent? Who)> continuers)
    {
        if (QuoteAttribution.SelfContained(p.Info)) return;
        Referent? backward = null;
        string? backwardText = null, backwardCue = null;
        bool quoteOnly = IsQuoteOnly(p, top, opaque);
        if (quoteOnly && p.Index + 1 < found.Paragraphs.Count) (backward, backwardText, backwardCue) = BackReference(found.Paragraphs[p.Index + 1].Context);
        Referent? previous = null;
        int previousEnd = -1;
        foreach (var k in top)
        {
            var u = Units[k];
            if (!u.Settled && u.Speaker is null)
            {
                if (backward is not null) { u.Speaker = backward; u.SpeakerText = backwardText; u.Cue = backwardCue; }
                else if (previous is not null && !NameBetween(p, previousEnd, u.Before, opaque)) u.Speaker = previous;
                // "She said the trust had opened 24 extra beds. “We cannot …”": a quote that opens its sentence continues
                // the one who spoke or acted in the sentence right before it.
                else if (SentenceBefore(p, continuers, u) is { } continued) u.Speaker = continued;
                else if (previous is null && quoteOnly && u.Before <= 1 && p.Index > 0 && PreviousSpeaker(p.Index, u.Style == "dash") is { } carried) u.Speaker = carried;
                if (u.Speaker is not null) discourse.NoteQuoteSpeaker(u.Speaker, p.Index, u.TokStart);
            }
            if (u.Speaker is not null) { previous = u.Speaker; previousEnd = u.AttrEnd >= 0 ? u.AttrEnd : Math.Max(u.After, u.SentenceEnd); }
        }
    }

    /// <summary>The speaker a quote paragraph continues: the one who spoke at the end of the paragraph before
    /// (skipping boilerplate), or the subject of its closing indirect speech or colon; null when a heading or
    /// narration intervenes.</summary>
    Referent? PreviousSpeaker(int para, bool dash)
    {
        int q = para - 1;
        while (q >= 0 && found.Paragraphs[q].Context.Info.Boilerplate) q--;
        if (q < 0) return null;
        var prev = found.Paragraphs[q].Context;
        // "Brierley, who has written to the Health Secretary, added:" introduces the quotation paragraph after it.
        if (found.Paragraphs[q].ColonSpeaker is { } introduced) return introduced;
        var units = found.TopLevel(found.UnitsOf(q));
        var (ls, _) = prev.LastSentence();
        if (units.Count > 0)
        {
            var last = Units[units[^1]];
            // The last quote must stand in the paragraph's last sentence: narration after it intervenes.
            if (last.Speaker is not null && last.TokEnd > ls && last.Kind != "partial") return last.Speaker;
        }
        // Indirect speech then a dash quote is the Scandinavian way to let someone speak on ("Hansen sier at …").
        return dash ? found.Paragraphs[q].ClosingSpeaker : null;
    }

    static Referent? SentenceBefore(ParagraphContext p, List<(int Start, int End, Referent? Who)> continuers, QuoteUnit u)
    {
        for (int s = 1; s < continuers.Count; s++)
        {
            var (start, end, _) = continuers[s];
            if (u.Before < start || u.Before >= end) continue;
            for (int k = start; k < u.Before; k++) if (p.Tokens[k].Kind is not (TokenKind.Mark or TokenKind.Dash)) return null;
            return continuers[s - 1].Who;
        }
        return null;
    }

    bool IsQuoteOnly(ParagraphContext p, List<int> top, Func<int, bool> opaque)
    {
        if (top.Count == 0) return false;
        for (int i = 0; i < p.Tokens.Count; i++)
            if (p.Tokens[i].IsWord && !opaque(i) && !InAttribution(top, i)) return false;
        return top.All(k => Units[k].AttrStart < 0);
    }

    bool InAttribution(List<int> top, int i)
    {
        foreach (var k in top) if (Units[k].AttrStart >= 0 && i >= Units[k].AttrStart && i < Units[k].AttrEnd) return true;
        return false;
    }

    bool NameBetween(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        foreach (var h in p.Hits) if (h.TokStart >= from && h.TokStart < to && !opaque(h.TokStart) && h.Entity.Kind == "person") return true;
        for (int i = Math.Max(0, from); i < to && i < p.Tokens.Count; i++)
            if (!opaque(i) && p.Tokens[i].IsCapitalized && p.FirstNameAt(i) is not null) return true;
        return false;
    }

    /// <summary>A headline that quotes words the body quotes again with their speaker ("– Vi hadde ingenting å tape" over
    /// "– Vi hadde ingenting å tape, og …, sa … Kjetil Aasland") takes that speaker. Headlines are few: each looks
    /// through the quotes once.</summary>
    public void HeadlinesFromBody(string documentText)
    {
        var text = documentText.AsSpan();
        foreach (var h in Units)
        {
            if (h.Speaker is not null || h.Parent >= 0 || found.Paragraphs[h.Para].Context.Info.BoilerplateKind is not ("title" or "repeated_title")) continue;
            var words = text[h.ContentStart..h.ContentEnd].TrimEnd(" .,:;!?…");
            if (words.Count(' ') < 2) continue;
            foreach (var b in Units)
            {
                if (b.Speaker is null || found.Paragraphs[b.Para].Context.Info.Boilerplate || !text[b.ContentStart..b.ContentEnd].StartsWith(words, StringComparison.Ordinal)) continue;
                (h.Speaker, h.SpeakerText, h.Cue, h.Via) = (b.Speaker, b.SpeakerText, b.Cue, b.Via);
                break;
            }
        }
    }

    /// <summary>"Det sier kommunikasjonssjef Kari Vold i Statnett.": a paragraph opening with a pronoun for what was
    /// just quoted and a cue names the speaker of the quote before it.</summary>
    (Referent?, string?, string?) BackReference(ParagraphContext next)
    {
        if (next.Info.Boilerplate || next.Tokens.Count < 3 || !BackReferences.Contains(next.Tokens[0].Lower)) return (null, null, null);
        var cues = CueFinder.Find(next, 1, Math.Min(next.Tokens.Count, 3), _ => false);
        if (cues.Count == 0 || cues[0].Start != 1 || cues[0].Kind is not (CueKind.Speech or CueKind.Tell)) return (null, null, null);
        var reader = new PhraseReader(next, discourse, (j, _) => false);
        var attributor = new Attributor(next, discourse, reader);
        int end = QuoteAttribution.SentenceEndAfter(next, cues[0].End);
        var a = attributor.Resolve(cues[0], cues[0].End, 0, end, _ => false, allowDiscourse: true);
        return (a.Speaker, a.SpeakerText, a.CueText);
    }
}
