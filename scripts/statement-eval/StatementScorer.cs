using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;

namespace StatementEval;

/// <summary>One annotated report: the quoted words as they stand in the document, and the statement it reports.</summary>
public sealed record GoldReport(string Doc, string Text, string Speaker, string Statement, int Line);

/// <summary>Pairwise precision and recall of "the same statement" over pairs of gold reports.</summary>
public sealed record PairScore(int TruePairs, int PredictedPairs, int Correct)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)Correct / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;
}

/// <summary>The extracted quote a gold report matched: its statement, and what the grouper read of it.</summary>
public sealed record MatchedQuote(int QuoteId, int? Statement, string Lang, string? Speaker, string Kind, string Text);

/// <summary>The scores of one folder: within one language, across languages, and all pairs; and for each gold report
/// (in the gold's order) the quote it matched, null when none.</summary>
/// <param name="Coverage">For each gold report, the share of its words the quotes that overlap it cover (0 when none
/// overlaps): this tells a span drawn differently from one extraction missed.</param>
/// <param name="Corpus">The ingested corpus the scores were read from.</param>
public sealed record StatementScores(PairScore Within, PairScore Across, PairScore All, int Reports, int Matched, IReadOnlyList<MatchedQuote?> Predicted,
    IReadOnlyList<double> Coverage, string Corpus);

/// <summary>
/// Ingests a folder of articles with cql's own ingest, matches each gold report to the extracted quote of its document
/// that covers most of its words — when the quotes that overlap it cover at least half its words together, or one of
/// them lies wholly inside it (a mixed report whose quoted words are the row) — and counts pairs of gold reports: a pair is truly the same
/// statement when the gold says so, and predicted so when both matched quotes have one statement_id. A gold report
/// no quote covers is predicted alone.
/// </summary>
public static class StatementScorer
{
    public static IReadOnlyList<GoldReport> ReadGold(string path)
    {
        var rows = new List<GoldReport>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("doc\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length != 4) throw new FormatException($"{path}:{n}: expected doc<TAB>text<TAB>speaker<TAB>statement_id, found {f.Length} fields");
            rows.Add(new GoldReport(f[0], f[1], f[2], f[3], n));
        }
        return rows;
    }

    public static async Task<StatementScores> ScoreAsync(string articlesDir, IReadOnlyList<GoldReport> gold, string workDir)
    {
        var corpus = Path.Combine(workDir, "corpus");
        var inputs = Directory.GetFiles(articlesDir, "*.txt").Order(StringComparer.Ordinal).ToList();
        await Ingestor.RunAsync(new IngestOptions(inputs, corpus, Parallelism: 1), null, CancellationToken.None);
        var manifest = CorpusManifest.Load(corpus);
        var docs = new Dictionary<int, (string Name, string Text, string Lang)>();
        foreach (var path in manifest.FilesOf(corpus, CorpusSchema.Docs.Name))
            foreach (var r in Rows(path, ("doc_id", ColumnType.Int32), ("source", ColumnType.String), ("text", ColumnType.String), ("lang", ColumnType.String)))
                docs[(int)r[0]!] = (Path.GetFileNameWithoutExtension((string)r[1]!), (string)r[2]!, (string)r[3]!);
        var quotes = new List<(int Doc, int Start, int End, MatchedQuote Quote)>();
        foreach (var path in manifest.FilesOf(corpus, CorpusSchema.Quotes.Name))
            foreach (var r in Rows(path, ("doc_id", ColumnType.Int32), ("start", ColumnType.Int32), ("end", ColumnType.Int32), ("lang", ColumnType.String),
                ("quote_id", ColumnType.Int32), ("statement_id", ColumnType.Int32), ("speaker", ColumnType.String), ("kind", ColumnType.String), ("text", ColumnType.String)))
                quotes.Add(((int)r[0]!, (int)r[1]!, (int)r[2]!, new MatchedQuote((int)r[4]!, (int?)r[5], (string)r[3]!, (string?)r[6], (string)r[7]!, (string)r[8]!)));
        var byName = docs.ToDictionary(d => d.Value.Name, d => d.Key, StringComparer.Ordinal);

        var matched = new MatchedQuote?[gold.Count];
        var coverage = new double[gold.Count];
        // The language a pair is judged by: the matched quote's, else (extraction missed the report) its document's.
        var langs = new string[gold.Count];
        int found = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            if (!byName.TryGetValue(g.Doc, out int docId)) throw new FormatException($"line {g.Line}: no document '{g.Doc}.txt'");
            var text = docs[docId].Text;
            langs[i] = docs[docId].Lang;
            int at = text.IndexOf(g.Text, StringComparison.Ordinal);
            if (at < 0) throw new FormatException($"line {g.Line}: the text is not in {g.Doc}.txt verbatim: {g.Text}");
            var words = WordRanges(text, at, at + g.Text.Length);
            int bestCovered = 0;
            MatchedQuote? best = null;
            var inAny = new bool[words.Count];
            bool inside = false;
            foreach (var q in quotes)
            {
                if (q.Doc != docId || q.End <= at || q.Start >= at + g.Text.Length) continue;
                int covered = 0;
                for (int k = 0; k < words.Count; k++)
                    if (words[k].Start >= q.Start && words[k].End <= q.End) { covered++; inAny[k] = true; }
                if (covered > bestCovered) { bestCovered = covered; best = q.Quote; }
                inside |= covered > 0 && q.Start >= at && q.End <= at + g.Text.Length;
            }
            int coveredByAll = inAny.Count(x => x);
            coverage[i] = words.Count == 0 ? 0 : (double)coveredByAll / words.Count;
            // Covered: by one quote or several together (a report extraction cut into two rows) at least half its
            // words, or by a quote wholly inside it (a mixed report whose quoted words extraction kept as the row).
            if (best is not null && (coveredByAll * 2 >= words.Count || inside)) { matched[i] = best; langs[i] = best.Lang; found++; }
            else matched[i] = null;
        }

        var within = new int[3];
        var across = new int[3];
        for (int i = 0; i < gold.Count; i++)
            for (int j = i + 1; j < gold.Count; j++)
            {
                // A pair is across languages when the two reports' quotes are (an unmatched report counts by its
                // document): a report extraction missed is a miss of the pairs it truly makes, not of within-language ones.
                bool cross = langs[i] != langs[j];
                var counts = cross ? across : within;
                bool truly = gold[i].Statement == gold[j].Statement;
                bool predicted = matched[i]?.Statement is int a && matched[j]?.Statement is int b && a == b;
                if (truly) counts[0]++;
                if (predicted) counts[1]++;
                if (truly && predicted) counts[2]++;
            }
        PairScore Score(int[] c) => new(c[0], c[1], c[2]);
        return new StatementScores(Score(within), Score(across), new PairScore(within[0] + across[0], within[1] + across[1], within[2] + across[2]), gold.Count, found,
            matched, coverage, corpus);
    }

    static List<(int Start, int End)> WordRanges(string text, int from, int to)
    {
        var words = new List<(int, int)>();
        int start = -1;
        for (int i = from; i <= to; i++)
        {
            bool inWord = i < to && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { words.Add((start, i)); start = -1; }
        }
        return words;
    }

    static IEnumerable<object?[]> Rows(string path, params (string Name, ColumnType Type)[] columns)
    {
        using var file = new ParquetFileReader(path);
        var cs = columns.Select(c => file.Column(c.Name)).ToArray();
        for (int g = 0; g < file.RowGroupCount; g++)
        {
            var vs = cs.Select((c, k) => file.Read(g, c, columns[k].Type)).ToArray();
            for (int i = 0; i < file.RowCount(g); i++)
                yield return vs.Select((v, k) => v.IsNull(i) ? null : columns[k].Type == ColumnType.Int32 ? (object)v.GetInt32(i) : v.GetString(i).ToString()).ToArray();
        }
    }
}
