using Cql.Engine.Charts;
using Cql.Engine.Core;
using Cql.Engine.Execution;
using System.Buffers.Binary;
using System.Xml.Linq;

namespace Cql.Tests.Charts;

/// <summary>The chart of some rows: its numbers, the text drawn for a terminal, and the PNG and SVG images.</summary>
public class ChartRenderingTests
{
    static readonly ResultColumn[] Monthly = [new("m", ColumnType.String), new("lang", ColumnType.String), new("count", ColumnType.Int64)];

    static ChartData Data(ChartSpec spec, IReadOnlyList<ResultColumn> cols, params object?[][] rows) =>
        ChartData.Read(new MemoryRows(cols, rows), spec, CancellationToken.None);

    static ChartData Series() => Data(new ChartSpec(ChartKind.Line, "m", ["count"], "lang", "Quotes a month", PeriodUnit.Month), Monthly,
        ["2022-03", "de", 4L], ["2022-01", "de", 2L], ["2022-01", "sv", 8L], [null, "de", 5L], ["2022-02", "sv", 1L], ["2022-02", "sv", 2L]);

    [Fact]
    public void Periods_run_in_time_order_and_rows_of_the_same_place_add_up()
    {
        var d = Series();
        Assert.Equal(["2022-01", "2022-02", "2022-03"], d.Categories);
        Assert.Equal(["de", "sv"], d.Series.Select(s => s.Name));
        Assert.Equal([2, double.NaN, 4], d.Series[0].Values);
        Assert.Equal([8, 3, double.NaN], d.Series[1].Values);
        Assert.Equal((5L, 1L), (d.RowsCharted, d.RowsWithoutX));
    }

    [Fact]
    public void A_hist_counts_values_in_round_bins()
    {
        var cols = new[] { new ResultColumn("n", ColumnType.Int32) };
        var d = Data(new ChartSpec(ChartKind.Hist, "n", [], null, null, null), cols, [.. Enumerable.Range(0, 100).Select(i => new object?[] { i * 3 })]);
        // 100 values from 0 to 297: Sturges gives 8 bins, widened to 50 each from 0.
        Assert.Equal("0–50", d.Categories[0]);
        Assert.Equal("250–300", d.Categories[^1]);
        Assert.Equal(100, d.Series[0].Values.Sum());
        Assert.Equal(17, d.Series[0].Values[0]); // 0, 3, …, 48
    }

    [Fact]
    public void Bars_in_text_are_as_long_as_their_values_with_labels_and_values()
    {
        var cols = new[] { new ResultColumn("speaker", ColumnType.String), new ResultColumn("count", ColumnType.Int64) };
        var d = Data(new ChartSpec(ChartKind.Bar, "speaker", ["count"], null, null, null), cols, ["Xi Jinping", 40L], ["Kremlin", 10L]);
        var lines = TextChart.Render(d, 60, 20, colour: false);
        var xi = lines.Single(l => l.StartsWith("Xi Jinping"));
        var kremlin = lines.Single(l => l.StartsWith("Kremlin"));
        Assert.EndsWith(" 40", xi);
        Assert.EndsWith(" 10", kremlin);
        int Blocks(string l) => l.Count(c => c == '█');
        Assert.InRange(Blocks(xi) / (double)Blocks(kremlin), 3.7, 4.3);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
        Assert.DoesNotContain(lines, l => l.Contains('\x1b'));
    }

    [Fact]
    public void A_line_chart_in_text_is_braille_with_its_range_periods_and_legend()
    {
        var lines = TextChart.Render(Series(), 70, 16, colour: false);
        // The title and the chart take the height asked for; the legend and the note on left-out rows follow.
        Assert.Equal(16 + 2, lines.Count);
        Assert.Contains(lines, l => l.Any(c => c is > '\u2800' and <= '\u28FF'));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("8 ┤")); // the top of the range
        Assert.Contains(lines, l => l.TrimStart().StartsWith("0 ┤"));
        Assert.Contains(lines, l => l.StartsWith(' ') && l.Contains("2022-01") && l.Contains("2022-03"));
        Assert.Contains("Quotes a month", lines[0]);
        Assert.Contains(lines, l => l.Contains("1 de") && l.Contains("2 sv"));
        Assert.Contains(lines, l => l.Contains("1 row without m left out"));
        Assert.All(lines, l => Assert.True(l.Length <= 70, l));
        // With colours, each series has its own.
        var coloured = string.Join("\n", TextChart.Render(Series(), 70, 16, colour: true));
        Assert.Contains("\x1b[34m", coloured);
        Assert.Contains("\x1b[33m", coloured);
    }

    [Fact]
    public void The_png_is_a_png_of_the_size_drawn()
    {
        using var png = new MemoryStream();
        ImageChart.Write(Series(), ChartImageFormat.Png, png);
        var bytes = png.ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(ImageChart.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(ImageChart.Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.True(bytes.Length > 5_000, $"{bytes.Length} bytes: an empty picture?");
    }

    [Fact]
    public void The_svg_is_xml_with_the_axis_labels_title_periods_and_legend()
    {
        using var svg = new MemoryStream();
        ImageChart.Write(Series(), ChartImageFormat.Svg, svg);
        svg.Position = 0;
        var doc = XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        foreach (var label in new[] { "m", "count", "Quotes a month", "2022-01", "2022-02", "2022-03", "de", "sv" })
            Assert.Contains(label, texts);
        // The periods along the axis from left to right.
        double X(string label) => double.Parse(doc.Descendants().First(e => e.Name.LocalName == "text" && e.Value.Trim() == label)
            .Attribute("transform")!.Value.Split('(', ' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(X("2022-01") < X("2022-02") && X("2022-02") < X("2022-03"));
    }
}
