namespace Cql.Engine.Core;

/// <summary>The logical type of a corpus column, as the binder and the executor see it.</summary>
public enum ColumnType
{
    Int32,
    Int64,
    Float64,
    Bool,
    /// <summary>UTF-8 text.</summary>
    String,
    /// <summary>An ISO date of partial precision ("2022", "2022-06", "2022-06-15"), compared as text (lexical order
    /// is date order). Stored as a Parquet DATE (the period's first day) with the precision in a text column beside
    /// it (<see cref="DatePrecision"/>), so other tools read a date.</summary>
    Date,
}

/// <summary>One column of a corpus table.</summary>
public sealed record ColumnSchema(string Name, ColumnType Type, bool Nullable, string Description)
{
    /// <summary>A text column of ISO 8601 instants stored as a Parquet TIMESTAMP (UTC, microseconds) and read back
    /// as UTC text (2024-03-15T09:02:00Z); see <see cref="Instants"/>.</summary>
    public bool Timestamp { get; init; }
}

/// <summary>One corpus table: its name, its columns in file order, and its key (the column that identifies a row,
/// unique in the corpus; null for tables whose rows have no id of their own).</summary>
public sealed record TableSchema(string Name, string Description, IReadOnlyList<ColumnSchema> Columns, string? Key = null)
{
    public ColumnSchema? Find(string name)
    {
        foreach (var c in Columns)
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) return c;
        return null;
    }

    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Where a column the code names must be; a missing one is a bug in the code, not in the input.</summary>
    public int Ordinal(string name) =>
        IndexOf(name) is >= 0 and var i ? i : throw new InvalidOperationException($"table {Name} has no column {name}");
}

/// <summary>Columns the engine gives a meaning beyond their type, named once here.</summary>
public static class WellKnownColumns
{
    /// <summary>Every table but entities has it: what joins a row to its document.</summary>
    public const string DocId = "doc_id";
    /// <summary>The text a row holds: what kwic reads and the term index indexes.</summary>
    public const string Text = "text";
    /// <summary>Canonical entity names: a value compared with it is first resolved through the entities' aliases.</summary>
    public const string Speaker = "speaker";
}

/// <summary>
/// The entities table keeps an entity's aliases in one text column (so every Parquet reader shows them), joined by
/// " | "; this is the one place that joins and splits them.
/// </summary>
public static class EntityAliases
{
    public const string Separator = " | ";

    public static string Join(IEnumerable<string> aliases) => string.Join(Separator, aliases);

    public static string[] Split(string? joined) =>
        joined is null ? [] : joined.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The tables of a CQL corpus. This is the contract between ingest (which writes DIR/&lt;table&gt;/*.parquet),
/// the binder (which resolves names against it) and the executor (which reads the files).
/// Ids are corpus-wide (a sent_id is unique across all documents), so tables join on one column.
/// Offsets (start, end) are UTF-16 character offsets into docs.text, end exclusive.
/// </summary>
public static class CorpusSchema
{
    static ColumnSchema C(string n, ColumnType t, string d, bool nullable = false) => new(n, t, nullable, d);

    public static readonly TableSchema Docs = new("docs", "one row per article", [
        C("doc_id", ColumnType.Int32, "document id, unique in the corpus"),
        C("source", ColumnType.String, "input path relative to the input root (the file name for a flat folder); with a line number for JSONL/CSV"),
        C("lang", ColumnType.String, "ISO 639-1 language of the document"),
        C("lang_confidence", ColumnType.Float64, "confidence of the language verdict, 0..1"),
        C("title", ColumnType.String, "detected or given title", nullable: true),
        C("date", ColumnType.Date, "detected or given date, ISO with the precision found (2022, 2022-06, 2022-06-15); stored as a Parquet DATE, the period's first day", nullable: true),
        C("date_precision", ColumnType.String, "year, month or day: how much of date the source gave; null when no date", nullable: true),
        C("url", ColumnType.String, "url when the input gave one; a page's canonical url (else where it was fetched)", nullable: true),
        C("outlet", ColumnType.String, "publisher when the input gave one; a page's site name (else its host)", nullable: true),
        C("authors", ColumnType.String, "the article's authors, separated by '; ', when the page or the input names them", nullable: true),
        C("published_at", ColumnType.String, "publication time when the source gives one, in UTC (2024-03-15T09:02:00Z); stored as a Parquet TIMESTAMP (UTC, microseconds); a time given without an offset is taken as UTC", nullable: true) with { Timestamp = true },
        C("published_offset", ColumnType.String, "the UTC offset the source wrote with published_at (+01:00); null when it gave none", nullable: true),
        C("text", ColumnType.String, "the whole normalised text (NFC, LF line ends)"),
        C("chars", ColumnType.Int32, "length of text in characters"),
        C("encoding", ColumnType.String, "encoding the input was decoded from"),
        C("content_hash", ColumnType.String, "SHA-256 of the article text, hex"),
    ], Key: "doc_id");

    public static readonly TableSchema Paragraphs = new("paragraphs", "one row per paragraph", [
        C("doc_id", ColumnType.Int32, "document"),
        C("para_id", ColumnType.Int32, "paragraph id, unique in the corpus"),
        C("position", ColumnType.Int32, "0-based index of the paragraph in its document"),
        C("start", ColumnType.Int32, "character offset into docs.text"),
        C("end", ColumnType.Int32, "character offset into docs.text, exclusive"),
        C("text", ColumnType.String, "paragraph text"),
        C("lang", ColumnType.String, "ISO 639-1 language of the paragraph"),
        C("lang_confidence", ColumnType.Float64, "confidence of the language verdict"),
        C("boilerplate", ColumnType.Bool, "true for photo credits, link lists, banners, bios, repeated titles"),
        C("boilerplate_kind", ColumnType.String, "why it is boilerplate (caption, banner, related_links, bio, repeated_title, byline, title, dateline, ellipsis, separator)", nullable: true),
    ], Key: "para_id");

    public static readonly TableSchema Sentences = new("sentences", "one row per sentence", [
        C("doc_id", ColumnType.Int32, "document"),
        C("para_id", ColumnType.Int32, "paragraph"),
        C("sent_id", ColumnType.Int32, "sentence id, unique in the corpus"),
        C("position", ColumnType.Int32, "0-based index of the sentence in its document"),
        C("start", ColumnType.Int32, "character offset into docs.text"),
        C("end", ColumnType.Int32, "character offset into docs.text, exclusive"),
        C("text", ColumnType.String, "sentence text"),
        C("lang", ColumnType.String, "ISO 639-1 language of the sentence"),
        C("lang_confidence", ColumnType.Float64, "confidence of the language verdict"),
    ], Key: "sent_id");

    public static readonly TableSchema Tokens = new("tokens", "one row per word", [
        C("doc_id", ColumnType.Int32, "document"),
        C("sent_id", ColumnType.Int32, "sentence"),
        C("position", ColumnType.Int32, "0-based index of the word in its sentence"),
        C("word", ColumnType.String, "the word as written"),
        C("norm", ColumnType.String, "the word lowercased"),
        C("start", ColumnType.Int32, "character offset into docs.text"),
        C("end", ColumnType.Int32, "character offset into docs.text, exclusive"),
    ]);

    public static readonly TableSchema Quotes = new("quotes", "one row per quotation", [
        C("quote_id", ColumnType.Int32, "quote id, unique in the corpus"),
        C("doc_id", ColumnType.Int32, "document"),
        C("para_id", ColumnType.Int32, "paragraph that holds the quote's start"),
        C("sent_id", ColumnType.Int32, "sentence that holds the quote's start"),
        C("start", ColumnType.Int32, "character offset into docs.text of the quoted words"),
        C("end", ColumnType.Int32, "character offset into docs.text, exclusive"),
        C("text", ColumnType.String, "the quoted words without the marks"),
        C("speaker", ColumnType.String, "canonical name of the speaker; null when nobody is named", nullable: true),
        C("speaker_text", ColumnType.String, "the words that name the speaker in the article", nullable: true),
        C("cue", ColumnType.String, "attribution verb or phrase", nullable: true),
        C("via", ColumnType.String, "medium the quote was reported through", nullable: true),
        C("kind", ColumnType.String, "full, partial, dash or block; term for a title or scare-quoted term (never a speaker)"),
        C("lang", ColumnType.String, "language of the quoted words"),
        C("speaker_role", ColumnType.String, "title, office or affiliation written with the speaker (\"UFCW Local 832 president\")", nullable: true),
        C("cue_lemma", ColumnType.String, "the cue's base form, lower case (\"dire\" for \"ha detto\")", nullable: true),
        C("in_boilerplate", ColumnType.Bool, "the quote stands in a boilerplate paragraph (a caption, a title, a bio)"),
        C("joint", ColumnType.Bool, "said by several speakers together: one row per speaker, same start and end"),
        C("statement_id", ColumnType.Int32, "the statement this quote reports (copies, edits, translations and fragments of one utterance share it); null for a term", nullable: true),
    ], Key: "quote_id");

    public static readonly TableSchema Statements = new("statements", "one row per statement: what a speaker said once, however often and in however many languages it was reported", [
        C("statement_id", ColumnType.Int32, "statement id, unique in the corpus"),
        C("speaker", ColumnType.String, "canonical name of the speaker (the first person named by a report); null when no report names one", nullable: true),
        C("text", ColumnType.String, "a representative report: the first whole quote, else the first fragment"),
        C("text_lang", ColumnType.String, "language of text"),
        C("langs", ColumnType.String, "languages of the reports, sorted, comma-separated"),
        C("n_langs", ColumnType.Int32, "number of languages it was reported in"),
        C("n_reports", ColumnType.Int32, "number of quotes that report it"),
        C("n_docs", ColumnType.Int32, "number of documents that report it"),
        C("first_date", ColumnType.Date, "date of the earliest dated document that reports it", nullable: true),
        C("first_date_precision", ColumnType.String, "year, month or day: the precision of first_date", nullable: true),
        C("first_doc_id", ColumnType.Int32, "the earliest dated document that reports it, else the first in the corpus"),
        C("first_quote_id", ColumnType.Int32, "the report in first_doc_id"),
        C("quote_id", ColumnType.Int32, "the quote whose text is text"),
    ], Key: "statement_id");

    public static readonly TableSchema Entities = new("entities", "one row per known entity", [
        C("entity_id", ColumnType.Int32, "entity id"),
        C("name", ColumnType.String, "canonical name"),
        C("kind", ColumnType.String, "person, organisation, place or medium"),
        C("aliases", ColumnType.String, "names it goes by, separated by '" + EntityAliases.Separator + "'"),
    ], Key: "entity_id");

    public static readonly TableSchema Mentions = new("mentions", "one row per mention of a known entity", [
        C("doc_id", ColumnType.Int32, "document"),
        C("entity_id", ColumnType.Int32, "entity"),
        C("start", ColumnType.Int32, "character offset into docs.text"),
        C("end", ColumnType.Int32, "character offset into docs.text, exclusive"),
        C("text", ColumnType.String, "the words as written"),
    ]);

    public static readonly IReadOnlyList<TableSchema> Tables = [Docs, Paragraphs, Sentences, Tokens, Quotes, Statements, Entities, Mentions];

    public static TableSchema? Find(string name)
    {
        foreach (var t in Tables)
            if (string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) return t;
        return null;
    }
}
