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
        Assert.Equal(2, r.Warnings.Count); // the bad line and the record without text are reported, not lost silently
        Assert.Contains(r.Warnings, w => w.Contains(":4:"));
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
        Assert.Contains(bad.Warnings, w => w.Contains("no text column"));
    }

    [Fact]
    public void Json_array_files_are_read_element_by_element()
    {
        var r = Read("a.json", """[{"text":"One."},{"text":"Two."}]""");
        Assert.Equal(["a.json#0", "a.json#1"], r.Articles.Select(a => a.Source));
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
