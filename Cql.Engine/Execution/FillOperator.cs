using System.Text;

namespace Cql.Engine.Execution;

/// <summary>
/// The fill stage (<see cref="Planning.Fill"/>): reads its whole input (a grouped result: one row per period and
/// series), then hands out every period from the first to the last for every series, the missing ones with 0 in the
/// number columns. A series is a combination of the values of the columns that are neither the period nor numbers.
/// </summary>
public sealed class FillOperator(IPhysicalOperator input, string period, PeriodUnit unit) : IPhysicalOperator
{
    /// <summary>More periods than this between the first and the last is almost surely the wrong unit (days over
    /// centuries); refused rather than filling memory.</summary>
    public const int MaxPeriods = 100_000;

    bool _done;
    public IReadOnlyList<ResultColumn> Columns => input.Columns;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var cols = Columns;
        int p = -1;
        for (int c = 0; c < cols.Count; c++) if (cols[c].Name == period) p = c;
        if (p < 0) throw new InvalidOperationException($"fill: no column {period}");

        var batches = new List<ColumnBatch>();
        // Rows with a period, by (period, series); rows without one, in input order.
        var rowsAt = new Dictionary<(string Period, int Series), List<(int Batch, int Row)>>();
        var seriesIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seriesFirst = new List<(int Batch, int Row)>();
        var withoutPeriod = new List<(int Batch, int Row)>();
        string? first = null, last = null;
        var key = new StringBuilder();
        while (input.Next(ct) is { } b)
        {
            batches.Add(b);
            int bi = batches.Count - 1;
            var pv = b.Columns[p];
            for (int r = 0; r < b.RowCount; r++)
            {
                string? value = pv.IsNull(r) ? null : pv.GetString(r).ToString();
                if (value is null || DatePeriods.UnitOf(value) != unit) { withoutPeriod.Add((bi, r)); continue; }
                SeriesKey(b, r, p, key);
                if (!seriesIds.TryGetValue(key.ToString(), out int s))
                {
                    seriesIds[key.ToString()] = s = seriesFirst.Count;
                    seriesFirst.Add((bi, r));
                }
                if (!rowsAt.TryGetValue((value, s), out var list)) rowsAt[(value, s)] = list = [];
                list.Add((bi, r));
                if (first is null || string.CompareOrdinal(value, first) < 0) first = value;
                if (last is null || string.CompareOrdinal(value, last) > 0) last = value;
            }
        }

        var periods = new List<string>();
        for (var at = first; at is not null && string.CompareOrdinal(at, last) <= 0; at = DatePeriods.Next(at, unit))
        {
            if (periods.Count == MaxPeriods)
                throw new QueryRuntimeException($"fill would add more than {MaxPeriods:N0} periods between {first} and {last}; use a coarser unit than {DatePeriods.Name(unit)}");
            periods.Add(at);
        }

        var builders = new VectorBuilder[cols.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = new VectorBuilder(cols[c].Type, periods.Count * Math.Max(1, seriesFirst.Count) + withoutPeriod.Count);
        foreach (var at in periods)
        {
            ct.ThrowIfCancellationRequested();
            var text = at.AsMemory();
            for (int s = 0; s < seriesFirst.Count; s++)
            {
                if (rowsAt.TryGetValue((at, s), out var rows))
                {
                    foreach (var (bi, r) in rows) Copy(builders, batches[bi], r);
                    continue;
                }
                var (fb, fr) = seriesFirst[s];
                for (int c = 0; c < builders.Length; c++)
                {
                    if (c == p) builders[c].Append(text);
                    else if (cols[c].Type == ColumnType.Int32) builders[c].Append(0);
                    else if (cols[c].Type == ColumnType.Int64) builders[c].Append(0L);
                    else if (cols[c].Type == ColumnType.Float64) builders[c].Append(0.0);
                    else builders[c].AppendFrom(batches[fb].Columns[c], fr);
                }
            }
        }
        foreach (var (bi, r) in withoutPeriod) Copy(builders, batches[bi], r);
        int count = builders.Length == 0 ? 0 : builders[0].Count;
        if (count == 0) return null;
        return new ColumnBatch(Array.ConvertAll(builders, x => x.Build()), count);
    }

    static void Copy(VectorBuilder[] builders, ColumnBatch b, int r)
    {
        for (int c = 0; c < builders.Length; c++) builders[c].AppendFrom(b.Columns[c], r);
    }

    /// <summary>The values of the series columns of a row, as one key (a null and each value told apart).</summary>
    void SeriesKey(ColumnBatch b, int r, int periodColumn, StringBuilder key)
    {
        key.Clear();
        for (int c = 0; c < b.Columns.Count; c++)
        {
            if (c == periodColumn || Columns[c].Type is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64) continue;
            var v = b.Columns[c];
            if (v.IsNull(r)) key.Append('\u0001');
            else key.Append('\u0002').Append(CellValue(v, r));
            key.Append('\u0000');
        }
    }

    static string CellValue(ColumnVector v, int r) => v.Type == ColumnType.Bool ? (v.GetBool(r) ? "t" : "f") : v.GetString(r).ToString();

    public void Dispose() => input.Dispose();
}
