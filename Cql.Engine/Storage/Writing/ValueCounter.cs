namespace Cql.Engine.Storage.Writing;

/// <summary>
/// Counts the values of a table's short text columns (lang, speaker, kind, …) in each part file as it is written,
/// and writes the counts to the <see cref="Schema"/> table when the part closes: (table, part, column, value, count),
/// a null value counting the nulls. A column with more than <see cref="MaxValues"/> distinct values in a part is
/// given up (a row with count -1), so the counts stay small. `count by lang` then adds up a few rows instead of
/// scanning the table (<c>ValueCountRule</c>).
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

    /// <summary>Counts the buffered values of a row group about to be written.</summary>
    internal void Add(ColumnBuffer[] buffers)
    {
        for (int k = 0; k < _columns.Length; k++)
        {
            var counts = _counts[k];
            if (counts is null) continue; // given up for this part
            var values = buffers[_columns[k]].Strings;
            string? last = null;
            long run = 0;
            foreach (var v in values)
            {
                if (v is null) { _nulls[k]++; continue; }
                // Writers often pass the same string instance for a run of rows: count the run, look it up once.
                if (ReferenceEquals(v, last)) { run++; continue; }
                if (last is not null) Bump(counts, last, run);
                // Counts only grow: past the limit the column is given up whatever the rest of the rows hold
                // (the tokens' words pass it early in every part).
                if (counts.Count > MaxValues) break;
                last = v;
                run = 1;
            }
            if (last is not null && counts.Count <= MaxValues) Bump(counts, last, run);
            if (counts.Count > MaxValues) _counts[k] = null;
        }
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
