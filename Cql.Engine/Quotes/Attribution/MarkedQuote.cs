namespace Cql.Engine.Quotes;

/// <summary>
/// A quotation in marks as the <see cref="MarkedQuoteRules"/> see it: the quotation, the sentence it stands in
/// (tokens [SentenceStart, SentenceEnd) of its paragraph) with that sentence's cues, which tokens are quoted words
/// (<see cref="Opaque"/>), and the document's state the rules read and write (the quotations found, the discourse).
/// </summary>
internal readonly struct MarkedQuote(ParagraphContext paragraph, Attributor attributor, Discourse discourse, FoundQuotes found,
    int index, int sentenceStart, int sentenceEnd, List<CueHit> cues, Func<int, bool> opaque, bool selfContained)
{
    public ParagraphContext Paragraph { get; } = paragraph;
    /// <summary>Resolves a cue's subject in this paragraph.</summary>
    public Attributor Attributor { get; } = attributor;
    public Discourse Discourse { get; } = discourse;
    public FoundQuotes Found { get; } = found;
    /// <summary>The quotation's number in <see cref="FoundQuotes.Units"/>.</summary>
    public int Index { get; } = index;
    public QuoteUnit Unit => Found.Units[Index];
    public int SentenceStart { get; } = sentenceStart;
    public int SentenceEnd { get; } = sentenceEnd;
    /// <summary>The cues of the sentence, in order, outside the quoted words.</summary>
    public List<CueHit> Cues { get; } = cues;
    /// <summary>Whether a token is quoted words (this quotation's or another's) rather than the narration's.</summary>
    public Func<int, bool> Opaque { get; } = opaque;
    /// <summary>A title or caption, or a quotation nested in another: attributed within itself, never from the
    /// discourse.</summary>
    public bool SelfContained { get; } = selfContained;

    /// <summary>The quotation's first token, its opening mark included.</summary>
    public int Before => Unit.Before;

    /// <summary>The quotation opens its sentence: words before it in the sentence are none, or are themselves quoted.</summary>
    public bool Fronted => QuoteAttribution.IsSentenceStart(Paragraph, Before, Opaque) || Before == SentenceStart;

    /// <summary>The colon right before the quotation in its sentence ("said in a statement: “…”"), or -1.</summary>
    public int ColonBefore => Before - 1 >= SentenceStart && Paragraph.Tokens[Before - 1].Is(':') ? Before - 1 : -1;

    /// <summary>Takes a cue's attribution as the quotation's (see <see cref="QuoteAttribution.Apply"/>).</summary>
    public void Apply(Attribution a) => QuoteAttribution.Apply(Discourse, Unit, a, Paragraph.Index);

    /// <summary>The marks hold a word mentioned, not quoted: settled with nobody speaking.</summary>
    public void SettleAsTerm()
    {
        var u = Unit;
        u.Settled = u.IsTerm = true;
    }
}
