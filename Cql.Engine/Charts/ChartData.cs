using Cql.Engine.Execution;
using System.Globalization;

namespace Cql.Engine.Charts;

/// <summary>One line, area or set of bars: a value per category (NaN where the rows have none).</summary>
public sealed record ChartSeries(string Name, double[] Values);

/// <summary>
/// A chart's numbers, read from a query's rows as its <see cref="ChartSpec"/> says: the categories along x in the
/// order they are drawn, and a series per y column (per value of by). What the text and image renderers draw alike.
/// </summary>
public sealed record ChartData(ChartSpec Spec, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series,
    string XLabel, string YLabel, long RowsCharted, long RowsWithoutX)
{
    /// <summary>
    /// Reads every row. Categories run in time order when x holds periods, in numeric order when x holds numbers,
    /// otherwise in the order of the rows. Rows with the same x (and by) add up; rows whose x is null are left out
    /// and counted. A hist puts the numbers of x into equal bins (Sturges' rule, at most 50) and counts them.
    /// </summary>
    public static ChartData Read(IBatchStream rows, ChartSpec spec, CancellationToken ct)
    {
        var cols = rows.Columns;
        int Index(string name)
        {
            for (int c = 0; c < cols.Count; c++) if (cols[c].Name == name) return c;
            throw new ArgumentException($"chart: no column {name}");
        }
        int xi = Index(spec.X);
        int bi = spec.By is null ? -1 : Index(spec.By);
        var yi = spec.Y.Select(Index).ToArray();
        bool xNumber = cols[xi].Type is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;

        if (spec.Kind == ChartKind.Hist) return Histogram(rows, spec, xi, ct);

        var categories = new List<string>();
        var categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var numericX = new List<double>();
        var seriesNames = new List<string>();
        var seriesIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new Dictionary<(int Category, int Series), double>();
        long withoutX = 0, charted = 0;
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                var xv = b.Columns[xi];
                if (xv.IsNull(r)) { withoutX++; continue; }
                charted++;
                var x = Text(xv, r);
                if (!categoryIndex.TryGetValue(x, out int ci))
                {
                    categoryIndex[x] = ci = categories.Count;
                    categories.Add(x);
                    numericX.Add(xNumber ? Number(xv, r) : 0);
                }
                string? group = bi < 0 ? null : b.Columns[bi].IsNull(r) ? "(none)" : Text(b.Columns[bi], r);
                foreach (int y in yi)
                {
                    var yv = b.Columns[y];
                    var name = group is null ? cols[y].Name : yi.Length == 1 ? group : $"{group} {cols[y].Name}";
                    if (!seriesIndex.TryGetValue(name, out int si))
                    {
                        seriesIndex[name] = si = seriesNames.Count;
                        seriesNames.Add(name);
                    }
                    if (yv.IsNull(r)) continue;
                    sums[(ci, si)] = sums.GetValueOrDefault((ci, si)) + Number(yv, r);
                }
            }
        }

        var order = Enumerable.Range(0, categories.Count).ToArray();
        if (spec.XPeriod is not null) Array.Sort(order, (a, b) => string.CompareOrdinal(categories[a], categories[b]));
        else if (xNumber) Array.Sort(order, (a, b) => numericX[a].CompareTo(numericX[b]));
        var series = new List<ChartSeries>();
        for (int s = 0; s < seriesNames.Count; s++)
        {
            var values = new double[order.Length];
            for (int k = 0; k < order.Length; k++) values[k] = sums.TryGetValue((order[k], s), out var v) ? v : double.NaN;
            series.Add(new ChartSeries(seriesNames[s], values));
        }
        return new ChartData(spec, [.. order.Select(i => categories[i])], series, spec.X,
            spec.Y.Count == 1 ? spec.Y[0] : string.Join(", ", spec.Y), charted, withoutX);
    }

    static ChartData Histogram(IBatchStream rows, ChartSpec spec, int xi, CancellationToken ct)
    {
        var values = new List<double>();
        long withoutX = 0;
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                if (b.Columns[xi].IsNull(r)) withoutX++;
                else values.Add(Number(b.Columns[xi], r));
            }
        }
        if (values.Count == 0) return new ChartData(spec, [], [new ChartSeries("count", [])], spec.X, "count", 0, withoutX);
        double min = values.Min(), max = values.Max();
        // Sturges' number of bins (at most 50), widened to a round width (1, 2, 2.5 or 5 times a power of ten) that
        // starts at a multiple of itself: 0–50, 50–100 rather than 4–43.571.
        int wanted = Math.Clamp((int)Math.Ceiling(Math.Log2(values.Count)) + 1, 1, 50);
        double width = RoundWidth(max == min ? 1 : (max - min) / wanted);
        double start = Math.Floor(min / width) * width;
        int bins = Math.Max(1, (int)Math.Floor((max - start) / width) + 1);
        var counts = new double[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)Math.Floor((v - start) / width))]++;
        var labels = new string[bins];
        for (int i = 0; i < bins; i++) labels[i] = $"{Format(start + i * width)}–{Format(start + (i + 1) * width)}";
        return new ChartData(spec, labels, [new ChartSeries("count", counts)], spec.X, "count", values.Count, withoutX);
    }

    static double RoundWidth(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in (double[])[1, 2, 2.5, 5, 10])
            if (step * power >= raw) return step * power;
        return 10 * power;
    }

    /// <summary>A number as an axis shows it: whole numbers without decimals, others with up to three significant places after the point.</summary>
    public static string Format(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    static string Text(ColumnVector v, int r) => v.Type switch
    {
        ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64 => Format(Number(v, r)),
        ColumnType.Bool => v.GetBool(r) ? "true" : "false",
        _ => v.GetString(r).ToString(),
    };

    static double Number(ColumnVector v, int r) => v.Type switch
    {
        ColumnType.Int32 => v.GetInt32(r),
        ColumnType.Int64 => v.GetInt64(r),
        _ => v.GetFloat64(r),
    };
}
