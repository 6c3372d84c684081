#:project ../../Cql.Engine/Cql.Engine.csproj
#:package SearchPioneer.Lingua@2.0.0
#:property Optimize=true
// Measures Lingua (SearchPioneer.Lingua) against our identifier on the held-out news sentences
// (text/heldout/*.txt, one a line) and paragraph-length joins of them (consecutive sentences to >= 280 characters,
// as ACCURACY.md does), restricted to our 15 languages (Lingua is built from exactly these; "no" is Bokmål, which
// Lingua calls nb, and nn is Nynorsk in both): accuracy per language, the no/nn/da/sv confusion, throughput on one
// thread, and, in fresh processes, time to the first answer and the working set after loading. Lingua runs in its
// default (high accuracy) mode with its models preloaded, and in low accuracy mode (trigrams only) as its faster option.
//   dotnet run -c Release scripts/langid/compare-lingua.cs            (writes the tables to stdout)
// MB/s is per CPU-second of this process (the loop is single-threaded), so a busy shared machine skews it less than
// wall time; start-up is wall time and does suffer from load.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Cql.Engine.Language;
using Lingua;

string[] codes = ["no", "nn", "sv", "da", "de", "it", "en", "fr", "es", "nl", "pt", "pl", "fi", "ru", "uk"];
var lingua = new Dictionary<string, Language>
{
    ["no"] = Language.Bokmal, ["nn"] = Language.Nynorsk, ["sv"] = Language.Swedish, ["da"] = Language.Danish,
    ["de"] = Language.German, ["it"] = Language.Italian, ["en"] = Language.English, ["fr"] = Language.French,
    ["es"] = Language.Spanish, ["nl"] = Language.Dutch, ["pt"] = Language.Portuguese, ["pl"] = Language.Polish,
    ["fi"] = Language.Finnish, ["ru"] = Language.Russian, ["uk"] = Language.Ukrainian,
};
var codeOf = lingua.ToDictionary(kv => kv.Value, kv => kv.Key);

if (args is ["--startup", var which])
{
    // A fresh process: the time from its start to the first answer, and what loading left in memory.
    const string Text = "Regjeringen la fram statsbudsjettet tirsdag.";
    string answer = which switch { "ours" => Ours(Text), "lingua" => Lingua(Detector(false), Text), _ => Lingua(Detector(true), Text) };
    var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
    GC.Collect();
    Console.WriteLine($"{sinceStart.TotalMilliseconds:F0} {Environment.WorkingSet / 1e6:F0} {answer}");
    return;
}

var dir = Path.Combine(Path.GetDirectoryName(Here())!, "text", "heldout");
var sentences = codes.ToDictionary(c => c, c => File.ReadAllLines(Path.Combine(dir, c + ".txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList());
var paragraphs = codes.ToDictionary(c => c, c => Paragraphs(sentences[c], 280));
var detector = Detector(false);
var fast = Detector(true);
(string Name, Func<string, string> Identify)[] identifiers =
[
    ("ours", Ours),
    ("Lingua", t => Lingua(detector, t)),
    ("Lingua low accuracy", t => Lingua(fast, t)),
];
var verdicts = identifiers.Select(_ => new Dictionary<(string, string), string>()).ToArray();
foreach (var c in codes)
    foreach (var s in sentences[c].Concat(paragraphs[c]))
        for (int i = 0; i < identifiers.Length; i++) verdicts[i][(c, s)] = identifiers[i].Identify(s);

var md = new StringBuilder();
var names = string.Join(" | ", identifiers.Select(x => x.Name));
var right = string.Join(" | ", identifiers.Select(_ => "---:"));
md.AppendLine($"| language | sentences | {names} | paragraphs | {names} |");
md.AppendLine($"| --- | ---: | {right} | ---: | {right} |");
int ns = 0, np = 0;
var okS = new int[identifiers.Length];
var okP = new int[identifiers.Length];
foreach (var c in codes)
{
    var rowS = new List<string>();
    var rowP = new List<string>();
    for (int i = 0; i < identifiers.Length; i++)
    {
        int a = sentences[c].Count(s => verdicts[i][(c, s)] == c), b = paragraphs[c].Count(p => verdicts[i][(c, p)] == c);
        okS[i] += a;
        okP[i] += b;
        rowS.Add(Pct(a, sentences[c].Count));
        rowP.Add(Pct(b, paragraphs[c].Count));
    }
    md.AppendLine($"| {c} | {sentences[c].Count} | {string.Join(" | ", rowS)} | {paragraphs[c].Count} | {string.Join(" | ", rowP)} |");
    ns += sentences[c].Count;
    np += paragraphs[c].Count;
}
md.AppendLine($"| **all** | {ns} | {string.Join(" | ", okS.Select(k => $"**{Pct(k, ns)}**"))} | {np} | {string.Join(" | ", okP.Select(k => $"**{Pct(k, np)}**"))} |");
md.AppendLine();
for (int i = 0; i < identifiers.Length; i++)
{
    md.AppendLine($"Sentence confusion, {identifiers[i].Name} (rows: truth)");
    md.AppendLine();
    md.AppendLine("| truth \\ guess | no | nn | da | sv | other |");
    md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var t in new[] { "no", "nn", "da", "sv" })
    {
        var guesses = sentences[t].Select(s => verdicts[i][(t, s)]).ToList();
        md.AppendLine($"| {t} | {string.Join(" | ", new[] { "no", "nn", "da", "sv" }.Select(g => guesses.Count(x => x == g)))} | {guesses.Count(x => x is not ("no" or "nn" or "da" or "sv"))} |");
    }
    md.AppendLine();
}

var all = codes.SelectMany(c => sentences[c].Concat(paragraphs[c])).ToArray();
var speed = identifiers.Select(x => Throughput(all, x.Identify)).ToArray();
var startup = new[] { "ours", "lingua", "lingua-low" }.Select(Startup).ToArray();
md.AppendLine($"| | {names} |");
md.AppendLine($"| --- | {right} |");
md.AppendLine($"| throughput, one thread (MB/s per CPU-second) | {string.Join(" | ", speed.Select(x => x.MBps.ToString("F2")))} |");
md.AppendLine($"| per text (µs, sentences and paragraphs) | {string.Join(" | ", speed.Select(x => x.MicrosPerText.ToString("F1")))} |");
md.AppendLine($"| start-up: fresh process to first answer (ms, median of 3) | {string.Join(" | ", startup.Select(x => x.Ms.ToString("F0")))} |");
md.AppendLine($"| working set after loading (MB, median of 3) | {string.Join(" | ", startup.Select(x => x.WorkingSetMb.ToString("F0")))} |");
Console.Write(md);

string Ours(string text) => LanguageIdentifier.Identify(text).Code;

string Lingua(LanguageDetector d, string text) => codeOf.TryGetValue(d.DetectLanguageOf(text), out var c) ? c : "und";

LanguageDetector Detector(bool lowAccuracy)
{
    var builder = LanguageDetectorBuilder.FromLanguages([.. lingua.Values]).WithPreloadedLanguageModels();
    return (lowAccuracy ? builder.WithLowAccuracyMode() : builder).Build();
}

static (double MBps, double MicrosPerText) Throughput(string[] texts, Func<string, string> identify)
{
    long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
    foreach (var t in texts) identify(t); // warm up
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    int rounds = 0;
    do
    {
        foreach (var t in texts) identify(t);
        rounds++;
    }
    while ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds < 3);
    var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    return (bytes * (double)rounds / 1e6 / seconds, seconds * 1e6 / (rounds * (double)texts.Length));
}

static (double Ms, double WorkingSetMb) Startup(string which)
{
    var runs = new List<(double, double)>();
    for (int i = 0; i < 3; i++)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // A file-based app runs as its own executable (or through dotnet with the app's dll).
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        psi.ArgumentList.Add("--startup");
        psi.ArgumentList.Add(which);
        using var p = Process.Start(psi)!;
        var line = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        runs.Add((double.Parse(line[0]), double.Parse(line[1])));
    }
    return (runs.Select(r => r.Item1).Order().ElementAt(1), runs.Select(r => r.Item2).Order().ElementAt(1));
}

static List<string> Paragraphs(List<string> sentences, int min)
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

static string Pct(int k, int n) => n == 0 ? "–" : $"{100.0 * k / n:F1} %";

static string Here([CallerFilePath] string path = "") => path;
