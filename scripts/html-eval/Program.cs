using Cql.Engine.Ingest.Html;
using HtmlEval;
using System.Globalization;

// html-eval FOLDER [--show NAME]: scores main-text and metadata extraction on hand-marked pages
// (NAME.html + NAME.body.txt + pages.tsv); --show prints one page's extraction beside its gold.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: html-eval FOLDER [--show NAME]   (FOLDER holds pages.tsv, NAME.html, NAME.body.txt)");
    return args.Length == 0 ? 2 : 0;
}
string? show = null;
for (int i = 1; i < args.Length; i++)
{
    if (args[i] == "--show" && i + 1 < args.Length) show = args[++i];
    else { Console.Error.WriteLine($"html-eval: unknown argument '{args[i]}'"); return 2; }
}
List<GoldPage> gold;
try { gold = GoldPage.ReadFolder(args[0]); }
catch (EvalInputException e) { Console.Error.WriteLine("html-eval: " + e.Message); return 2; }

var rows = new List<(string Lang, double P, double R, double F, bool Title, bool Date, bool Authors, bool Outlet, bool Url)>();
var inv = CultureInfo.InvariantCulture;
Console.WriteLine("page\tlang\tP\tR\tF1\ttitle\tdate\tauthors\toutlet\turl");
foreach (var g in gold)
{
    var bytes = File.ReadAllBytes(Path.Combine(args[0], g.File));
    var page = HtmlPageReader.FromBytes(bytes, g.File, null, null);
    var a = page.Article;
    var (p, r, f) = Shingles.Score(a?.Text ?? "", g.Body);
    bool title = MetadataMatch.Title(a?.Title, g.Title), date = MetadataMatch.Date(a?.Date, a?.PublishedAt, g.Date),
        authors = MetadataMatch.Authors(a?.Authors, g.Authors), outlet = MetadataMatch.Outlet(a?.Outlet, g.Outlet), url = MetadataMatch.Url(a?.Url, g.Url);
    rows.Add((g.Lang, p, r, f, title, date, authors, outlet, url));
    Console.WriteLine(string.Create(inv, $"{g.File}\t{g.Lang}\t{p:0.000}\t{r:0.000}\t{f:0.000}\t{Mark(title)}\t{Mark(date)}\t{Mark(authors)}\t{Mark(outlet)}\t{Mark(url)}"));
    if (show is not null && g.File.StartsWith(show, StringComparison.Ordinal)) Show(g, a, page.Notes);
}
Console.WriteLine();
Console.WriteLine("lang\tpages\tP\tR\tF1\ttitle\tdate\tauthors\toutlet\turl");
foreach (var group in rows.GroupBy(x => x.Lang).OrderBy(x => x.Key, StringComparer.Ordinal).Append(rows.GroupBy(_ => "all").Single()))
    Console.WriteLine(string.Create(inv,
        $"{group.Key}\t{group.Count()}\t{group.Average(x => x.P):0.000}\t{group.Average(x => x.R):0.000}\t{group.Average(x => x.F):0.000}\t" +
        $"{Share(group, x => x.Title)}\t{Share(group, x => x.Date)}\t{Share(group, x => x.Authors)}\t{Share(group, x => x.Outlet)}\t{Share(group, x => x.Url)}"));
return 0;

static string Mark(bool ok) => ok ? "ok" : "WRONG";

static string Share<T>(IEnumerable<T> rows, Func<T, bool> ok) =>
    (rows.Count(ok) / (double)rows.Count()).ToString("0.00", CultureInfo.InvariantCulture);

static void Show(GoldPage g, Cql.Engine.Ingest.RawArticle? a, IReadOnlyList<string> notes)
{
    Console.WriteLine($"  title   {a?.Title} | gold {g.Title}");
    Console.WriteLine($"  date    {a?.Date} {a?.PublishedAt} | gold {g.Date}");
    Console.WriteLine($"  authors {a?.Authors} | gold {g.Authors}");
    Console.WriteLine($"  outlet  {a?.Outlet} | gold {g.Outlet}");
    Console.WriteLine($"  url     {a?.Url} | gold {g.Url}");
    foreach (var n in notes) Console.WriteLine("  note    " + n);
    var goldParas = g.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var ours = (a?.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var goldWords = string.Join(' ', Shingles.Words(g.Body));
    var ourWords = string.Join(' ', Shingles.Words(a?.Text ?? ""));
    foreach (var para in ours)
        if (!goldWords.Contains(string.Join(' ', Shingles.Words(para)), StringComparison.Ordinal)) Console.WriteLine("  + " + para);
    foreach (var para in goldParas)
        if (!ourWords.Contains(string.Join(' ', Shingles.Words(para)), StringComparison.Ordinal)) Console.WriteLine("  - " + para);
}
