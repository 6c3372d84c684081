namespace Cql.Engine.Quotes;

/// <summary>Quotations without a cue of their own: who continues speaking in them (<see cref="ContinuationRules"/>),
/// and a headline that quotes the body takes the body's speaker.</summary>
internal sealed class QuoteContinuation(FoundQuotes found, Discourse discourse)
{
    List<QuoteUnit> Units => found.Units;

    /// <summary>Gives the quotations of <paramref name="p"/> that their sentences left open a speaker by the
    /// <see cref="ContinuationRules"/>, in reading order: each one attributed becomes the previous speaker of the
    /// next.</summary>
    public void Continue(ParagraphContext p, List<int> top, Func<int, bool> opaque, List<(int Start, int End, Referent? Who)> continuers)
    {
        if (QuoteAttribution.SelfContained(p.Info)) return;
        bool quoteOnly = IsQuoteOnly(p, top, opaque);
        var backReference = quoteOnly && p.Index + 1 < found.Paragraphs.Count ? BackReferenceRule.Read(found.Paragraphs[p.Index + 1].Context, discourse) : null;
        Referent? previous = null;
        int previousEnd = -1;
        foreach (var k in top)
        {
            var u = Units[k];
            if (!u.Settled && u.Speaker is null
                && ContinuationRules.Continue(new ContinuedQuote(p, found, u, opaque, quoteOnly, backReference, previous, previousEnd, continuers)))
                discourse.NoteQuoteSpeaker(u.Speaker, p.Index, u.TokStart);
            if (u.Speaker is not null) { previous = u.Speaker; previousEnd = u.AttrEnd >= 0 ? u.AttrEnd : Math.Max(u.After, u.SentenceEnd); }
        }
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

    /// <summary>A headline that quotes words the body quotes again with their speaker ("– Vi hadde ingenting å tape" over
    /// "– Vi hadde ingenting å tape, og …, sa … Kjetil Aasland") takes that speaker. Headlines are few: each looks
    /// through the quotes once.</summary>
    public void HeadlinesFromBody(string documentText)
    {
        var text = documentText.AsSpan();
        foreach (var h in Units)
        {
            if (h.Speaker is not null || h.Parent >= 0 || !IsHeadline(h.Para, text)) continue;
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

    /// <summary>How many lines a title and its decks may take before the body.</summary>
    const int MaxHeadlineParagraphs = 3;

    /// <summary>A headline: the title, or a deck under it — lines before the body that end no sentence ("Company says it
    /// “deeply regrets” the incident", "Union says staffing, not pay, is the sticking point"), where headlinese names
    /// the body's speaker by a bare noun ("Company", "Lawyer").</summary>
    bool IsHeadline(int para, ReadOnlySpan<char> text)
    {
        if (found.Paragraphs[para].Context.Info.BoilerplateKind is "title" or "repeated_title") return true;
        if (found.Paragraphs[para].DocumentParagraph >= MaxHeadlineParagraphs) return false;
        for (int i = 0; i <= para; i++)
        {
            var info = found.Paragraphs[i].Context.Info;
            if (info.BoilerplateKind is "title") continue;
            if (info.Boilerplate || EndsSentence(text[info.Range.Start..info.Range.End])) return false;
        }
        return true;
    }

    static bool EndsSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd().TrimEnd("\"'”’»“");
        return line.Length == 0 || line[^1] is '.' or '!' or '?' or ':' or '…';
    }
}
