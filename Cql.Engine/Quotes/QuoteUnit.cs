namespace Cql.Engine.Quotes;

/// <summary>One quotation while a document is processed: where it is, how it was marked, and what attribution
/// has decided so far.</summary>
internal sealed class QuoteUnit
{
    public required int Para { get; init; }
    /// <summary>Content tokens [TokStart, TokEnd) and characters [ContentStart, ContentEnd).</summary>
    public required int TokStart { get; set; }
    public required int TokEnd { get; set; }
    public required int ContentStart { get; set; }
    public required int ContentEnd { get; set; }
    /// <summary>The opening and closing mark tokens (-1 for dash and block quotes, or a mark never closed).</summary>
    public int OpenTok { get; set; } = -1;
    public int CloseTok { get; set; } = -1;
    /// <summary>marked (full or partial, decided from context), dash, block, turn (a transcript turn), or indirect (kind indirect or mixed).</summary>
    public required string Style { get; init; }
    public string Kind { get; set; } = "partial";
    /// <summary>The enclosing quotation (index into the document's units), or -1.</summary>
    public int Parent { get; set; } = -1;
    /// <summary>For a dash quote: the attribution clause after it ("sier Aasland til NTB"), tokens [AttrStart, AttrEnd).</summary>
    public int AttrStart { get; set; } = -1;
    public int AttrEnd { get; set; } = -1;

    public Referent? Speaker { get; set; }
    public string? SpeakerText { get; set; }
    public string? Cue { get; set; }
    public string? Via { get; set; }
    /// <summary>The title or office written with the speaker (see <see cref="ExtractedQuote.SpeakerRole"/>).</summary>
    public string? SpeakerRole { get; set; }
    /// <summary>Who spoke together with <see cref="Speaker"/> ("Xi Jinping och Vladimir Putin sade"), or null.</summary>
    public List<Referent>? CoSpeakers { get; set; }
    /// <summary>Attribution is decided (a speaker, or nobody on purpose: a scare quote, an impersonal report).</summary>
    public bool Settled { get; set; }
    /// <summary>A fragment in marks inside a mixed quotation, which reports it as part of the whole statement: not a row.</summary>
    public bool Absorbed { get; set; }
    /// <summary>A word mentioned rather than quoted ("ordet «krig»").</summary>
    public bool IsTerm { get; set; }
    /// <summary>The end (token) of the sentence that holds the quotation: where its attribution ends.</summary>
    public int SentenceEnd { get; set; } = -1;

    /// <summary>The token after the quotation's last mark (or content).</summary>
    public int After => CloseTok >= 0 ? CloseTok + 1 : TokEnd;
    /// <summary>The quotation's first token, its opening mark included.</summary>
    public int Before => OpenTok >= 0 ? OpenTok : TokStart;
}
