#:project ../../Cql.Engine/Cql.Engine.csproj
#:property Optimize=true
// Measures LanguageIdentifier throughput on one thread over the seed articles, at the three granularities ingest
// uses (whole body, paragraph with the document as prior, sentence-sized pieces with the paragraph as prior), and
// checks that a call allocates nothing. Calls go through one LanguageWorkspace, the word cache an ingest worker keeps.
//   dotnet run -c Release scripts/langid/throughput.cs
// MB/s is per CPU-second of this process (the loop is single-threaded), so a busy shared machine does not skew it;
// wall-clock MB/s is printed beside it.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Cql.Engine.Core;
using Cql.Engine.Language;

var seeds = Path.Combine(Path.GetDirectoryName(Here())!, "..", "..", "corpora", "seeds");
var docs = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f).Select(File.ReadAllText).ToArray();
var paragraphs = docs.SelectMany(d => d.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
var sentences = paragraphs.SelectMany(p => p.Split(". ", StringSplitOptions.RemoveEmptyEntries)).ToArray();
var words = new LanguageWorkspace();
LanguageIdentifier.Identify("warm up", LanguageGuess.Unknown, words);

Measure("documents", docs, LanguageGuess.Unknown, words);
Measure("paragraphs (document prior)", paragraphs, new LanguageGuess("no", 0.99f), words);
Measure("sentences (paragraph prior)", sentences, new LanguageGuess("no", 0.9f), words);

static void Measure(string what, string[] texts, LanguageGuess prior, LanguageWorkspace words)
{
    long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
    int rounds = (int)Math.Max(1, 200_000_000 / bytes);
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    float sink = 0;
    for (int r = 0; r < rounds; r++)
        foreach (var t in texts) sink += LanguageIdentifier.Identify(t, prior, words).Confidence;
    sw.Stop();
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    double mb = bytes * (double)rounds / 1e6, calls = texts.Length * (double)rounds;
    Console.WriteLine($"{what,-30} {texts.Length,4} texts, avg {bytes / texts.Length,5} B: {mb / cpuSeconds,6:F1} MB/s CPU ({mb / sw.Elapsed.TotalSeconds,5:F1} wall), {cpuSeconds * 1e6 / calls,6:F2} µs/call, {allocated / calls:F1} B allocated/call (check {sink > 0})");
}

static string Here([CallerFilePath] string path = "") => path;
