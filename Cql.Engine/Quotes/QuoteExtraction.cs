namespace Cql.Engine.Quotes;

/// <summary>One quotation found in a document.</summary>
/// <param name="Range">The quoted words in the document text, without the marks.</param>
/// <param name="Speaker">Canonical speaker name, or null when nobody is named.</param>
/// <param name="SpeakerText">The words that name the speaker as written ("Kinas president", "han").</param>
/// <param name="Cue">The attribution verb or phrase ("sa", "ha affermato", "ifølge").</param>
/// <param name="Via">The medium it was reported through ("CNN"), or null.</param>
/// <param name="Kind">full, partial, dash, block (words in marks or set off as a quotation), indirect (reported speech
/// without marks) or mixed (reported speech with a fragment in marks, the whole statement in one row) for speech; term
/// for words mentioned, named or scare-quoted in marks (a title, a programme, a slogan), which never have a speaker.</param>
/// <param name="Lang">The language of the quoted words (ISO 639-1).</param>
/// <param name="ParagraphIndex">Index into the document's paragraphs of the paragraph holding the quote's start.</param>
/// <param name="SentenceIndex">Index into the document's sentences of the sentence holding the quote's start, or -1.</param>
/// <param name="SpeakerRole">The title, office or affiliation written with the speaker's name ("UFCW Local 832
/// president", "Sen."), or the office that speaks when no name is given ("a spokesperson for the economy ministry").</param>
/// <param name="CueLemma">The cue's base form, lower case ("dire" for "Ha detto"; see <see cref="CueLemmas"/>).</param>
/// <param name="InBoilerplate">The quote stands in a boilerplate paragraph (a caption, a title, a bio).</param>
/// <param name="Joint">Several speakers said it together ("Xi Jinping och Vladimir Putin sade"): the statement has one
/// row per speaker, all with the same range.</param>
public sealed record ExtractedQuote(TextRange Range, string Text, string? Speaker, string? SpeakerText, string? Cue, string? Via,
    string Kind, string Lang, int ParagraphIndex, int SentenceIndex, string? SpeakerRole = null, string? CueLemma = null,
    bool InBoilerplate = false, bool Joint = false);

/// <summary>A mention of a known entity in the document text.</summary>
public sealed record EntityMention(string EntityName, TextRange Range, string Text);

/// <summary>What quote extraction found in one document: quotes, mentions, and speakers the gazetteer did not know
/// (added to the entities table as persons).</summary>
public sealed record QuoteExtraction(IReadOnlyList<ExtractedQuote> Quotes, IReadOnlyList<EntityRecord> NewEntities, IReadOnlyList<EntityMention> Mentions);
