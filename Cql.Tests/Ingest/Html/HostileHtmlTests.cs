using Cql.Engine.Ingest;
using Cql.Engine.Ingest.Html;
using System.Diagnostics;
using System.Text;

namespace Cql.Tests.Ingest.Html;

/// <summary>Pages that break naive extractors: each is read, or refused with a reason, and noted — never a crash or
/// a hang. The big pages are generated here, not committed.</summary>
public class HostileHtmlTests
{
    static readonly string Story = string.Join(" ", Enumerable.Repeat("The council voted to keep the library open on Sundays.", 12));

    static PageResult Read(string html) => HtmlPageReader.FromBytes(Encoding.UTF8.GetBytes(html), "page.html", null, null);

    [Fact]
    public void Markup_nested_100000_deep_is_read_as_plain_text_and_noted()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>" + Story + "</p>" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var clock = Stopwatch.StartNew();
        var page = Read(html);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.Equal(Story, Assert.IsType<RawArticle>(page.Article).Text);
        Assert.Contains(page.Notes, n => n.Contains("nested 100000 deep") && n.Contains("plain text"));
    }

    [Fact]
    public void A_page_of_100000_divs_is_read()
    {
        var sb = new StringBuilder("<html><body><article><h1>Sunday opening</h1><p>").Append(Story).Append("</p></article><div id=\"list\">");
        for (int i = 0; i < 100_000; i++) sb.Append("<div class=\"c\">").Append(i).Append("</div>");
        sb.Append("</div></body></html>");
        var clock = Stopwatch.StartNew();
        var page = Read(sb.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.Equal(Story, Assert.IsType<RawArticle>(page.Article).Text);
        Assert.Contains(page.Notes, n => n.Contains("100,0") && n.Contains("without Readability"));
    }

    [Fact]
    public void A_50_MB_page_of_scripts_is_read_quickly()
    {
        // What a heavy page is: megabytes of inline scripts and state around a short story.
        var script = "<script>var state = " + new string('x', 1 << 20) + ";</script>\n";
        var sb = new StringBuilder("<html><head>");
        for (int i = 0; i < 50; i++) sb.Append(script);
        sb.Append("</head><body><article><h1>Sunday opening</h1><p>").Append(Story).Append("</p></article></body></html>");
        var clock = Stopwatch.StartNew();
        var page = Read(sb.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.Equal(Story, Assert.IsType<RawArticle>(page.Article).Text);
        Assert.Empty(page.Notes);
    }

    [Fact]
    public void A_50_MB_page_of_markup_is_cut_and_noted()
    {
        var sb = new StringBuilder("<html><body><article><h1>Sunday opening</h1><p>").Append(Story).Append("</p></article>");
        var filler = "<span>" + new string('y', 1000) + "</span>\n";
        while (sb.Length < 50_000_000) sb.Append(filler);
        sb.Append("</body></html>");
        var clock = Stopwatch.StartNew();
        var page = Read(sb.ToString());
        // A bound against a hang, not a benchmark: the suite runs it beside other tests on a shared machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.Contains(Story, Assert.IsType<RawArticle>(page.Article).Text);
        Assert.Contains(page.Notes, n => n.Contains("only the first 4 M read"));
    }

    [Fact]
    public void A_page_declaring_windows_1252_with_utf8_bytes_is_read_as_utf8_and_noted()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>Bürgermeisterin Åse Øvrebø sagte: „Ça va“. " + Story + "</p></article></body></html>";
        var page = Read(html);
        Assert.StartsWith("Bürgermeisterin Åse Øvrebø sagte: „Ça va“.", Assert.IsType<RawArticle>(page.Article).Text);
        Assert.Contains(page.Notes, n => n.Contains("declares charset windows-1252, but its bytes are UTF-8"));
    }

    [Fact]
    public void A_page_declaring_utf8_with_latin1_bytes_is_read_as_windows_1252_and_noted()
    {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><article><p>Bürgermeisterin Åse Øvrebø sagte: « Ça va ». " + Story + "</p></article></body></html>";
        var page = HtmlPageReader.FromBytes(Encoding.Latin1.GetBytes(html), "page.html", null, null);
        var a = Assert.IsType<RawArticle>(page.Article);
        Assert.StartsWith("Bürgermeisterin Åse Øvrebø sagte: « Ça va ».", a.Text);
        Assert.Equal("windows-1252", a.Encoding);
        Assert.Contains(page.Notes, n => n.Contains("declares charset utf-8, but its bytes are not UTF-8"));
    }

    [Fact]
    public void A_page_in_a_declared_legacy_charset_is_decoded_by_it()
    {
        var latin2 = System.Text.Encoding.GetEncoding("iso-8859-2", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"></head><body><article><p>Zażółć gęślą jaźń. " + Story + "</p></article></body></html>";
        var page = HtmlPageReader.FromBytes(latin2.GetBytes(html), "page.html", null, null);
        Assert.StartsWith("Zażółć gęślą jaźń.", Assert.IsType<RawArticle>(page.Article).Text);
    }

    [Fact]
    public void A_paywalled_teaser_is_read_and_noted_as_such()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Sunday opening\",\"isAccessibleForFree\":false}</script>";
        var page = Read($"<html><head>{ld}</head><body><article><h1>Sunday opening</h1><p>{Story}</p><div class=\"paywall\">Subscribe to read on</div></article></body></html>");
        Assert.StartsWith(Story, Assert.IsType<RawArticle>(page.Article).Text);
        var note = Assert.Single(page.Notes);
        Assert.StartsWith("paywalled (its JSON-LD says isAccessibleForFree: false): only the free part was read, ", note);
        Assert.Empty(Read($"<html><head></head><body><article><h1>Sunday opening</h1><p>{Story}</p></article></body></html>").Notes);
    }
}
