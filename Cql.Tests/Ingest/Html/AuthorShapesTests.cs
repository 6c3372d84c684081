using Cql.Engine.Ingest;
using Cql.Engine.Ingest.Html;
using System.Text;

namespace Cql.Tests.Ingest.Html;

/// <summary>Who wrote a page, in the shapes news templates give it: JSON-LD people, meta tags that hold a profile URL
/// or a desk instead of a name, bylines with a lead word in our languages, with roles, places and dates after the
/// names, author boxes at the foot — and never the readers of the comments.</summary>
public class AuthorShapesTests
{
    static readonly string Story = string.Join(" ", Enumerable.Repeat("The council voted on Tuesday to keep the harbour library open on Sundays from May.", 8));

    static string? Authors(string head, string top, string foot = "")
    {
        var html = $"<html><head><title>Library stays open</title>{head}</head><body><header><a href=\"/\">Home</a></header><article>" +
                   $"<h1>Library stays open</h1>{top}<p>{Story}</p><p>{Story}</p>{foot}</article></body></html>";
        return Assert.IsType<RawArticle>(HtmlPageReader.FromBytes(Encoding.UTF8.GetBytes(html), "p.html", null, null).Article).Authors;
    }

    [Theory]
    [InlineData("<p class=\"byline\">Av Kari Nordmann</p>", "Kari Nordmann")]
    [InlineData("<div class=\"article__meta\"><span class=\"author\">Von Hans Müller und Petra Schmidt</span> <time>12.03.2024</time></div>", "Hans Müller; Petra Schmidt")]
    [InlineData("<p class=\"signature\">Par Jean Dupont et Marie Lefèvre, à Nantes</p>", "Jean Dupont; Marie Lefèvre")]
    [InlineData("<div class=\"firma\">Di Marco Rossi, inviato a Torino</div>", "Marco Rossi")]
    [InlineData("<p class=\"autor\">Por María García | Madrid | 19 may 2024</p>", "María García")]
    [InlineData("<div class=\"meta\"><span>Door Jan de Vries</span> · 3 min leestijd</div>", "Jan de Vries")]
    [InlineData("<div class=\"byline\">By <a href=\"/people/jane-doe\">Jane Doe</a> and <a href=\"/people/john-roe\">John Roe</a></div>", "Jane Doe; John Roe")]
    [InlineData("<p>Af Mette Frederiksen Holm · Læsetid: 3 min</p>", "Mette Frederiksen Holm")]
    [InlineData("<p>Text: Anna Svensson</p>", "Anna Svensson")]
    public void A_visible_byline_names_its_people(string byline, string expected) => Assert.Equal(expected, Authors("", byline));

    [Theory]
    [InlineData("""{"@type":"NewsArticle","author":[{"@type":"Person","name":"Lena Berg"},{"@type":"Person","name":"Ola Dahl"}]}""", "Lena Berg; Ola Dahl")]
    [InlineData("""{"@type":"NewsArticle","author":{"@type":"Person","name":"By Lena Berg"}}""", "Lena Berg")]
    [InlineData("""{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Lena Berg"}]}""", "Lena Berg")]
    public void Json_ld_people_are_the_authors(string ld, string expected) =>
        Assert.Equal(expected, Authors($"<script type=\"application/ld+json\">{ld}</script>", ""));

    [Fact]
    public void A_newsroom_as_the_json_ld_author_gives_way_to_the_byline() =>
        Assert.Equal("Lena Berg", Authors("""<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"NewsMediaOrganization","name":"Harbour Times Newsroom"}}</script>""",
            "<p class=\"byline\">Av Lena Berg</p>"));

    [Theory]
    [InlineData("<meta name=\"author\" content=\"https://www.facebook.com/citypost\">")]
    [InlineData("<meta property=\"article:author\" content=\"https://www.citypost.example/profile/lena-berg\">")]
    [InlineData("<meta name=\"author\" content=\"Redaktionen\">")]
    public void A_meta_tag_that_holds_no_name_gives_way_to_the_byline(string meta) =>
        Assert.Equal("Lena Berg", Authors(meta, "<p class=\"byline\">Av Lena Berg</p>"));

    [Fact]
    public void An_author_box_at_the_foot_names_the_author() =>
        Assert.Equal("Lena Berg", Authors("", "", "<div class=\"author-box\"><img src=\"l.jpg\" alt=\"\"><h4 class=\"author-box__name\">Lena Berg</h4><p>Lena Berg is a reporter on the city desk. She has covered the harbour since 2015.</p></div>"));

    [Fact]
    public void Readers_in_the_comments_are_no_authors() =>
        Assert.Null(Authors("", "", "<section id=\"respond\"><ol class=\"commentlist\"><li><span class=\"fn\">Per Olsen</span> says: Great news</li></ol></section>"));
}
