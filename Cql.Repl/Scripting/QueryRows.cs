using Cql.Engine.Charts;
using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using Cql.Engine.Session;
using System.Text;

namespace Cql.Repl.Scripting;

/// <summary>
/// The rows of a query, materialised for C#: <c>Count</c>, <c>Columns</c>, typed access by row and column name,
/// enumeration as dictionaries, and <c>Export(path)</c>.
/// </summary>
public sealed class QueryRows : IReadOnlyList<IReadOnlyDictionary<string, object?>>
{
    readonly List<object?[]> _rows = [];
    readonly CqlSession _session;
    readonly string _query;

    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The chart the query's chart stage asks for, or null.</summary>
    public ChartSpec? ChartSpec { get; }

    internal QueryRows(CqlSession session, string query, IBatchStream stream, CancellationToken ct, ChartSpec? chart = null)
    {
        _session = session;
        _query = query;
        ChartSpec = chart;
        Columns = stream.Columns;
        while (stream.MoveNext(ct))
        {
            var b = stream.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                var row = new object?[Columns.Count];
                for (int c = 0; c < row.Length; c++) row[c] = Value(b.Columns[c], r);
                _rows.Add(row);
            }
        }
    }

    static object? Value(ColumnVector v, int r) => v.IsNull(r) ? null : v.Type switch
    {
        ColumnType.Int32 => v.GetInt32(r),
        ColumnType.Int64 => v.GetInt64(r),
        ColumnType.Float64 => v.GetFloat64(r),
        ColumnType.Bool => v.GetBool(r),
        _ => v.GetString(r).ToString(),
    };

    public int Count => _rows.Count;

    public IReadOnlyDictionary<string, object?> this[int index]
    {
        get
        {
            var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < Columns.Count; c++) d[Columns[c].Name] = _rows[index][c];
            return d;
        }
    }

    /// <summary>The value at a row and column, converted to T (e.g. <c>Get&lt;long&gt;(0, "count")</c>).</summary>
    public T? Get<T>(int row, string column)
    {
        int c = -1;
        for (int i = 0; i < Columns.Count; i++) if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase)) c = i;
        if (c < 0) throw new KeyNotFoundException($"no column '{column}'; columns are {string.Join(", ", Columns.Select(x => x.Name))}");
        var v = _rows[row][c];
        return v is null ? default : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes every row to PATH, in the format its extension names; returns the row count.</summary>
    public long Export(string path)
    {
        var format = OutputFormats.FromPath(path) ?? throw new ArgumentException($"cannot tell the format of '{path}' from its extension");
        return ResultWriter.Export(Replay(), path, format, _session.ProvenanceFor(_query), CancellationToken.None);
    }

    /// <summary>
    /// The rows as a chart: without arguments the one the query's chart stage asks for (else a bar chart); with a kind
    /// (bar, line, area, hist) and columns, as `| chart KIND x X y Y by BY title "…"` would draw them, with the same
    /// defaults. It prints as the text chart and <c>Export("x.png")</c> or <c>.svg</c> writes the image.
    /// </summary>
    public ChartView Chart(string? kind = null, string? x = null, string? y = null, string? by = null, string? title = null)
    {
        bool asked = kind is not null || x is not null || y is not null || by is not null || title is not null;
        if (ChartSpec is { } own && !asked) return new ChartView(_session, _query, ChartData.Read(Replay(), own, CancellationToken.None));
        if (ChartSpec is not null)
            throw new QueryFailedException("this query draws its own chart (its chart stage): call Chart() without arguments, or change the stage");
        var stage = new StringBuilder(" | chart ").Append(kind ?? "bar");
        if (x is not null) stage.Append(" x ").Append(x);
        if (y is not null) stage.Append(" y ").Append(y);
        if (by is not null) stage.Append(" by ").Append(by);
        if (title is not null) stage.Append(" title \"").Append(title.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        // The language binds the stage: its defaults, its errors. The query runs again with it.
        var charted = new ScriptGlobals(_session).Query(_query.TrimEnd().TrimEnd(';') + stage);
        return charted.Chart();
    }

    public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < _rows.Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Count} rows × {Columns.Count} columns ({string.Join(", ", Columns.Select(c => c.Name))})";

    /// <summary>The materialised rows as a batch stream again, for printing and export.</summary>
    internal IBatchStream Replay() => new MemoryRows(Columns, _rows);
}
