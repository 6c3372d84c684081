namespace Cql.Engine.Statements;

/// <summary>What statement grouping reads of a quote: the fields every quote has, and its document's date.</summary>
/// <param name="Sentence">The sentence that holds the quote's start, unique in the corpus (partial quotes of one
/// sentence by one speaker are fragments of one statement).</param>
public readonly record struct GroupedQuote(int QuoteId, int DocId, int Sentence, string Text, string? Speaker, string Lang,
    string Kind, string? DocDate);
