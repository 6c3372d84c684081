using Cql.Tests.Support;
using HtmlEval;

namespace Cql.Tests.Ingest.Html;

/// <summary>
/// The html-eval scorer over the hand-marked pages in Pages/ (dev: 10 pages, heldout: 16, batch2: 16, written by us in the shapes
/// real sites serve): body F1 and the metadata shares must not fall under the numbers README reports (floors set just
/// under them), and no page may lose its document.
/// </summary>
public class HandMarkedPagesTests
{
    static string Folder(string set) => Path.Combine(RepoPaths.Root, "Cql.Tests", "Ingest", "Html", "Pages", set);

    static ScoreSummary Score(string set, out List<PageScore> rows)
    {
        var folder = Folder(set);
        rows = [];
        foreach (var g in GoldPage.ReadFolder(folder)) rows.Add(PageScore.Of(folder, g));
        return ScoreSummary.Of(rows);
    }

    [Theory]
    [InlineData("dev", 10, 0.995, 1.0, 1.0, 1.0, 1.0)]
    [InlineData("heldout", 16, 0.985, 1.0, 1.0, 1.0, 1.0)]
    [InlineData("batch2", 16, 0.985, 1.0, 1.0, 0.93, 0.93)]
    public void Extraction_stays_at_least_as_good_as_reported(string set, int pages, double f1, double title, double date, double authors, double outlet)
    {
        var m = Score(set, out var rows);
        Assert.Equal(pages, m.Pages);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Article?.Text), r.Gold.File + ": no document"));
        Assert.True(m.F >= f1, $"{set}: body F1 {m.F:0.000} < {f1}");
        Assert.True(m.Title >= title, $"{set}: titles {m.Title:0.00} < {title}");
        Assert.True(m.Date >= date, $"{set}: dates {m.Date:0.00} < {date}");
        Assert.True(m.Authors >= authors, $"{set}: authors {m.Authors:0.00} < {authors}");
        Assert.True(m.Outlet >= outlet, $"{set}: outlets {m.Outlet:0.00} < {outlet}");
        Assert.True(m.Url >= 1.0, $"{set}: URLs {m.Url:0.00} < 1");
    }
}
