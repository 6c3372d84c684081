using Cql.Engine.Core;

namespace Cql.Tests.Quoting;

/// <summary>One hand-annotated quotation: where it is in its document, who said it, its kind and language.</summary>
public sealed record GoldQuote(string Doc, TextRange Range, string Text, string? Speaker, string Kind, string Lang);

/// <summary>
/// A set of articles with their gold quotations (a TSV of doc, text, speaker, kind, lang in document order).
/// Gold rows name quotes by their words, not by offsets, so the annotation survives changes of segmentation; each is
/// located in its document, preferring an occurrence right after a quote mark or a dash.
/// </summary>
public sealed class GoldSet
{
    public required IReadOnlyDictionary<string, string> Texts { get; init; }
    public required IReadOnlyList<GoldQuote> Quotes { get; init; }

    public static GoldSet Load(string articlesDir, string goldFile)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var quotes = new List<GoldQuote>();
        var searchFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in File.ReadLines(goldFile))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length != 5) throw new FormatException($"{goldFile}:{lineNo}: expected 5 tab-separated fields, found {f.Length}");
            var doc = f[0];
            if (!texts.TryGetValue(doc, out var text))
            {
                // The same normalisation ingest applies (LF line ends), so offsets agree with the analysed document.
                text = File.ReadAllText(Path.Combine(articlesDir, doc)).Replace("\r\n", "\n");
                texts[doc] = text;
            }
            int from = searchFrom.GetValueOrDefault(doc);
            int at = Locate(text, f[1], from);
            if (at < 0) throw new FormatException($"{goldFile}:{lineNo}: '{f[1]}' not found in {doc} after offset {from}");
            searchFrom[doc] = at + 1;
            quotes.Add(new GoldQuote(doc, new TextRange(at, at + f[1].Length), f[1], f[2].Length == 0 ? null : f[2], f[3], f[4]));
        }
        return new GoldSet { Texts = texts, Quotes = quotes };
    }

    static int Locate(string text, string words, int from)
    {
        int first = -1;
        for (int at = text.IndexOf(words, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            if (first < 0) first = at;
            if (at == 0 || IsOpening(text[at - 1]) || text[at - 1] == '\n' || (at >= 2 && text[at - 1] == ' ' && text[at - 2] is '–' or '—' or '-')) return at;
        }
        return first;
    }

    static bool IsOpening(char c) => c is '"' or '\'' or '«' or '»' or '„' or '“' or '”' or '‚' or '‘' or '’' or '‹' or '›' or '\u00a0' or '\u202f';
}
