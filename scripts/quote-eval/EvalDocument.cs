namespace QuoteEval;

/// <summary>One gold attribution: its content (one or more pieces of the text) and the words of its source, empty
/// when the annotation names none.</summary>
public sealed record GoldAttribution(IReadOnlyList<Span> Content, string Source);

/// <summary>One annotated document as the extractor is given it: the text a reader would see, and the gold
/// attributions with offsets into that text.</summary>
public sealed record EvalDocument(string Name, string Text, IReadOnlyList<GoldAttribution> Gold);
