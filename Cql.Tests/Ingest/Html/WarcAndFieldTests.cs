using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Tests.Support;
using System.IO.Compression;
using System.Text;

namespace Cql.Tests.Ingest.Html;

/// <summary>Pages inside other inputs: WARC records (gzipped record by record, as crawlers write them) and
/// JSONL/CSV fields; and the corpus they make, queried by outlet.</summary>
public class WarcAndFieldTests
{
    static string Page(string site, string title, string body) =>
        $"<html lang=\"en\"><head><meta property=\"og:site_name\" content=\"{site}\"><title>{title}</title></head><body><article><h1>{title}</h1>" +
        $"<p>{body}</p><p>\"We will open on Sundays from May,\" said the mayor, Anna Berg.</p></article></body></html>";

    static byte[] Record(string type, string? uri, string contentType, byte[] block)
    {
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\n" + (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n") +
                   $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(head), .. block, .. "\r\n\r\n"u8];
    }

    static byte[] Http(string contentType, string body) => Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\n\r\n{body}");

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    static readonly string Story = string.Join(" ", Enumerable.Repeat("The library will stay open on Sundays after the council vote.", 6));

    /// <summary>A crawl: warcinfo, then for each page a request, a response and metadata; and a PNG and a 404.</summary>
    static List<byte[]> Crawl() =>
    [
        Record("warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
        Record("request", "https://www.citypost.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray()),
        Record("response", "https://www.citypost.example/a", "application/http; msgtype=response", Http("text/html; charset=utf-8", Page("City Post", "Library opens on Sundays", Story))),
        Record("metadata", "https://www.citypost.example/a", "application/warc-fields", "outlink: x\r\n"u8.ToArray()),
        Record("response", "https://news.example.org/b", "application/http; msgtype=response", Http("text/html", Page("Example News", "Council backs Sunday opening", Story))),
        Record("response", "https://news.example.org/logo.png", "application/http; msgtype=response", Http("image/png", "PNG")),
        Record("response", "https://news.example.org/gone", "application/http; msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html></html>"u8.ToArray()),
    ];

    [Fact]
    public void Every_record_of_a_warc_is_a_page_or_counted()
    {
        var bytes = Crawl().SelectMany(r => Gzip(r)).ToArray();
        var r = ArticleReader.Read(new InputFile("/x/crawl.warc.gz", "crawl.warc.gz"), bytes);
        Assert.Equal(["Library opens on Sundays", "Council backs Sunday opening"], r.Articles.Select(a => a.Title));
        Assert.Equal(["City Post", "Example News"], r.Articles.Select(a => a.Outlet));
        // No canonical link: the record's target URI is the page's URL.
        Assert.Equal("https://www.citypost.example/a", r.Articles[0].Url);
        Assert.Equal("crawl.warc.gz#3", r.Articles[0].Source);
        Assert.Equal(5, r.NotPages);
        Assert.Contains(r.Notes!, n => n.StartsWith("crawl.warc.gz: 7 WARC records: 2 HTML pages (2 with an article)", StringComparison.Ordinal)
            && n.Contains("1 requests") && n.Contains("1 metadata") && n.Contains("1 non-HTML responses") && n.Contains("1 responses with an HTTP status other than 2xx") && n.Contains("1 warcinfo"));
    }

    [Fact]
    public void A_truncated_warc_gz_keeps_the_whole_records_and_says_where_it_was_cut()
    {
        var records = Crawl();
        var whole = records.Take(3).SelectMany(r => Gzip(r)).ToArray();
        var last = Gzip(records[4]);
        var bytes = whole.Concat(last.Take(last.Length / 2)).ToArray();
        var r = ArticleReader.Read(new InputFile("/x/cut.warc.gz", "cut.warc.gz"), bytes);
        Assert.Equal(["Library opens on Sundays"], r.Articles.Select(a => a.Title));
        Assert.Contains(r.Notes!, n => n.StartsWith("cut.warc.gz: ", StringComparison.Ordinal) && (n.Contains("cut off") || n.Contains("truncated")));
    }

    [Fact]
    public void A_jsonl_record_with_html_is_read_as_a_page_under_its_own_fields()
    {
        var html = Page("City Post", "Library opens on Sundays", Story).Replace("\"", "\\\"", StringComparison.Ordinal);
        var jsonl = $"{{\"url\":\"https://www.citypost.example/a\",\"html\":\"{html}\"}}\n{{\"raw_html\":\"{html}\",\"title\":\"Given title\"}}\n{{\"html\":\"<html></html>\"}}\n";
        var r = ArticleReader.Read(new InputFile("/x/pages.jsonl", "pages.jsonl"), Encoding.UTF8.GetBytes(jsonl));
        Assert.Equal(["Library opens on Sundays", "Given title"], r.Articles.Select(a => a.Title));
        Assert.Equal("https://www.citypost.example/a", r.Articles[0].Url);
        Assert.DoesNotContain("<", r.Articles[0].Text);
        Assert.Equal(["pages.jsonl:3: no article text in the page (no body, or an empty one)"], r.SkippedRecords);
    }

    [Fact]
    public async Task A_warc_ingests_into_a_corpus_queried_by_outlet()
    {
        using var d = new TempDir();
        d.Write("in/crawl.warc.gz", Crawl().SelectMany(r => Gzip(r)).ToArray());
        var s = await Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("corpus")), null, CancellationToken.None);
        Assert.Equal(2, s.DocsAdded);
        Assert.Equal(5, s.RecordsNotPages);
        Assert.Equal(7, s.RecordsRead);
        using var session = CqlSession.Open(d.File("corpus"));
        Assert.Equal(["1"], ScanOnlyCopy.Rows(session, "docs where outlet = \"Example News\" | count"));
        var byOutlet = ScanOnlyCopy.Rows(session, "quotes | count by doc.outlet");
        Assert.Contains(byOutlet, row => row.Contains("City Post"));
        Assert.Contains(byOutlet, row => row.Contains("Example News"));
    }
}
