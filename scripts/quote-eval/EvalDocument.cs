namespace QuoteEval;

/// <summary>One gold attribution: its content (one or more pieces of the text), the words of its source (empty when
/// the annotation names none; joint speakers as <c>A; B</c>), and its kind where the annotation gives one (else it is
/// told by the quotation marks around the content).</summary>
public sealed record GoldAttribution(IReadOnlyList<Span> Content, string Source, QuoteKind? Kind = null);

/// <summary>One annotated document as the extractor is given it: the text a reader would see, and the gold
/// attributions with offsets into that text.</summary>
public sealed record EvalDocument(string Name, string Text, IReadOnlyList<GoldAttribution> Gold);
