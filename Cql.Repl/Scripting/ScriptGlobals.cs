using Cql.Engine.Records;
using Cql.Engine.Session;

namespace Cql.Repl.Scripting;

/// <summary>
/// What C# code (a `>` line in the REPL, a .csx file) sees as globals: the corpus tables as typed records,
/// <see cref="Query"/> for the language, and <see cref="Last"/>, the last result of the language.
/// </summary>
public sealed class ScriptGlobals(CqlSession corpus)
{
    public CqlSession Corpus { get; } = corpus;

    // The tables stream (one row group at a time, stopping at Ctrl+C between row groups): Quotes.Count(q => …) over a
    // large corpus neither waits for nor holds the whole table. Kept, so that indexing loads a table once.
    RecordTable<Quote>? _quotes;
    RecordTable<Doc>? _docs;
    RecordTable<Sentence>? _sentences;
    RecordTable<Paragraph>? _paragraphs;
    RecordTable<Entity>? _entities;
    RecordTable<Mention>? _mentions;
    RecordTable<Statement>? _statements;

    public RecordTable<Quote> Quotes => _quotes ??= new(Corpus.FilesOf("quotes"), Cancellation);
    public RecordTable<Doc> Docs => _docs ??= new(Corpus.FilesOf("docs"), Cancellation);
    public RecordTable<Sentence> Sentences => _sentences ??= new(Corpus.FilesOf("sentences"), Cancellation);
    public RecordTable<Paragraph> Paragraphs => _paragraphs ??= new(Corpus.FilesOf("paragraphs"), Cancellation);
    public RecordTable<Entity> Entities => _entities ??= new(Corpus.FilesOf("entities"), Cancellation);
    public RecordTable<Mention> Mentions => _mentions ??= new(Corpus.FilesOf("mentions"), Cancellation);
    public RecordTable<Statement> Statements => _statements ??= new(Corpus.FilesOf("statements"), Cancellation);

    static CancellationToken Cancellation() => SubmissionCancellation.Current;

    string? _lastQuery;
    QueryRows? _last;

    /// <summary>The rows of the last statement of the language the REPL ran (null before the first), run again on
    /// first use so the language path never has to keep its results.</summary>
    public QueryRows? Last => _last ??= _lastQuery is null ? null : Query(_lastQuery);

    /// <summary>Called by the REPL after each statement of the language.</summary>
    public void SetLastQuery(string text)
    {
        _lastQuery = text;
        _last = null;
    }

    /// <summary>Runs a statement of the language and returns its rows. Throws with the rendered error when it fails.</summary>
    public QueryRows Query(string cql)
    {
        QueryRows? result = null;
        foreach (var outcome in Corpus.Run(cql, CancellationToken.None))
        {
            switch (outcome)
            {
                case ErrorOutcome e: throw new QueryFailedException(e.Rendered);
                case RowsOutcome r:
                    using (r.Rows) result = new QueryRows(Corpus, cql, r.Rows, CancellationToken.None, r.Chart);
                    break;
            }
        }
        return result ?? throw new QueryFailedException($"'{cql}' returned no rows to work with (it was not a query)");
    }
}

/// <summary>A query run from C# failed; the message is the rendered diagnostic.</summary>
public sealed class QueryFailedException(string message) : Exception(message);
