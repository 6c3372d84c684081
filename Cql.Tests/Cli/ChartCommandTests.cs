using Cql.Tests.Support;
using System.Buffers.Binary;
using System.Xml.Linq;

namespace Cql.Tests.Cli;

/// <summary>Charts from the command line on the default corpus: images written by export's rules, the rows into a
/// pipe, mistakes with exit 1, and Chart() from C#.</summary>
public class ChartCommandTests
{
    const string XiByMonth = "quotes where speaker = \"Xi\" | count by bucket(doc.date, month) | chart line";

    static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal((900, 500), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
    }

    [Fact]
    public void The_issues_query_writes_a_png_with_its_provenance()
    {
        using var d = new TempDir();
        var png = d.File("xi.png");
        var r = CqlProcess.Run(null, "-c", $"{XiByMonth} | export \"{png}\"");
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertPng(png);
        Assert.Contains("cql.query", File.ReadAllText(png + ".meta.json"));
        Assert.Empty(Directory.GetFiles(d.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_svg_has_the_months_along_x_and_the_axis_labels()
    {
        using var d = new TempDir();
        var svg = d.File("xi.svg");
        var r = CqlProcess.Run(null, "-c", $"{XiByMonth} | export \"{svg}\"");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var texts = XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("2022-06", texts);
        Assert.Contains("count", texts);
        Assert.Contains("bucket(doc.date, month)", texts);
    }

    [Fact]
    public void An_image_replaces_a_regular_file_but_never_a_folder()
    {
        using var d = new TempDir();
        var old = d.Write("x.png", "not a picture");
        Assert.Equal(0, CqlProcess.Run(null, "-c", $"quotes | count by lang | chart bar | export \"{old}\"").ExitCode);
        AssertPng(old);
        Directory.CreateDirectory(d.File("dir.png"));
        var r = CqlProcess.Run(null, "-c", $"quotes | count by lang | chart bar | export \"{d.File("dir.png")}\"");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("it is a folder", r.Stderr);
        Assert.True(Directory.Exists(d.File("dir.png")));
    }

    [Fact]
    public void Into_a_pipe_a_chart_gives_the_rows_it_draws()
    {
        var rows = CqlProcess.Run(null, "-c", "quotes | count by bucket(doc.date, month)");
        var charted = CqlProcess.Run(null, "-c", "quotes | count by bucket(doc.date, month) | chart bar");
        Assert.True(charted.ExitCode == 0, charted.Stderr);
        Assert.StartsWith("bucket(doc.date, month)\tcount\n2022-06\t", charted.Stdout);
        Assert.Equal(rows.Stdout, charted.Stdout);
        var csv = CqlProcess.Run(null, "-c", "quotes | count by lang | chart bar", "--format", "csv");
        Assert.StartsWith("lang,count\n", csv.Stdout);
    }

    [Fact]
    public void An_image_without_a_chart_is_a_query_error()
    {
        using var d = new TempDir();
        var r = CqlProcess.Run(null, "-c", $"quotes | count by lang | export \"{d.File("x.png")}\"");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CQL0325", r.Stderr);
        Assert.False(File.Exists(d.File("x.png")));
    }

    [Fact]
    public void Csharp_charts_a_query_and_exports_it()
    {
        using var d = new TempDir();
        var svg = d.File("langs.svg");
        var script = d.Write("chart.csx", $$"""
            Query("quotes | count by lang").Chart("bar", title: "Quotes by language").Export(@"{{svg}}");
            Query("{{XiByMonth.Replace("\"", "\\\"")}}").Chart()
            """);
        var r = CqlProcess.Run(null, "run", script);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        var texts = XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Quotes by language", texts);
        Assert.Contains("de", texts);
        // The value of the script: the text chart, with the month under the axis.
        Assert.Contains(" ┤", r.Stdout);
        Assert.Contains("2022-06", r.Stdout);
        Assert.Contains("row without bucket(doc.date, month) left out", r.Stdout.Replace("rows", "row"));
    }
}
