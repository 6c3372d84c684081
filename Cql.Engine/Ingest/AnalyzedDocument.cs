namespace Cql.Engine.Ingest;

/// <summary>A span of characters in a document's normalised text: [Start, End).</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
    public string Slice(string text) => text.Substring(Start, End - Start);
}

/// <summary>A language verdict with a confidence in [0, 1]; Code is ISO 639-1 ("und" when unknown).</summary>
public readonly record struct LanguageGuess(string Code, float Confidence)
{
    public static readonly LanguageGuess Unknown = new("und", 0f);
}

/// <summary>One paragraph: its range in the document text, its language and whether it is boilerplate.</summary>
public sealed record ParagraphInfo(TextRange Range, LanguageGuess Lang, bool Boilerplate, string? BoilerplateKind);

/// <summary>One sentence: its range in the document text, the paragraph it belongs to, its language.</summary>
public sealed record SentenceInfo(TextRange Range, int ParagraphIndex, LanguageGuess Lang);

/// <summary>
/// A document after decoding, header detection, segmentation and language identification:
/// the input every later extractor (quotes, entities, tokens) works from. Offsets index <see cref="Text"/>.
/// </summary>
public sealed record AnalyzedDocument(
    string Source,
    string Text,
    string? Title,
    string? Date,
    LanguageGuess Lang,
    IReadOnlyList<ParagraphInfo> Paragraphs,
    IReadOnlyList<SentenceInfo> Sentences);
