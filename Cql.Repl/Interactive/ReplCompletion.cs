using Cql.Engine.Storage;
using Cql.Repl.Editing;

namespace Cql.Repl.Interactive;

/// <summary>Completion of keywords, tables, columns and meta commands, from the corpus schema.</summary>
public sealed class ReplCompletion : ICompletionSource
{
    static readonly string[] Keywords =
    [
        "where", "select", "as", "order", "by", "asc", "desc", "limit", "count", "group", "aggregate", "distinct", "sample", "seed",
        "export", "and", "or", "not", "in", "contains", "has", "matches", "startswith", "is", "null", "true", "false",
        "kwic", "width", "let", "explain", "show", "tables", "describe", "min", "max", "avg", "sum", "count_distinct",
        "lower", "upper", "length", "year", "month", "doc",
    ];

    public static readonly string[] MetaCommands = [":help", ":tables", ":schema", ":corpus", ":format", ":timing", ":history", ":quit"];

    public IReadOnlyList<string> Complete(string textBeforeCursor, string word)
    {
        var candidates = new List<string>();
        if (word.StartsWith(':')) candidates.AddRange(MetaCommands);
        else if (word.StartsWith("doc.", StringComparison.OrdinalIgnoreCase))
            candidates.AddRange(CorpusSchema.Docs.Columns.Select(c => "doc." + c.Name));
        else
        {
            var table = CurrentTable(textBeforeCursor);
            if (table is not null) candidates.AddRange(table.Columns.Select(c => c.Name));
            candidates.AddRange(CorpusSchema.Tables.Select(t => t.Name));
            candidates.AddRange(Keywords);
        }
        return candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
    }

    // The table the statement reads from: its first word, when that names a table.
    static TableSchema? CurrentTable(string text)
    {
        var lastStatement = text.Split(';')[^1].TrimStart();
        int end = 0;
        while (end < lastStatement.Length && char.IsLetter(lastStatement[end])) end++;
        return CorpusSchema.Find(lastStatement[..end]);
    }
}
