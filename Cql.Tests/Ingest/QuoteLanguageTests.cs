using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Language;
using Cql.Engine.Quotes;

namespace Cql.Tests.Ingest;

/// <summary>A worker scores a quotation that is a range of the document from the words its language identification
/// read already; the verdict must be the one reading the quotation's text gives, wherever the range starts and ends
/// (on a word, inside one, across sentences).</summary>
public sealed class QuoteLanguageTests
{
    [Fact]
    public void A_range_of_the_document_gets_the_verdict_of_its_own_text()
    {
        var dir = Path.Combine(Support.RepoPaths.Root, "Cql.Tests", "Quotes", "Articles");
        var extractor = new QuoteExtractor(Gazetteer.Default);
        var context = new AnalysisContext();
        int ranges = 0;
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var doc = DocumentAnalyzer.Analyze(new RawArticle(Path.GetFileName(file), File.ReadAllText(file), "utf-8"), context);
            var text = doc.Text;
            var spans = new List<TextRange>();
            foreach (var q in extractor.Extract(doc, context.Quotes).Quotes) spans.Add(q.Range);
            // Sentences, and the same ranges cut a few characters in at either end (inside a word, on a space).
            foreach (var s in doc.Sentences)
            {
                spans.Add(s.Range);
                for (int cut = 1; cut <= 3 && s.Range.Length > 2 * cut; cut++)
                    spans.Add(new TextRange(s.Range.Start + cut, s.Range.End - cut));
            }
            foreach (var r in spans)
            {
                foreach (var prior in new[] { doc.Lang.Code, "de" })
                {
                    var expected = LanguageIdentifier.Identify(text.AsSpan(r.Start, r.Length), new LanguageGuess(prior, 0.5f), new LanguageWorkspace()).Code;
                    Assert.Equal(expected, context.Quotes.IdentifyLanguage(text.AsMemory(r.Start, r.Length), prior));
                }
                ranges++;
            }
        }
        Assert.True(ranges > 500, $"only {ranges} ranges checked");
    }
}
