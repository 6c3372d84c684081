namespace Cql.Engine.Quotes;

/// <summary>One quotation found in a document.</summary>
/// <param name="Range">The quoted words in the document text, without the marks.</param>
/// <param name="Speaker">Canonical speaker name, or null when nobody is named.</param>
/// <param name="SpeakerText">The words that name the speaker as written ("Kinas president", "han").</param>
/// <param name="Cue">The attribution verb or phrase ("sa", "ha affermato", "ifølge").</param>
/// <param name="Via">The medium it was reported through ("CNN"), or null.</param>
/// <param name="Kind">full, partial, dash, block (words in marks or set off as a quotation), indirect (reported speech without marks) or mixed (reported speech with a fragment in marks, the whole statement).</param>
/// <param name="Lang">The language of the quoted words (ISO 639-1).</param>
/// <param name="ParagraphIndex">Index into the document's paragraphs of the paragraph holding the quote's start.</param>
/// <param name="SentenceIndex">Index into the document's sentences of the sentence holding the quote's start, or -1.</param>
public sealed record ExtractedQuote(TextRange Range, string Text, string? Speaker, string? SpeakerText, string? Cue, string? Via,
    string Kind, string Lang, int ParagraphIndex, int SentenceIndex);

/// <summary>A mention of a known entity in the document text.</summary>
public sealed record EntityMention(string EntityName, TextRange Range, string Text);

/// <summary>What quote extraction found in one document: quotes, mentions, and speakers the gazetteer did not know
/// (added to the entities table as persons).</summary>
public sealed record QuoteExtraction(IReadOnlyList<ExtractedQuote> Quotes, IReadOnlyList<EntityRecord> NewEntities, IReadOnlyList<EntityMention> Mentions);
