namespace Cql.Engine.Quotes;

/// <summary>One analysed paragraph of a document (a very long paragraph is analysed in windows, each one of these)
/// and what extraction has learnt about it: its quotations and who it leaves speaking.</summary>
internal sealed class QuoteParagraph(ParagraphContext context, int documentParagraph)
{
    public ParagraphContext Context { get; } = context;
    /// <summary>The index of the document paragraph this one is (a window of).</summary>
    public int DocumentParagraph { get; } = documentParagraph;
    /// <summary>Its quotations, as indices into <see cref="FoundQuotes.Units"/>; in content order once attributed.</summary>
    public List<int> Units { get; } = [];
    /// <summary>The subject of its last sentence's indirect speech ("Hansen sier at …"), whom a dash quote in the
    /// next paragraph may continue.</summary>
    public Referent? ClosingSpeaker { get; set; }
    /// <summary>For a paragraph ending in a colon ("Brierley … added:"), who it introduces.</summary>
    public Referent? ColonSpeaker { get; set; }
    /// <summary>For a guest's turn in a transcript (<see cref="TranscriptTurns"/>): the label's name ("ELLERY"), and
    /// the token where the turn's words start.</summary>
    public string? TurnHead { get; set; }
    public int TurnStart { get; set; }
}

/// <summary>A name the gazetteer does not know, met as a phrase over tokens [Start, End) of analysed paragraph
/// <paramref name="Para"/>: a mention of it is reported when it turns out to speak.</summary>
internal readonly record struct MetName(int Para, int Start, int End, Referent Ref);
