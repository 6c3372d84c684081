using Cql.Engine.Core;
using Cql.Engine.Session;

namespace Cql.Repl.Interactive;

/// <summary>
/// The values of a short text column (languages, speakers, kinds) with their counts, for completion after `=` and
/// for "did you mean" under an empty result. Asked only of corpora with value counts (ingest writes them), where
/// `T | count by C` is answered from them without a scan; remembered per session.
/// </summary>
public sealed class ColumnValues(CqlSession session)
{
    /// <summary>Columns with more distinct values than this are not offered.</summary>
    public const int MaxValues = 5_000;

    readonly Dictionary<(string, string), IReadOnlyList<string>> _known = [];

    /// <summary>The values of <paramref name="table"/>.<paramref name="column"/>, most frequent first; empty when the
    /// corpus keeps no counts or the column is not short text.</summary>
    public IReadOnlyList<string> Of(string table, string column)
    {
        if (_known.TryGetValue((table, column), out var known)) return known;
        var values = new List<string>();
        var schema = session.Catalog.FindTable(table);
        var col = schema?.Columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase));
        if (schema is not null && col is { Type: ColumnType.String } && session.Manifest.Tables.ContainsKey("value_counts"))
        {
            foreach (var outcome in session.Run($"{schema.Name} | count by {col.Name} | limit {MaxValues + 1}", CancellationToken.None))
            {
                if (outcome is not RowsOutcome r) continue;
                using var rows = r.Rows;
                while (rows.MoveNext(CancellationToken.None))
                    for (int i = 0; i < rows.Current.RowCount; i++)
                        if (!rows.Current.Columns[0].IsNull(i)) values.Add(rows.Current.Columns[0].GetString(i).ToString());
            }
            if (values.Count > MaxValues) values.Clear();
        }
        _known[(table, column)] = values;
        return values;
    }
}
