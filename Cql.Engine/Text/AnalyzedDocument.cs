namespace Cql.Engine.Text;

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
