using Cql.Engine.Ingest;
using Cql.Engine.Ingest.Html;

namespace HtmlEval;

/// <summary>One page's scores: body precision, recall and F1 by shingles, and whether each metadata field matched.</summary>
public sealed record PageScore(GoldPage Gold, RawArticle? Article, IReadOnlyList<string> Notes,
    double P, double R, double F, bool Title, bool Date, bool Authors, bool Outlet, bool Url)
{
    /// <summary>Extracts one gold page from its file in <paramref name="folder"/> and scores it.</summary>
    public static PageScore Of(string folder, GoldPage g)
    {
        var page = HtmlPageReader.FromBytes(File.ReadAllBytes(Path.Combine(folder, g.File)), g.File, null, null);
        var a = page.Article;
        var (p, r, f) = Shingles.Score(a?.Text ?? "", g.Body);
        return new(g, a, page.Notes, p, r, f, MetadataMatch.Title(a?.Title, g.Title), MetadataMatch.Date(a?.Date, a?.PublishedAt, g.Date),
            MetadataMatch.Authors(a?.Authors, g.Authors), MetadataMatch.Outlet(a?.Outlet, g.Outlet), MetadataMatch.Url(a?.Url, g.Url));
    }
}

/// <summary>The means over a set of pages: body P/R/F1 averaged per page, each metadata field as the share of pages right.</summary>
public sealed record ScoreSummary(int Pages, double P, double R, double F, double Title, double Date, double Authors, double Outlet, double Url)
{
    public static ScoreSummary Of(IReadOnlyCollection<PageScore> rows)
    {
        int n = rows.Count;
        double Mean(Func<PageScore, double> v) => n == 0 ? 0 : rows.Sum(v) / n;
        double Share(Func<PageScore, bool> ok) => n == 0 ? 0 : rows.Count(ok) / (double)n;
        return new(n, Mean(x => x.P), Mean(x => x.R), Mean(x => x.F), Share(x => x.Title), Share(x => x.Date), Share(x => x.Authors),
            Share(x => x.Outlet), Share(x => x.Url));
    }
}
