namespace QuoteEval;

/// <summary>
/// Reads a folder of our own annotated articles: <c>NAME.txt</c> files and one <c>gold.tsv</c> of
/// <c>doc, text, speaker, kind, lang</c> rows (doc with or without .txt) in document order (the scheme of the blind sets, stated in their
/// README). The text of a row is verbatim in its article and is located from where the previous row of that
/// document was found, so a repeated sentence is taken in order. Kinds <c>direct</c> (also the older
/// <c>full</c>, <c>partial</c>, <c>dash</c>, <c>block</c>), <c>mixed</c> and <c>indirect</c> are gold attributions
/// with their annotated kind; <c>term</c> rows are words in marks that nobody said, so they are not gold and a quote
/// found on one counts against precision. A joint speaker is written <c>A; B</c>.
/// </summary>
public static class GoldTsvReader
{
    /// <summary>The documents of the folder grouped by the language most of their gold rows are in.</summary>
    public static SortedDictionary<string, List<EvalDocument>> Read(string dir)
    {
        var goldFile = Path.Combine(dir, "gold.tsv");
        if (!File.Exists(goldFile)) throw new EvalInputException($"{dir}: expected gold.tsv beside the articles");
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.txt"))
            texts[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file).ReplaceLineEndings("\n");

        var gold = texts.Keys.ToDictionary(k => k, _ => new List<GoldAttribution>(), StringComparer.Ordinal);
        var langVotes = texts.Keys.ToDictionary(k => k, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        var searchFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in File.ReadLines(goldFile))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            string Where() => $"{goldFile}:{lineNo}";
            if (f.Length != 5) throw new EvalInputException($"{Where()}: expected 5 tab-separated fields, found {f.Length}");
            var (doc, words, speaker, kindName, lang) = (Path.GetFileNameWithoutExtension(f[0]), f[1], f[2], f[3], f[4]);
            if (!texts.TryGetValue(doc, out var text)) throw new EvalInputException($"{Where()}: no article {doc}.txt");
            QuoteKind? kind = kindName switch
            {
                "direct" or "full" or "partial" or "dash" or "block" => QuoteKind.Direct,
                "mixed" => QuoteKind.Mixed,
                "indirect" => QuoteKind.Indirect,
                "term" => null,
                _ => throw new EvalInputException($"{Where()}: kind '{kindName}' is not direct, mixed, indirect or term"),
            };
            int from = searchFrom.GetValueOrDefault(doc);
            int at = text.IndexOf(words, from, StringComparison.Ordinal);
            if (at < 0) at = text.IndexOf(words, StringComparison.Ordinal);
            if (at < 0) throw new EvalInputException($"{Where()}: the text is not in {doc}.txt");
            searchFrom[doc] = at + 1;
            var votes = langVotes[doc];
            votes[lang] = votes.GetValueOrDefault(lang) + 1;
            if (kind is null) continue;
            gold[doc].Add(new GoldAttribution([new Span(at, at + words.Length)], speaker, kind));
        }

        var byLang = new SortedDictionary<string, List<EvalDocument>>(StringComparer.Ordinal);
        foreach (var (doc, text) in texts)
        {
            var lang = langVotes[doc].Count == 0 ? "?" : langVotes[doc].MaxBy(v => v.Value).Key;
            if (!byLang.TryGetValue(lang, out var docs)) byLang[lang] = docs = [];
            docs.Add(new EvalDocument(doc, text, gold[doc]));
        }
        return byLang;
    }
}
