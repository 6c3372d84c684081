namespace HtmlEval;

/// <summary>One row of pages.tsv (file lang title date authors outlet url) with its hand-marked body.</summary>
public sealed record GoldPage(string File, string Lang, string Title, string Date, string Authors, string Outlet, string Url, string Body)
{
    /// <summary>Reads pages.tsv and each NAME.body.txt beside NAME.html; a missing file or column is an error naming it.</summary>
    public static List<GoldPage> ReadFolder(string folder)
    {
        var tsv = Path.Combine(folder, "pages.tsv");
        if (!System.IO.File.Exists(tsv)) throw new EvalInputException($"{tsv}: not found (the folder needs pages.tsv, NAME.html and NAME.body.txt)");
        var lines = System.IO.File.ReadAllLines(tsv);
        if (lines.Length == 0) throw new EvalInputException($"{tsv}: empty");
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new EvalInputException($"{tsv}: the header has no column '{name}' (expected file lang title date authors outlet url)");
        int file = Col("file"), lang = Col("lang"), title = Col("title"), date = Col("date"), authors = Col("authors"), outlet = Col("outlet"), url = Col("url");
        var pages = new List<GoldPage>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = lines[n].Split('\t');
            if (f.Length < header.Length) throw new EvalInputException($"{tsv}:{n + 1}: {f.Length} columns, the header has {header.Length}");
            var html = Path.Combine(folder, f[file]);
            var body = Path.ChangeExtension(html, ".body.txt");
            if (!System.IO.File.Exists(html)) throw new EvalInputException($"{tsv}:{n + 1}: {html} not found");
            if (!System.IO.File.Exists(body)) throw new EvalInputException($"{tsv}:{n + 1}: {body} not found");
            pages.Add(new GoldPage(f[file], f[lang], f[title], f[date], f[authors], f[outlet], f[url], System.IO.File.ReadAllText(body)));
        }
        return pages;
    }
}

/// <summary>Input the scorer cannot read: reported with the file, exit code 2.</summary>
public sealed class EvalInputException(string message) : Exception(message);
