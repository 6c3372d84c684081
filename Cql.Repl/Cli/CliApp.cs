using Cql.Engine.Core;
using Cql.Engine.Storage;

namespace Cql.Repl.Cli;

/// <summary>Routes the command line to a command; the one place that turns exceptions into exit codes.</summary>
public static class CliApp
{
    public const string Help = """
        cql — a corpus query language for multilingual news

        Usage:
          cql                               interactive REPL on the default corpus (or --corpus DIR)
          cql -c QUERY [options]            run QUERY and print the result
          cql run FILE.cql|FILE.csx [opts]  run a script of statements (or C# with the corpus as globals)
          cql ingest INPUT... --out DIR     build a corpus from article files (see cql ingest --help)
          cql gen --quotes N --out DIR      generate a synthetic corpus for benchmarks
          echo 'docs | count' | cql         statements from standard input when it is not a terminal

        Options:
          --corpus DIR      the corpus to query (default: the seed articles shipped with cql)
          -c, --command Q   the statements to run (separate several with ';'; one -c only)
          -f, --format F    table, csv, tsv, json, jsonl, parquet, markdown (default: table on a terminal,
                            else TSV with a header: every row, every character)
          --crlf            end CSV lines in CR LF (RFC 4180) instead of LF
          -o, --output FILE write the result to FILE instead of standard output: a regular file atomically,
                            with FILE.meta.json; a pipe or device (/dev/stdout, a FIFO) straight through
          -o DIR/           one file per statement with rows: DIR/1.EXT, DIR/2.EXT, … (needs --format)
          --max-rows N      rows shown by the table format (default: 50 on a terminal, all elsewhere)
          --keep-going      with run: go on after a failing statement
          --version         print the version
          -h, --help        this help

        Memory: a grouping holds CQL_SPILL_GROUPS=N groups, an order by CQL_SPILL_SORT_BYTES=N bytes of rows,
        before it sets rows aside in TMPDIR (explain shows the budget in force).
        Exit codes: 0 ok, 1 query error, 2 usage error, 3 runtime or I/O error.
        The language: grammar.md. Examples: README.md.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (args.Length > 0 && args[0] == "ingest") return await IngestCommand.RunAsync(args[1..], stdout, stderr, cts.Token);
            if (args.Length > 0 && args[0] == "gen") return await GenCommand.RunAsync(args[1..], stdout, cts.Token);
            return QueryCommand.Run(args, stdout, stderr, cts.Token);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"cql{(e.Command is null ? "" : " " + e.Command)}: {e.Message}");
            stderr.WriteLine($"Try 'cql{(e.Command is null ? "" : " " + e.Command)} --help'.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cql: cancelled");
            return ExitCodes.Runtime;
        }
        catch (CorpusException e)
        {
            stderr.WriteLine("cql: " + e.Message);
            return ExitCodes.Runtime;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("cql: " + e.Message);
            return ExitCodes.Runtime;
        }
        catch (Exception e)
        {
            // A bug, not the user's fault: say so plainly; the stack trace only when asked for.
            stderr.WriteLine($"cql: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("CQL_DEBUG") == "1") stderr.WriteLine(e);
            else stderr.WriteLine("Set CQL_DEBUG=1 for details, and please report it.");
            return ExitCodes.Runtime;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            // The benchmark harness reads the peak memory of each run from here.
            if (Environment.GetEnvironmentVariable("CQL_BENCH_STATS") == "1")
                stderr.WriteLine($"peak_rss_kb={System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024}");
        }
    }

    public static string VersionText => $"cql {EngineInfo.Version} (extraction {EngineInfo.ExtractionVersion}, corpus format {CorpusManifest.FormatVersion})";
}
