using Cql.Engine.Ingest;
using System.Text;

namespace Cql.Tests.Ingest;

public class ArticleReaderTests
{
    static FileReadResult Read(string name, string text) => ArticleReader.Read(new InputFile("/x/" + name, name), Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Jsonl_lines_become_articles_with_their_fields()
    {
        var r = Read("feed.jsonl",
            """
            {"title":"Samtal","text":"Xi talade med Putin.","date":"2022-06-15T08:00:00Z","url":"https://example.org/a","source":"Example","lang":"SV"}

            {"body":"Zweiter Artikel.","published":"2024-03"}
            not json
            {"title":"no text"}
            """);
        Assert.Null(r.SkipReason);
        Assert.Equal(2, r.Articles.Count);
        var a = r.Articles[0];
        Assert.Equal(("feed.jsonl#L1", "Samtal", "2022-06-15", "https://example.org/a", "Example", "sv"), (a.Source, a.Title, a.Date, a.Url, a.Outlet, a.Lang));
        Assert.Equal("Xi talade med Putin.", a.Text);
        Assert.Equal(("feed.jsonl#L3", "2024-03"), (r.Articles[1].Source, r.Articles[1].Date));
        // The bad line and the record without text are accounted for, each with its line, not lost silently.
        Assert.Equal(["feed.jsonl:4: not valid JSON", "feed.jsonl:5: no text"], r.SkippedRecords.Select(w => w.Split(" (")[0]));
    }

    [Fact]
    public void Csv_rows_become_articles_and_a_missing_text_column_is_explained()
    {
        var r = Read("a.csv", "Title,Text,Date\r\n\"Hei\",\"– Vi er enige, sier han.\r\nAndre avsnitt.\",02.11.2024\r\n");
        var a = Assert.Single(r.Articles);
        Assert.Equal("a.csv#2", a.Source);
        Assert.Equal("Hei", a.Title);
        Assert.Equal("2024-11-02", a.Date);
        Assert.Equal("– Vi er enige, sier han.\nAndre avsnitt.", a.Text); // CRLF inside a field normalised to LF

        var bad = Read("b.csv", "headline,summary\nx,y\n");
        Assert.Empty(bad.Articles);
        Assert.Contains("no text column", bad.SkipReason); // the file is skipped whole, with the reason
        Assert.Empty(bad.SkippedRecords);

        var rows = Read("c.csv", "title,text\nA,Første.\nB,\nC,Tredje.\n");
        Assert.Equal(2, rows.Articles.Count);
        Assert.Equal(["c.csv, row 3: no text"], rows.SkippedRecords);
    }

    [Fact]
    public void Json_array_files_are_read_element_by_element()
    {
        var r = Read("a.json", """[{"text":"One."},{"text":"Two."},7]""");
        Assert.Equal(["a.json#0", "a.json#1"], r.Articles.Select(a => a.Source));
        Assert.Equal(["a.json, element 2: not a JSON object"], r.SkippedRecords);
        Assert.StartsWith("not valid JSON", Read("b.json", "{ nope").SkipReason);
    }

    [Fact]
    public void Binary_empty_and_unknown_files_are_skipped_with_a_reason()
    {
        var bin = ArticleReader.Read(new InputFile("/x/p.txt", "p.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 0, 0]);
        Assert.StartsWith("binary", bin.SkipReason);
        Assert.Equal("empty file", Read("e.txt", "  \n ").SkipReason);
        Assert.Contains("unsupported file type '.pdf'", Read("x.pdf", "text").SkipReason);
    }
}
