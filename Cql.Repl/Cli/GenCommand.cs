using Cql.Engine.Generation;
using Cql.Engine.Ingest;
using System.Diagnostics;

namespace Cql.Repl.Cli;

/// <summary>`cql gen --quotes N --out DIR [--seed S]`: a synthetic corpus for benchmarks.</summary>
public static class GenCommand
{
    public const string Help = """
        Usage: cql gen --quotes N --out DIR [--seed S] [--speakers K]

        Writes a synthetic corpus with the schema of an ingested one: about 20 quotes a document, Zipf-distributed
        speakers (the seed people on top), 11 languages, dates 2015–2025, words from the seed articles.
        The same seed gives the same corpus.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, CancellationToken ct)
    {
        int? quotes = null;
        int seed = 42, speakers = 5000;
        string? outDir = null;
        bool help = false;
        var r = new ArgReader(args, "gen");
        r.Read(flag =>
        {
            switch (flag)
            {
                case "--quotes" or "-n": quotes = r.IntValue(flag); return true;
                case "-o" or "--out": outDir = r.Value(flag); return true;
                case "--seed": seed = r.IntValue(flag); return true;
                case "--speakers": speakers = Math.Max(10, r.IntValue(flag)); return true;
                case "-h" or "--help": help = true; return true;
                default: return false;
            }
        });
        if (help) { stdout.WriteLine(Help); return ExitCodes.Ok; }
        if (quotes is null or 0) throw new UsageException("say how many quotes: --quotes N", "gen");
        if (outDir is null) throw new UsageException("say where the corpus goes: --out DIR", "gen");
        if (r.Positionals.Count > 0) throw new UsageException($"unexpected argument '{r.Positionals[0]}'", "gen");
        var clock = Stopwatch.StartNew();
        try
        {
            var m = await CorpusGenerator.RunAsync(new GenerateOptions(quotes.Value, outDir, seed, speakers), null, ct);
            stdout.WriteLine($"gen: {m.Tables["quotes"].Rows:N0} quotes in {m.Tables["docs"].Rows:N0} docs ({m.Tables["tokens"].Rows:N0} tokens) in {outDir}; {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch (IngestUsageException e) { throw new UsageException(e.Message, "gen"); }
        return ExitCodes.Ok;
    }
}
