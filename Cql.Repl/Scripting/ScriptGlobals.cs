using Cql.Engine.Records;
using Cql.Engine.Session;

namespace Cql.Repl.Scripting;

/// <summary>
/// What C# code (a `>` line in the REPL, a .csx file) sees as globals: the corpus tables as typed records,
/// <see cref="Query"/> for the language, and <see cref="Last"/>, the last result of the language.
/// </summary>
public sealed class ScriptGlobals(CqlSession corpus)
{
    List<Quote>? _quotes;
    List<Doc>? _docs;
    List<Sentence>? _sentences;
    List<Paragraph>? _paragraphs;
    List<Entity>? _entities;
    List<Mention>? _mentions;
    List<Statement>? _statements;

    public CqlSession Corpus { get; } = corpus;
    public IReadOnlyList<Quote> Quotes => _quotes ??= RecordTables.Load<Quote>(Corpus.FilesOf("quotes"));
    public IReadOnlyList<Doc> Docs => _docs ??= RecordTables.Load<Doc>(Corpus.FilesOf("docs"));
    public IReadOnlyList<Sentence> Sentences => _sentences ??= RecordTables.Load<Sentence>(Corpus.FilesOf("sentences"));
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs ??= RecordTables.Load<Paragraph>(Corpus.FilesOf("paragraphs"));
    public IReadOnlyList<Entity> Entities => _entities ??= RecordTables.Load<Entity>(Corpus.FilesOf("entities"));
    public IReadOnlyList<Mention> Mentions => _mentions ??= RecordTables.Load<Mention>(Corpus.FilesOf("mentions"));
    public IReadOnlyList<Statement> Statements => _statements ??= RecordTables.Load<Statement>(Corpus.FilesOf("statements"));

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
                    using (r.Rows) result = new QueryRows(Corpus, cql, r.Rows, CancellationToken.None);
                    break;
            }
        }
        return result ?? throw new QueryFailedException($"'{cql}' returned no rows to work with (it was not a query)");
    }
}

/// <summary>A query run from C# failed; the message is the rendered diagnostic.</summary>
public sealed class QueryFailedException(string message) : Exception(message);
