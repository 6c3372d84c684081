// Scores cql's quote extractor against annotated news outside the repository: PolNeAR (English) and SpkAtt-2023
// (German), per kind of attribution. Usage and the rules: README.md in this folder.
using System.Globalization;
using System.Text;
using Cql.Engine.Ingest;
using Cql.Engine.Quotes;
using QuoteEval;

const string Usage = """
    usage: dotnet run --project scripts/quote-eval -c Release -- DATA_DIR [--corpus polnear|spkatt|all]
           [--split dev|train|all] [--overlap 0.8] [--rule symmetric|gold] [--one-to-one] [--errors FILE]
       dotnet run --project scripts/quote-eval -c Release -- --gold DIR [options as above]
      DATA_DIR holds polnear/data/{train,dev} and spkatt/data/{train,dev}
      --gold DIR scores a folder of our own annotated articles (NAME.txt + gold.tsv) per language instead
    """;

string? dataDir = null, errorsPath = null, goldDir = null;
string corpus = "all", split = "dev";
double threshold = 0.8;
var rule = OverlapRule.Symmetric;
bool oneToOne = false;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--corpus": corpus = Value(); break;
            case "--split": split = Value(); break;
            case "--overlap":
                var v = Value();
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || threshold <= 0 || threshold > 1)
                    throw new UsageException($"--overlap: '{v}' is not a number in (0, 1]");
                break;
            case "--rule":
                var r = Value();
                rule = r switch
                {
                    "symmetric" => OverlapRule.Symmetric,
                    "gold" => OverlapRule.Gold,
                    _ => throw new UsageException($"--rule: '{r}' is neither symmetric nor gold"),
                };
                break;
            case "--one-to-one": oneToOne = true; break;
            case "--errors": errorsPath = Value(); break;
            case "--gold": goldDir = Value(); break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            default:
                if (args[i].StartsWith('-') || dataDir is not null) throw new UsageException($"unexpected argument '{args[i]}'");
                dataDir = args[i];
                break;
        }
    }
    if (dataDir is null == goldDir is null) throw new UsageException("give either a data folder or --gold DIR");
    if (corpus is not ("polnear" or "spkatt" or "all")) throw new UsageException($"--corpus: '{corpus}' is not polnear, spkatt or all");
    if (split is not ("dev" or "train" or "all")) throw new UsageException($"--split: '{split}' is not dev, train or all");
    if (errorsPath is not null && (Directory.Exists(errorsPath) || (File.Exists(errorsPath) && File.GetAttributes(errorsPath).HasFlag(FileAttributes.ReparsePoint))))
        throw new UsageException($"--errors: '{errorsPath}' is not a regular file");
}
catch (UsageException e)
{
    Console.Error.WriteLine($"quote-eval: {e.Message}\n{Usage}");
    return 2;
}

var runs = new List<(string Corpus, string Lang, string Split, Func<List<EvalDocument>> Load, ScoringOptions Options)>();
if (goldDir is not null)
{
    SortedDictionary<string, List<EvalDocument>> byLang;
    try { byLang = GoldTsvReader.Read(goldDir); }
    catch (Exception e) when (e is EvalInputException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"quote-eval: {e.Message}");
        return 3;
    }
    var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(goldDir));
    foreach (var (lang, docs) in byLang)
    {
        var (opening, closing) = QuoteMarks.Of(lang);
        runs.Add((name, lang, "all", () => docs, new ScoringOptions(threshold, rule, oneToOne, opening, closing)));
    }
}
foreach (var s in dataDir is null ? [] : split == "all" ? ["train", "dev"] : new[] { split })
{
    if (corpus is "polnear" or "all")
        runs.Add(("PolNeAR", "en", s, () => PolnearReader.Read(Path.Combine(dataDir!, "polnear", "data", s)),
            new ScoringOptions(threshold, rule, oneToOne, OpeningMarks: "“", ClosingMarks: "”")));
    if (corpus is "spkatt" or "all")
        runs.Add(("SpkAtt-2023", "de", s, () => SpkattReader.Read(Path.Combine(dataDir!, "spkatt", "data", s)),
            new ScoringOptions(threshold, rule, oneToOne, OpeningMarks: "„»", ClosingMarks: "“«")));
}

var extractor = new QuoteExtractor(Gazetteer.Default);
var errors = errorsPath is null ? null : new StringBuilder();
var results = new List<(string Corpus, string Lang, string Split, SplitScore Score)>();
try
{
    foreach (var (name, lang, s, load, options) in runs)
    {
        var score = new SplitScore();
        var context = new AnalysisContext();
        foreach (var doc in load())
        {
            var analyzed = DocumentAnalyzer.Analyze(new RawArticle(doc.Name, doc.Text, "utf-8"), context);
            var found = extractor.Extract(analyzed, context.Quotes).Quotes;
            errors?.Append($"## {name} {s} {doc.Name}\n");
            Scorer.ScoreDocument(doc, found, options, score, errors);
        }
        results.Add((name, lang, s, score));
    }
    if (goldDir is not null && results.Count > 1)
    {
        var all = new SplitScore();
        foreach (var r in results) all.Add(r.Score);
        results.Add((results[0].Corpus, "all", "all", all));
    }
    if (errors is not null) File.WriteAllText(errorsPath!, errors.ToString());
}
catch (Exception e) when (e is EvalInputException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"quote-eval: {e.Message}");
    return 3;
}

var overlapSide = rule == OverlapRule.Symmetric ? "of both the gold content's and the found quote's word tokens" : "of the gold content's word tokens";
Console.WriteLine($"Match: token overlap ≥ {threshold.ToString(CultureInfo.InvariantCulture)} {overlapSide}, one to one greedy"
    + (oneToOne ? "." : ", then quotes in pieces joined.") + "\n");
Console.WriteLine("| corpus | lang | split | docs | gold direct | gold mixed | gold indirect | recall direct | recall mixed | recall indirect | recall all | found | precision | unmatched found: in marks / inside gold | speaker strict | speaker lenient | terms (not claimed): inside gold |");
Console.WriteLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
foreach (var (name, lang, s, sc) in results)
{
    int gold = sc.Gold.Sum(), matched = sc.Matched.Sum(), unmatched = sc.Found - sc.FoundMatched;
    Console.WriteLine($"| {name} | {lang} | {s} | {sc.Documents} | {sc.Gold[0]} | {sc.Gold[1]} | {sc.Gold[2]} | "
        + $"{Ratio(sc.Matched[0], sc.Gold[0])} | {Ratio(sc.Matched[1], sc.Gold[1])} | {Ratio(sc.Matched[2], sc.Gold[2])} | {Ratio(matched, gold)} | "
        + $"{sc.Found} | {Ratio(sc.FoundMatched, sc.Found)} | {sc.UnmatchedFoundInMarks} / {sc.UnmatchedFoundInGold} of {unmatched} | "
        + $"{Ratio(sc.SpeakerStrict, sc.SpeakerScored)} | {Ratio(sc.SpeakerLenient, sc.SpeakerScored)} (n={sc.SpeakerScored}) | {sc.Terms}: {sc.TermsInGold} |");
}
return 0;

static string Ratio(int a, int b) => b == 0 ? "–" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);

/// <summary>A command line the program cannot run; exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
