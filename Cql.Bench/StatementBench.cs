using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Statements;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using System.Diagnostics;
using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// `statements --corpus DIR [--runs N]`: regroups the quotes of an ingested corpus into statements N times in this
/// process and prints each run's CPU time, allocations, the number of statements and how many quotes were given the
/// statement the corpus holds — the grouper's cost apart from the rest of ingest, and a check that a faster grouper
/// groups as the corpus's did.
/// </summary>
public static class StatementBench
{
    public static int Run(string[] args)
    {
        string corpus = args[Array.IndexOf(args, "--corpus") + 1];
        int at = Array.IndexOf(args, "--runs");
        int runs = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 3;
        var manifest = CorpusManifest.Load(corpus);
        var quotes = StatementHistory.Read(corpus, manifest);
        var organisations = Organisations(corpus, manifest);
        var lexicon = StatementLexicon.Default;
        Console.WriteLine($"{quotes.Count} grouped quotes");
        for (int i = 0; i < runs; i++)
        {
            long alloc = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var grouper = new StatementGrouper(lexicon, organisations.Contains);
            int same = 0;
            foreach (var (q, s) in quotes)
                if (grouper.Add(q) == s) same++;
            var wall = clock.Elapsed.TotalMilliseconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i}: {wall,8:0} ms wall {used,8:0} ms cpu {(GC.GetTotalAllocatedBytes(true) - alloc) / 1e6,8:0.0} MB alloc  statements {grouper.Statements.Count}  same as the corpus {same}/{quotes.Count}"));
        }
        return 0;
    }

    static HashSet<string> Organisations(string corpus, CorpusManifest manifest)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in manifest.FilesOf(corpus, CorpusSchema.Entities.Name))
        {
            using var file = new ParquetFileReader(path);
            ParquetColumn name = file.Column("name"), kind = file.Column("kind");
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                var entityNames = file.Read(g, name, ColumnType.String);
                var kinds = file.Read(g, kind, ColumnType.String);
                for (int i = 0; i < file.RowCount(g); i++)
                    if (kinds.GetString(i).Span.SequenceEqual("organisation")) names.Add(entityNames.GetString(i).ToString());
            }
        }
        return names;
    }
}
