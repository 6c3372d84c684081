using Cql.Engine.Ingest;

namespace Cql.Engine.Quotes;

/// <summary>
/// Finds quotations in an analysed document and attributes them. PLACEHOLDER: finds text between balanced
/// typographic marks only, with no attribution; the real extractor replaces it.
/// </summary>
public sealed class QuoteExtractor(Gazetteer gazetteer, Func<ReadOnlyMemory<char>, string, string> identifyLanguage)
{
    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>Thread-safe: ingest calls it from several workers at once.</summary>
    public QuoteExtraction Extract(AnalyzedDocument doc)
    {
        var quotes = new List<ExtractedQuote>();
        var text = doc.Text;
        for (int p = 0; p < doc.Paragraphs.Count; p++)
        {
            var r = doc.Paragraphs[p].Range;
            int i = r.Start;
            while (i < r.End)
            {
                char open = text[i];
                char close = open switch { '«' => '»', '“' => '”', '„' => '“', '"' => '"', _ => '\0' };
                if (close != '\0')
                {
                    int j = text.IndexOf(close, i + 1, r.End - i - 1);
                    if (j > i + 1)
                    {
                        var range = new TextRange(i + 1, j);
                        var lang = identifyLanguage(text.AsMemory(range.Start, range.Length), doc.Paragraphs[p].Lang.Code);
                        quotes.Add(new ExtractedQuote(range, range.Slice(text), null, null, null, null, "partial", lang, p, -1));
                        i = j + 1;
                        continue;
                    }
                }
                i++;
            }
        }
        return new QuoteExtraction(quotes, [], []);
    }
}
