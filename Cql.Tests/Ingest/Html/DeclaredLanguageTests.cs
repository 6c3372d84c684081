using Cql.Engine.Ingest;

namespace Cql.Tests.Ingest.Html;

/// <summary>A page's declared language is a prior for language identification, never trusted over the text.</summary>
public class DeclaredLanguageTests
{
    [Fact]
    public void The_declaration_decides_only_where_the_text_says_nothing()
    {
        var withPrior = DocumentAnalyzer.Analyze(new RawArticle("p.html", "2024 – 12:30 – 3:1", "utf-8", LangPrior: "sv"));
        var without = DocumentAnalyzer.Analyze(new RawArticle("p.html", "2024 – 12:30 – 3:1", "utf-8"));
        Assert.Equal("sv", withPrior.Lang.Code);
        Assert.NotEqual("sv", without.Lang.Code);
    }

    [Fact]
    public void A_wrong_declaration_loses_to_the_text()
    {
        // A template's lang="en-US" on an Italian story.
        var doc = DocumentAnalyzer.Analyze(new RawArticle("p.html",
            "La barca affondata nel lago nel 1962 è stata recuperata ieri mattina dai sommozzatori dei vigili del fuoco, che hanno lavorato per tre settimane.",
            "utf-8", LangPrior: "en"));
        Assert.Equal("it", doc.Lang.Code);
    }
}
