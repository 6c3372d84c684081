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

var rows = new List<PageScore>();
var inv = CultureInfo.InvariantCulture;
Console.WriteLine("page\tlang\tP\tR\tF1\ttitle\tdate\tauthors\toutlet\turl");
foreach (var g in gold)
{
    var s = PageScore.Of(args[0], g);
    rows.Add(s);
    Console.WriteLine(string.Create(inv, $"{g.File}\t{g.Lang}\t{s.P:0.000}\t{s.R:0.000}\t{s.F:0.000}\t{Mark(s.Title)}\t{Mark(s.Date)}\t{Mark(s.Authors)}\t{Mark(s.Outlet)}\t{Mark(s.Url)}"));
    if (show is not null && g.File.StartsWith(show, StringComparison.Ordinal)) Show(g, s.Article, s.Notes);
}
Console.WriteLine();
Console.WriteLine("lang\tpages\tP\tR\tF1\ttitle\tdate\tauthors\toutlet\turl");
foreach (var group in rows.GroupBy(x => x.Gold.Lang).OrderBy(x => x.Key, StringComparer.Ordinal).Append(rows.GroupBy(_ => "all").Single()))
{
    var m = ScoreSummary.Of(group.ToList());
    Console.WriteLine(string.Create(inv,
        $"{group.Key}\t{m.Pages}\t{m.P:0.000}\t{m.R:0.000}\t{m.F:0.000}\t{m.Title:0.00}\t{m.Date:0.00}\t{m.Authors:0.00}\t{m.Outlet:0.00}\t{m.Url:0.00}"));
}
return 0;

static string Mark(bool ok) => ok ? "ok" : "WRONG";

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
