namespace Cql.Engine.Storage.Writing;

/// <summary>
/// Counts the values of a table's short text columns (lang, speaker, kind, …) in each part file as it is written,
/// and writes the counts to the <see cref="Schema"/> table when the part closes: (table, part, column, value, count),
/// a null value counting the nulls. A column with more than <see cref="MaxValues"/> distinct values in a part is
/// given up (a row with count -1), so the counts stay small. `count by lang` then adds up a few rows instead of
/// scanning the table (<c>ValueCountChoice</c> in the physical planner).
/// </summary>
public sealed class ValueCounter
{
    public const int MaxValues = 10_000;
    public const string TableName = "value_counts";

    public static readonly TableSchema Schema = new(TableName, "exact value counts of short text columns, per part file", [
        new ColumnSchema("table", ColumnType.String, false, "the counted table"),
        new ColumnSchema("part", ColumnType.String, false, "the part file, relative to the corpus folder"),
        new ColumnSchema("column", ColumnType.String, false, "the counted column"),
        new ColumnSchema("value", ColumnType.String, true, "a value of the column (null: the rows where it is missing)"),
        new ColumnSchema("count", ColumnType.Int64, false, "rows with that value in the part; -1: too many distinct values, not counted"),
    ]);

    readonly string _table;
    readonly int[] _columns;
    readonly string[] _names;
    readonly Dictionary<string, long>?[] _counts;
    readonly long[] _nulls;

    /// <param name="columns">Ordinals of the columns to count, with their names.</param>
    public ValueCounter(string table, IReadOnlyList<(int Ordinal, string Name)> columns)
    {
        _table = table;
        _columns = columns.Select(c => c.Ordinal).ToArray();
        _names = columns.Select(c => c.Name).ToArray();
        _counts = new Dictionary<string, long>?[_columns.Length];
        _nulls = new long[_columns.Length];
        Reset();
    }

    /// <summary>Counts the values of one column of a row group being written, from its dictionary (the distinct
    /// values and how many rows hold each) and its nulls: a lookup per distinct value, not per row.</summary>
    internal void Add(int ordinal, IReadOnlyList<string> values, ReadOnlySpan<int> rows, long nulls)
    {
        int k = Array.IndexOf(_columns, ordinal);
        if (k < 0 || _counts[k] is not { } counts) return; // not counted, or given up for this part
        _nulls[k] += nulls;
        for (int i = 0; i < values.Count; i++)
        {
            // Counts only grow: past the limit the column is given up whatever the rest of the rows hold
            // (the tokens' words pass it early in every part).
            if (counts.Count > MaxValues) break;
            Bump(counts, values[i], rows[i]);
        }
        if (counts.Count > MaxValues) _counts[k] = null;
    }

    static void Bump(Dictionary<string, long> counts, string v, long n)
    {
        ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, v, out _);
        slot += n;
    }

    /// <summary>Writes the counts of the part just completed and starts over for the next part.</summary>
    internal async ValueTask WritePartAsync(string part, TableWriter output, CancellationToken ct)
    {
        for (int k = 0; k < _columns.Length; k++)
        {
            if (_counts[k] is not { } counts)
            {
                await Row(output, part, _names[k], null, -1, ct);
                continue;
            }
            foreach (var (v, n) in counts) await Row(output, part, _names[k], v, n, ct);
            if (_nulls[k] > 0) await Row(output, part, _names[k], null, _nulls[k], ct);
        }
        Reset();
    }

    async ValueTask Row(TableWriter output, string part, string column, string? value, long count, CancellationToken ct)
    {
        output.String(0, _table);
        output.String(1, part);
        output.String(2, column);
        if (value is null) output.Null(3); else output.String(3, value);
        output.Int64(4, count);
        await output.EndRowAsync(ct);
    }

    void Reset()
    {
        for (int k = 0; k < _columns.Length; k++) { _counts[k] = new Dictionary<string, long>(StringComparer.Ordinal); _nulls[k] = 0; }
    }
}
