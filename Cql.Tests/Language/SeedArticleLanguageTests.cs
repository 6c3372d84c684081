using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Language;
using Cql.Engine.Text;
using Cql.Tests.Support;

namespace Cql.Tests.Language;

/// <summary>The five seed articles get the language a reader sees, down to the English paragraph and quote inside the
/// Swedish one.</summary>
public sealed class SeedArticleLanguageTests
{
    static AnalyzedDocument Seed(string prefix)
    {
        var file = Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single();
        return DocumentAnalyzer.Analyze(Path.GetFileName(file), File.ReadAllText(file));
    }

    [Theory]
    [InlineData("000", "no")]
    [InlineData("001", "sv")]
    [InlineData("002", "no")]
    [InlineData("003", "de")]
    [InlineData("004", "it")]
    public void Documents_get_their_language_with_high_confidence(string seed, string lang)
    {
        var doc = Seed(seed);
        Assert.Equal(lang, doc.Lang.Code);
        Assert.True(doc.Lang.Confidence > 0.95f, $"confidence {doc.Lang.Confidence}");
    }

    [Fact]
    public void The_English_paragraph_of_the_Swedish_article_is_English()
    {
        var doc = Seed("001");
        var english = doc.Paragraphs.Single(p => doc.Text.AsSpan(p.Range.Start, p.Range.Length).StartsWith("Chinese President Xi Jinping"));
        Assert.Equal("en", english.Lang.Code);
        // Its sentences too, although their prior is that paragraph's verdict and the document says Swedish.
        Assert.All(doc.Sentences.Where(s => s.ParagraphIndex == doc.Paragraphs.ToList().IndexOf(english)), s => Assert.Equal("en", s.Lang.Code));
    }

    [Fact]
    public void Swedish_paragraphs_of_the_Swedish_article_stay_Swedish()
    {
        var doc = Seed("001");
        var first = doc.Paragraphs[0];
        Assert.StartsWith("Xi Jinping och Vladimir Putin", doc.Text.AsSpan(first.Range.Start, first.Range.Length).ToString());
        Assert.Equal("sv", first.Lang.Code);
    }

    [Fact]
    public void Photo_credits_full_of_foreign_names_keep_the_paragraph_language()
    {
        var doc = Seed("000");
        var credits = doc.Sentences.Where(s => doc.Text.AsSpan(s.Range.Start, s.Range.Length).StartsWith("Foto:")).ToList();
        Assert.NotEmpty(credits);
        Assert.All(credits, s => Assert.Equal("no", s.Lang.Code));
    }

    [Fact]
    public void An_English_quote_in_a_Swedish_article_is_English_and_a_short_Swedish_fragment_stays_Swedish()
    {
        // Ingest judges each quote with the paragraph's language as a prior of confidence 0.5.
        var prior = new LanguageGuess("sv", 0.5f);
        Assert.Equal("en", LanguageIdentifier.Identify("sovereignty and security", prior).Code);
        Assert.Equal("en", LanguageIdentifier.Identify("China is willing to push for the steady and long-term development of bilateral pragmatic cooperation.", prior).Code);
        Assert.Equal("sv", LanguageIdentifier.Identify("gränslöst", prior).Code);
        Assert.Equal("sv", LanguageIdentifier.Identify("Ja, absolut.", prior).Code);
        Assert.Equal("sv", LanguageIdentifier.Identify("det är bra", prior).Code);
    }
}
