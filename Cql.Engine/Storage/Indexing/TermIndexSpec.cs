namespace Cql.Engine.Storage.Indexing;

/// <summary>
/// A term index over the text of one table. <see cref="IndexTable"/> holds a row per distinct word of each segment
/// of the source (about four million postings): the word lowercased as <see cref="Core.WordRules"/> defines
/// words (<c>term</c>), how many rows have it (<c>rows</c>), how often it occurs in them (<c>occurrences</c>), and
/// the ids of those rows in ascending order (<c>ids</c>, a list). Within a segment rows are sorted by term and row
/// groups are cut every ~64K ids, so a word's postings are found from row-group min/max statistics without reading
/// the rest. It is plain Parquet:
/// <c>SELECT unnest(ids) FROM 'DIR/quote_terms/*.parquet' WHERE term = 'samarbeid'</c> works in DuckDB.
/// </summary>
public sealed record TermIndexSpec(string SourceTable, string IdColumn, string IndexTable)
{
    public const string TermColumn = "term";
    public const string RowsColumn = "rows";
    public const string OccurrencesColumn = "occurrences";
    public const string IdsColumn = "ids";

    /// <summary>The indexed tables: the texts `has`, `contains` and kwic search most.</summary>
    public static readonly IReadOnlyList<TermIndexSpec> All =
    [
        new("quotes", "quote_id", "quote_terms"),
        new("sentences", "sent_id", "sentence_terms"),
    ];

    public static TermIndexSpec? ForSource(string table)
    {
        foreach (var s in All) if (string.Equals(s.SourceTable, table, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }
}
