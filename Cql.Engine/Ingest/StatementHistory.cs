using Cql.Engine.Statements;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Ingest;

/// <summary>Feeds the quotes a corpus already holds, with their statements, to the grouper of an append, so new
/// quotes join the statements the corpus has and new statements get the next ids.</summary>
public static class StatementHistory
{
    internal static void Replay(string corpusDir, CorpusManifest manifest, StatementGrouper grouper)
    {
        foreach (var (q, s) in Read(corpusDir, manifest)) grouper.Replay(q, s);
    }

    /// <summary>The grouped quotes of a corpus with the statement each was given, in the order they were grouped
    /// (corpus order); <c>Cql.Bench statements</c> regroups them to time the grouper alone.</summary>
    public static List<(GroupedQuote Quote, int Statement)> Read(string corpusDir, CorpusManifest manifest)
    {
        var dates = new Dictionary<int, string?>();
        foreach (var path in manifest.FilesOf(corpusDir, CorpusSchema.Docs.Name))
        {
            using var file = new ParquetFileReader(path);
            ParquetColumn id = file.Column("doc_id"), date = file.Column("date");
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                var ids = file.Read(g, id, ColumnType.Int32);
                var ds = file.Read(g, date, ColumnType.Date);
                for (int i = 0; i < file.RowCount(g); i++) dates[ids.GetInt32(i)] = ds.IsNull(i) ? null : ds.GetString(i).ToString();
            }
        }
        var quotes = new List<(GroupedQuote Quote, int Statement)>();
        foreach (var path in manifest.FilesOf(corpusDir, CorpusSchema.Quotes.Name))
        {
            using var file = new ParquetFileReader(path);
            ParquetColumn qid = file.Column("quote_id"), doc = file.Column("doc_id"), sent = file.Column("sent_id"), text = file.Column("text"),
                speaker = file.Column("speaker"), lang = file.Column("lang"), kind = file.Column("kind"), statement = file.Column("statement_id");
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                var qids = file.Read(g, qid, ColumnType.Int32);
                var docs = file.Read(g, doc, ColumnType.Int32);
                var sents = file.Read(g, sent, ColumnType.Int32);
                var texts = file.Read(g, text, ColumnType.String);
                var speakers = file.Read(g, speaker, ColumnType.String);
                var langs = file.Read(g, lang, ColumnType.String);
                var kinds = file.Read(g, kind, ColumnType.String);
                var statements = file.Read(g, statement, ColumnType.Int32);
                for (int i = 0; i < file.RowCount(g); i++)
                {
                    if (statements.IsNull(i)) continue;
                    int d = docs.GetInt32(i);
                    quotes.Add((new GroupedQuote(qids.GetInt32(i), d, sents.GetInt32(i), texts.GetString(i).ToString(),
                        speakers.IsNull(i) ? null : speakers.GetString(i).ToString(), langs.GetString(i).ToString(),
                        kinds.GetString(i).ToString(), dates.GetValueOrDefault(d)), statements.GetInt32(i)));
                }
            }
        }
        // In the order they were grouped: corpus order.
        quotes.Sort((a, b) => a.Quote.QuoteId.CompareTo(b.Quote.QuoteId));
        return quotes;
    }
}
