using Cql.Engine.Ingest;
using Cql.Engine.Quotes;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>What the pattern tests share: extract a short article (a title line, then the sentences) and find a quote by
/// its first words.</summary>
public static class PatternTest
{
    static readonly QuoteExtractor Extractor = new(Gazetteer.Default);

    /// <summary>Extracts "Title\n\n" + the paragraphs, blank lines between them.</summary>
    public static QuoteExtraction Extract(params string[] paragraphs) =>
        ExtractArticle("Tittel\n\n" + string.Join("\n\n", paragraphs));

    /// <summary>Extracts a whole article as written, its first line the headline.</summary>
    public static QuoteExtraction ExtractArticle(string text)
    {
        var context = new AnalysisContext();
        return Extractor.Extract(DocumentAnalyzer.Analyze(new RawArticle("test.txt", text, "utf-8"), context), context.Quotes);
    }

    public static ExtractedQuote Quote(QuoteExtraction e, string startsWith) =>
        e.Quotes.Single(q => q.Text.StartsWith(startsWith, StringComparison.Ordinal));

    /// <summary>The speaker of the quote that starts with <paramref name="startsWith"/>.</summary>
    public static string? SpeakerOf(string startsWith, params string[] paragraphs) => Quote(Extract(paragraphs), startsWith).Speaker;
}
