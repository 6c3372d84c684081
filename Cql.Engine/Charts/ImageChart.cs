using ScottPlot;

namespace Cql.Engine.Charts;

/// <summary>Draws a chart as a PNG or SVG image with ScottPlot: title, axis labels, the categories (periods in
/// time order) as x ticks, a legend when there is more than one series.</summary>
public static class ImageChart
{
    public const int Width = 900, Height = 500;

    /// <summary>At most this many x tick labels; with more categories (or longer ones) every k-th is labelled.</summary>
    const int MaxTicks = 16;

    /// <summary>Writes the image to <paramref name="output"/>.</summary>
    public static void Write(ChartData data, ChartImageFormat format, Stream output)
    {
        var plot = Build(data);
        if (format == ChartImageFormat.Png)
        {
            var bytes = plot.GetImageBytes(Width, Height, ImageFormat.Png);
            output.Write(bytes);
        }
        else
        {
            using var w = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(plot.GetSvgXml(Width, Height));
        }
    }

    static Plot Build(ChartData data)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        int n = data.Categories.Count;
        var kind = data.Spec.Kind;
        int seriesCount = data.Series.Count;
        // Bars of names (speakers, languages) lie down, the names one under the other, first at the top, as in the
        // terminal: names side by side under upright bars run into each other. Periods and numbers stay along x.
        bool horizontal = kind == ChartKind.Bar && data.Spec.XPeriod is null
            && !data.Categories.All(c => double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        double Place(int i) => horizontal ? n - 1 - i : i;
        // Bars of several series stand side by side within a category's unit of width.
        double barWidth = 0.8 / Math.Max(1, seriesCount);
        for (int s = 0; s < seriesCount; s++)
        {
            var series = data.Series[s];
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(series.Values[i])) continue;
                double offset = kind is ChartKind.Bar or ChartKind.Hist && seriesCount > 1 ? -0.4 + barWidth * (s + 0.5) : 0;
                xs.Add(Place(i) + (horizontal ? -offset : offset));
                ys.Add(series.Values[i]);
            }
            if (kind is ChartKind.Bar or ChartKind.Hist)
            {
                var bars = plot.Add.Bars(xs.ToArray(), ys.ToArray());
                foreach (var bar in bars.Bars) bar.Size = kind == ChartKind.Hist && seriesCount == 1 ? 1.0 : barWidth;
                bars.Horizontal = horizontal;
                bars.LegendText = series.Name;
            }
            else
            {
                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
                line.LegendText = series.Name;
                line.LineWidth = 2;
                line.MarkerSize = n > 60 ? 0 : 5;
                if (kind == ChartKind.Area) line.FillY = true;
            }
        }
        // Counts and sums start at zero, so heights compare honestly; every category has its place.
        double lo = 0, hi = 0;
        foreach (var series in data.Series)
            foreach (var v in series.Values)
                if (!double.IsNaN(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        if (hi == lo) hi = lo + 1;
        double pad = (hi - lo) * 0.06;
        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        valueAxis.Range.Set(lo < 0 ? lo - pad : 0, hi + pad);
        categoryAxis.Range.Set(-0.6, Math.Max(0, n - 1) + 0.6);

        // Along x, as many labels as fit side by side (about 7 px a character, at most 16); one under the other,
        // a label a bar up to 40; with more categories every k-th.
        int longest = n == 0 ? 1 : Math.Min(24, data.Categories.Max(c => c.Length));
        int fit = horizontal ? 40 : Math.Clamp((Width - 140) / (longest * 7 + 16), 2, MaxTicks);
        int step = Math.Max(1, (int)Math.Ceiling(n / (double)fit));
        var tickPositions = new List<double>();
        var tickLabels = new List<string>();
        for (int i = 0; i < n; i += step)
        {
            tickPositions.Add(Place(i));
            tickLabels.Add(data.Categories[i].Length > 24 ? data.Categories[i][..23] + "…" : data.Categories[i]);
        }
        categoryAxis.SetTicks([.. tickPositions], [.. tickLabels]);
        categoryAxis.Label.Text = data.XLabel;
        valueAxis.Label.Text = data.YLabel;
        if (data.Spec.Title is { } title) plot.Title(title);
        if (seriesCount > 1) plot.ShowLegend(Edge.Right);
        else plot.HideLegend();
        return plot;
    }
}
