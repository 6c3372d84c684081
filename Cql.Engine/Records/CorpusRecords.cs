namespace Cql.Engine.Records;

// Typed rows of the corpus tables, for C# (REPL `>` lines, .csx scripts, library users). Property names are the
// PascalCase of the column names in Storage/CorpusSchema.cs; RecordTables maps them by that rule.

/// <summary>A row of docs.</summary>
public sealed record Doc(int DocId, string Source, string Lang, double LangConfidence, string? Title, string? Date, string? DatePrecision, string? Url, string? Outlet,
    string? Authors, string? PublishedAt, string? PublishedOffset,
    string Text, int Chars, string Encoding, string ContentHash);

/// <summary>A row of paragraphs.</summary>
public sealed record Paragraph(int DocId, int ParaId, int Position, int Start, int End, string Text, string Lang, double LangConfidence,
    bool Boilerplate, string? BoilerplateKind);

/// <summary>A row of sentences.</summary>
public sealed record Sentence(int DocId, int ParaId, int SentId, int Position, int Start, int End, string Text, string Lang, double LangConfidence);

/// <summary>A row of quotes.</summary>
public sealed record Quote(int QuoteId, int DocId, int ParaId, int SentId, int Start, int End, string Text, string? Speaker, string? SpeakerText,
    string? Cue, string? Via, string Kind, string Lang, string? SpeakerRole, string? CueLemma, bool InBoilerplate, bool Joint,
    int? StatementId);

/// <summary>A row of statements.</summary>
public sealed record Statement(int StatementId, string? Speaker, string Text, string TextLang, string Langs, int NLangs, int NReports,
    int NDocs, string? FirstDate, string? FirstDatePrecision, int FirstDocId, int FirstQuoteId, int QuoteId);

/// <summary>A row of entities.</summary>
public sealed record Entity(int EntityId, string Name, string Kind, string Aliases);

/// <summary>A row of mentions.</summary>
public sealed record Mention(int DocId, int EntityId, int Start, int End, string Text);
