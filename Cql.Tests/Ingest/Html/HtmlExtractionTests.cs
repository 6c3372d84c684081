using Cql.Engine.Ingest.Html;
using System.Text;

namespace Cql.Tests.Ingest.Html;

/// <summary>Main text and metadata of pages in the shapes real sites serve.</summary>
public class HtmlExtractionTests
{
    static Cql.Engine.Ingest.RawArticle Article(string html, string? url = null)
    {
        var page = HtmlPageReader.FromBytes(Encoding.UTF8.GetBytes(html), "page.html", url, null);
        return Assert.IsType<Cql.Engine.Ingest.RawArticle>(page.Article);
    }

    static string[] Paragraphs(Cql.Engine.Ingest.RawArticle a) => a.Text.Split("\n\n");

    [Fact]
    public void A_news_page_keeps_its_article_and_drops_the_rest()
    {
        var a = Article(TestPages.NewsCms);
        // The standfirst from the header, the body with its subheading and the tweet's text; no banner, menu, ad,
        // "Les også", caption, table, share bar, comments, most-read list or footer.
        Assert.Equal(TestPages.NewsCmsBody, Paragraphs(a));
    }

    [Fact]
    public void A_news_page_gives_its_metadata_with_the_local_time_it_shows()
    {
        var a = Article(TestPages.NewsCms);
        Assert.Equal("Bussen blir gratis for barn i Tromsø", a.Title);
        // JSON-LD says 13:05Z; the page shows the same moment as 14:05 +01:00, and the day is the local one.
        Assert.Equal(("2024-03-12", "2024-03-12T14:05:00+01:00"), (a.Date, a.PublishedAt));
        Assert.Equal("Kari Nilsen; Ola Berg", a.Authors);
        Assert.Equal("Nordlys Avis", a.Outlet);
        Assert.Equal("https://www.nordlysavis.no/nyheter/bussen-blir-gratis/a/123", a.Url);
        Assert.Equal("no", a.LangPrior);
        Assert.Null(a.Lang); // declared, not given: the text decides
    }

    [Fact]
    public void A_wordpress_post_loses_sharing_author_box_and_comments()
    {
        var a = Article(TestPages.WordPress);
        Assert.Equal(TestPages.WordPressBody, Paragraphs(a));
        Assert.Equal("Seed saving for beginners", a.Title);
        Assert.Equal(("2024-05-02", "2024-05-02T08:15:00+01:00"), (a.Date, a.PublishedAt));
        Assert.Equal("Jo Pratt", a.Authors);
        // No og:site_name: the side of the <title> that spells the host.
        Assert.Equal("Compost Corner", a.Outlet);
    }

    [Fact]
    public void Visible_date_lines_give_the_first_publication_not_the_update()
    {
        var a = Article(TestPages.GermanRegional, "https://www.lahntal-bote.de/marburg/bruecke-123");
        Assert.Equal(("2024-03-05", "2024-03-05T11:47:00"), (a.Date, a.PublishedAt));
        Assert.Equal("Neue Brücke über die Lahn eröffnet", a.Title);
        Assert.Equal("Petra Schmitt", a.Authors);
        Assert.Equal("Lahntal Bote", a.Outlet); // the logo's alt text, which spells the host
        Assert.Equal("https://www.lahntal-bote.de/marburg/bruecke-123", a.Url);
        // The date lines are metadata, not text.
        Assert.Equal(3, Paragraphs(a).Length);
        Assert.DoesNotContain("2024", a.Text);
    }

    [Theory]
    [InlineData("<p class=\"byline\">By Jane Doe and John Roe</p>", "Jane Doe; John Roe")]
    [InlineData("<div class=\"byline\">Af <a href=\"mailto:x@y.dk\">Lotte Kragh</a> &middot; Læsetid: 3 min.</div>", "Lotte Kragh")]
    [InlineData("<span class=\"author\">Redazione</span>", null)] // a desk, not a person
    [InlineData("<div class=\"post-author-name\">Saskia de Boer</div><div class=\"comments\"><div class=\"comment-author-name\">Joyce</div></div>", "Saskia de Boer")]
    [InlineData("<div class=\"byline\"><ul class=\"debate-authors\"><li><strong>Maria Lindgren</strong>, ordförande</li><li><strong>Jonas Eriksson</strong>, lärare</li></ul></div>", "Maria Lindgren; Jonas Eriksson")]
    [InlineData("<div class=\"byline\"><div><span>Tekst</span> <a href=\"/forfatter/ole\">Ole K. Strand</a></div><div><span>Foto</span> <a href=\"/forfatter/mina\">Mina Aas</a></div></div>", "Ole K. Strand")]
    [InlineData("<div class=\"info\">mercredi 6 mars 2024, par <a href=\"spip.php?auteur12\">Jean-Luc Fabre</a></div>", "Jean-Luc Fabre")]
    public void Bylines_name_people(string byline, string? authors)
    {
        var a = Article($"<html><body><h1>Headline of the story</h1>{byline}<article><p>{string.Join(" ", Enumerable.Repeat("Words of the story itself.", 30))}</p></article></body></html>");
        Assert.Equal(authors, a.Authors);
    }

    [Theory]
    [InlineData("https://x.example/2024/03/15/story", "2024-03-15")]
    [InlineData("https://x.example/news/2023/11/story", "2023-11")]
    [InlineData("https://x.example/story-20220607.html", "2022-06-07")]
    public void A_date_only_in_the_url_is_used(string url, string date)
    {
        var a = Article($"<html><body><h1>Headline</h1><p>{string.Join(" ", Enumerable.Repeat("Words of the story itself.", 30))}</p></body></html>", url);
        Assert.Equal(date, a.Date);
        Assert.Null(a.PublishedAt);
        Assert.Equal("x.example", a.Outlet); // nothing names the site: its host
    }

    [Fact]
    public void The_site_name_in_the_title_is_found_despite_accents_and_typographic_quotes()
    {
        var a = Article($"<html><head><title>L'Echo des Vallées - Saint-Amans : l'école rouvre</title></head><body><h1>Saint-Amans : l’école rouvre</h1>" +
            $"<p>{string.Join(" ", Enumerable.Repeat("Les mots de l’article lui-même.", 30))}</p></body></html>", "http://www.lechodesvallees.fr/article.php?id=1");
        Assert.Equal("Saint-Amans : l’école rouvre", a.Title);
        Assert.Equal("L'Echo des Vallées", a.Outlet);
    }

    [Fact]
    public void An_h1_whose_start_is_the_metadata_title_is_the_headline()
    {
        // The title and JSON-LD headline are the h1 cut short for search results; readers see the h1.
        var a = Article("<html><head><title>Ny bro over elva åpner i mai - Dalposten</title><meta property=\"og:site_name\" content=\"Dalposten\">" +
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ny bro over elva åpner i mai\"}</script></head>" +
            $"<body><h1>Ny bro over elva åpner i mai: bilene må vente til høsten</h1><p>{string.Join(" ", Enumerable.Repeat("Ordene i selve saken.", 30))}</p></body></html>");
        Assert.Equal("Ny bro over elva åpner i mai: bilene må vente til høsten", a.Title);
    }

    [Fact]
    public void The_free_part_of_a_paywalled_article_is_kept_and_the_paywall_box_dropped()
    {
        var words = string.Join(" ", Enumerable.Repeat("Priserna steg igen i september.", 12));
        var a = Article($"<html><body><article><h1>Bostadspriserna vänder</h1><div class=\"article__body paywall-content\"><p>{words}</p><p>{words}</p></div>" +
            "<div class=\"paywall\"><h2>Läs vidare – bli prenumerant</h2><p>Första månaden för 1 kr, därefter 149 kr/mån.</p></div></article></body></html>");
        Assert.Equal(2, Paragraphs(a).Length);
        Assert.DoesNotContain("prenumerant", a.Text);
    }

    [Fact]
    public void Live_entry_stamps_ad_labels_and_wire_signoffs_are_not_text()
    {
        var words = string.Join(" ", Enumerable.Repeat("Arranca la segunda parte sin cambios.", 8));
        var a = Article($"<html><body><article><h1>Derbi en directo</h1><ul><li><div>90'+4</div><p>{words}</p></li><li><div>10:45 Uhr</div><p>{words}</p></li>" +
            $"<li><span>Publicidad</span></li><li><div>46'</div><p>{words}</p></li></ul><p>Reporting by Sarah Whitcombe in London; Editing by Mark Potter</p></article></body></html>");
        Assert.Equal(3, Paragraphs(a).Length);
        Assert.All(Paragraphs(a), p => Assert.StartsWith("Arranca", p));
    }

    [Fact]
    public void A_byline_date_with_time_and_zone_refines_a_day_only_meta_date()
    {
        var a = Article($"<html><head><meta name=\"date\" content=\"2024-05-19\"></head><body><article><h1>Derbi en directo</h1>" +
            $"<div class=\"autor\">Rubén Álvarez · Gijón · 19 may 2024 - 18:05 CEST</div><p>{string.Join(" ", Enumerable.Repeat("El Molinón acoge un derbi.", 30))}</p></article></body></html>");
        Assert.Equal("2024-05-19", a.Date);
        Assert.Equal("2024-05-19T18:05:00+02:00", a.PublishedAt);
    }

    [Fact]
    public void A_page_without_a_body_is_no_article_and_says_why()
    {
        var page = HtmlPageReader.FromBytes("<html><head><title>Empty</title></head></html>"u8, "empty.html", null, null);
        Assert.Null(page.Article);
        Assert.Contains("no article text", page.SkipReason);
    }
}
