using Cql.Engine.Ingest.Html;
using System.Diagnostics;
using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// `html --pages DIR [--seconds S]`: the HTML reader's speed on one core — decoding, scanning out scripts, AngleSharp's
/// parse, the noise rules, Readability and the metadata (<see cref="HtmlPageReader.FromBytes"/>) — over every .html
/// page under DIR, repeated for S seconds (5) after one warm-up pass. MB/s of raw HTML per second of wall time and
/// per CPU-second of the process (the fair number on a shared machine), and the slowest pages.
/// </summary>
public static class HtmlSpeed
{
    public static int Run(string[] args)
    {
        string? dir = null;
        double seconds = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--pages") dir = args[++i];
            else if (args[i] == "--seconds") seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        if (dir is null || !Directory.Exists(dir)) { Console.Error.WriteLine("usage: Cql.Bench html --pages DIR [--seconds S]"); return 2; }
        var pages = Directory.GetFiles(dir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToList();
        if (pages.Count == 0) { Console.Error.WriteLine($"no .html pages under {dir}"); return 2; }
        var perPage = new double[pages.Count];
        foreach (var (name, bytes) in pages) HtmlPageReader.FromBytes(bytes, name, null, null); // warm-up: JIT, static tables

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long totalBytes = 0;
        int rounds = 0;
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < pages.Count; i++)
            {
                long start = Stopwatch.GetTimestamp();
                HtmlPageReader.FromBytes(pages[i].Bytes, pages[i].Name, null, null);
                perPage[i] += Stopwatch.GetElapsedTime(start).TotalSeconds;
                totalBytes += pages[i].Bytes.Length;
            }
            rounds++;
        }
        double elapsed = wall.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{pages.Count} pages, {pages.Sum(p => p.Bytes.Length) / 1e6:0.00} MB, {rounds} rounds in {elapsed:0.0} s wall, {cpu:0.0} CPU-s"));
        Console.WriteLine(string.Create(inv, $"{totalBytes / 1e6 / elapsed:0.0} MB/s of HTML on one thread (wall), {totalBytes / 1e6 / cpu:0.0} MB per CPU-second (GC threads included)"));
        Console.WriteLine("slowest pages (MB/s):");
        foreach (var i in Enumerable.Range(0, pages.Count).OrderBy(i => pages[i].Bytes.Length * rounds / perPage[i]).Take(5))
            Console.WriteLine(string.Create(inv, $"  {pages[i].Name}: {pages[i].Bytes.Length / 1e3:0} KB, {pages[i].Bytes.Length * rounds / 1e6 / perPage[i]:0.0} MB/s"));
        return 0;
    }
}
