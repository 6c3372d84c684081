using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using Cql.Engine.Session;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Tables;
using System.Diagnostics;

namespace Cql.Repl.Cli;

/// <summary>`cql -c QUERY`, `cql run FILE`, statements on standard input, or the REPL: everything that queries.</summary>
public static class QueryCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string? corpus = null, command = null, output = null, runFile = null;
        OutputFormat? format = null;
        int? maxRows = null;
        bool keepGoing = false, help = false, version = false, crlf = false;
        var r = new ArgReader(args, null!);
        r.Read(flag =>
        {
            switch (flag)
            {
                case "--corpus": corpus = r.Value(flag); return true;
                case "-c" or "--command":
                    // A second -c would silently replace the first; statements go in one, separated by ';'.
                    if (command is not null) throw new UsageException("-c given twice; put the statements in one -c, separated by ';'");
                    command = r.Value(flag);
                    return true;
                case "-f" or "--format":
                    var f = r.Value(flag);
                    if (!OutputFormats.TryParse(f, out var parsed)) throw new UsageException($"unknown format '{f}'; use one of {OutputFormats.Names}");
                    format = parsed;
                    return true;
                case "-o" or "--output": output = r.Value(flag); return true;
                case "--max-rows": maxRows = Math.Max(1, r.IntValue(flag)); return true;
                case "--crlf": crlf = true; return true;
                case "--keep-going": keepGoing = true; return true;
                case "-h" or "--help": help = true; return true;
                case "--version" or "-V": version = true; return true;
                default: return false;
            }
        });
        if (help) { stdout.WriteLine(r.Positionals is ["run", ..] ? RunHelp : CliApp.Help); return ExitCodes.Ok; }
        if (version) { stdout.WriteLine(CliApp.VersionText); return ExitCodes.Ok; }

        var positionals = r.Positionals;
        if (positionals.Count > 0)
        {
            if (positionals[0] != "run") throw new UsageException($"unknown command '{positionals[0]}'; commands are ingest, run, gen (or -c QUERY)");
            if (positionals.Count != 2) throw new UsageException("run takes one FILE.cql or FILE.csx", "run");
            runFile = positionals[1];
            if (!File.Exists(runFile)) throw new UsageException($"no such file '{runFile}'", "run");
        }
        if (command is not null && runFile is not null) throw new UsageException("give either -c QUERY or run FILE, not both");
        if (output is not null) format ??= OutputFormatOf(output);
        if (format == OutputFormat.Parquet && output is null) throw new UsageException("parquet output needs a file: -o FILE.parquet");
        if (crlf && format is not (OutputFormat.Csv or null)) throw new UsageException("--crlf is for CSV (--format csv)");

        bool csx = runFile is not null && runFile.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);
        var script = command ?? (runFile is not null ? File.ReadAllText(runFile) : Console.IsInputRedirected ? Console.In.ReadToEnd() : null);
        bool interactive = script is null;
        // Anything that is not a terminal gets every row and every character: TSV with a header unless a format is
        // asked for, and a table asked for is unabridged (only --max-rows, when given, limits it).
        bool toTerminal = interactive || !Console.IsOutputRedirected;
        var options = new RunOptions(format ?? (toTerminal ? OutputFormat.Table : OutputFormat.Tsv), output,
            maxRows ?? (toTerminal ? 50 : int.MaxValue), keepGoing, Crlf: crlf);
        // Building the default corpus on first use takes a moment: say so on a terminal, where someone is waiting.
        var budget = BudgetVariables.Read(Environment.GetEnvironmentVariable);
        using var session = CqlSession.Open(corpus, ct, Console.IsErrorRedirected ? null : stderr);
        session.Budget = budget;
        // A script's read "PATH" is relative to the script's folder, so the script runs the same from anywhere.
        if (runFile is not null) session.Catalog.PathBase = Path.GetDirectoryName(Path.GetFullPath(runFile));
        if (csx) return Scripting.CsxRunner.Run(session, script!, options, stdout, stderr, ct);
        if (script is not null)
        {
            if (output is not null && !IsFolder(output) && session.CountRowResults(script) is > 1 and var results)
                throw new UsageException($"-o FILE takes one result, and these statements give {results}; write one file per statement with -o DIR/, or end each statement with | export \"FILE\"");
            return RunScript(session, script, options, stdout, stderr, ct);
        }
        var history = new Cql.Repl.Editing.History(Cql.Repl.Editing.History.DefaultPath());
        Cql.Repl.Interactive.ReplLoop? loop = null;
        var colours = Cql.Repl.Interactive.ReplLoop.UseColour ? new Cql.Repl.Editing.SyntaxHighlighter() : null;
        // Completion asks the loop for its session: :corpus replaces it.
        var editor = new Cql.Repl.Editing.ConsoleLineEditor(history, new Cql.Repl.Interactive.ReplCompletion(() => loop!.Session, () => loop!.Values, () => loop!.LoadedCSharp), colours);
        loop = new Cql.Repl.Interactive.ReplLoop(session, options, editor, history);
        return loop.Run();
    }

    public const string RunHelp = """
        Usage: cql run FILE.cql|FILE.csx [--corpus DIR] [--format F] [--crlf] [-o FILE | -o DIR/] [--keep-going]

        FILE.cql  statements of the language, one after another (separated by ';' or line ends); each result is
                  printed in --format (on a terminal a table, else TSV), a blank line between results in CSV,
                  TSV, JSON and Markdown; -o DIR/ writes one file per result. The first failing statement stops
                  the run with exit code 1, unless --keep-going, which runs the rest and still exits 1.
        FILE.csx  C# with the corpus as globals: Quotes, Docs, Sentences, Paragraphs, Entities, Mentions (typed
                  records), Query("…") for the language, Corpus. The value of a final expression is printed.
                  Compile errors exit 1, an exception the script throws exits 3.

        Exit codes: 0 ok, 1 query or compile error, 2 usage error, 3 runtime or I/O error.
        """;

    /// <summary>The format of `-o PATH` when --format is not given: from the extension; a pipe or device without one
    /// gets TSV, as standard output does when it is not a terminal.</summary>
    static OutputFormat OutputFormatOf(string output)
    {
        if (IsFolder(output)) throw new UsageException($"say which format the files in '{output}' get: --format ({OutputFormats.Names})");
        var kind = FileKinds.Of(output);
        if (kind == FileKind.Directory)
            throw new UsageException($"'{output}' is a folder; end it with '/' to write one file per statement into it, or name a file");
        return OutputFormats.FromPath(output) ?? (FileKinds.IsStream(kind) ? OutputFormat.Tsv
            : throw new UsageException($"cannot tell the format of '{output}' from its extension; add --format ({OutputFormats.Names})"));
    }

    /// <summary>`-o DIR/`: one file per statement with rows, DIR/1.EXT, DIR/2.EXT, … in the order they run.</summary>
    static bool IsFolder(string output) => output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);

    /// <summary>How results are shown. Crlf: CSV lines end in CR LF (RFC 4180) instead of LF.</summary>
    public sealed record RunOptions(OutputFormat Format, string? OutputPath, int MaxRows, bool KeepGoing, bool ShowTiming = true, bool Crlf = false);

    /// <summary>Runs statements in order; stops at the first error (exit 1) unless KeepGoing. On standard output a
    /// blank line separates one result from the next in CSV, TSV, JSON and Markdown (JSONL simply goes on, a table
    /// ends with its row count); with -o DIR/ each result gets a file of its own.</summary>
    public static int RunScript(CqlSession session, string script, RunOptions o, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        int exit = ExitCodes.Ok, printed = 0, files = 0;
        bool toFolder = o.OutputPath is not null && IsFolder(o.OutputPath);
        if (toFolder) Directory.CreateDirectory(o.OutputPath!);
        foreach (var outcome in session.Run(script, ct))
        {
            var shown = o;
            if (outcome is RowsOutcome && toFolder)
                shown = o with { OutputPath = Path.Combine(o.OutputPath!, $"{++files}.{OutputFormats.Extension(o.Format)}") };
            bool toStdout = outcome is TextOutcome || (outcome is RowsOutcome && o.OutputPath is null);
            if (toStdout && printed++ > 0 && o.Format is not (OutputFormat.Table or OutputFormat.Jsonl)) stdout.WriteLine();
            int code = Show(session, outcome, shown, stdout, stderr, ct);
            if (code != ExitCodes.Ok)
            {
                exit = exit == ExitCodes.Ok ? code : exit;
                if (!o.KeepGoing) break;
            }
        }
        return exit;
    }

    /// <summary>Prints one statement's outcome; returns its exit code.</summary>
    public static int Show(CqlSession session, StatementOutcome outcome, RunOptions o, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        switch (outcome)
        {
            case ErrorOutcome e:
                stderr.WriteLine(e.Rendered);
                return e.IsRuntime ? ExitCodes.Runtime : ExitCodes.QueryError;
            case TextOutcome t:
                stdout.WriteLine(t.Text);
                return ExitCodes.Ok;
            case ExportOutcome x:
                stderr.WriteLine($"exported {x.Rows:N0} rows to {x.Path}");
                return ExitCodes.Ok;
            case RowsOutcome rows:
                using (rows.Rows)
                {
                    try { return ShowRows(session, rows, o, stdout, stderr, ct); }
                    // Rows are read as they are printed: failures found while reading are reported here.
                    catch (QueryRuntimeException e) { stderr.WriteLine("error: " + e.Message); return ExitCodes.QueryError; }
                    catch (CorpusReadException e) { stderr.WriteLine("error: " + e.Message); return ExitCodes.Runtime; }
                    catch (UserTableException e) { stderr.WriteLine("error: " + e.Message); return ExitCodes.Runtime; }
                    catch (SpillException e) { stderr.WriteLine("error: " + e.Message); return ExitCodes.Runtime; }
                }
            default:
                throw new UnreachableException(outcome.GetType().Name);
        }
    }

    static int ShowRows(CqlSession session, RowsOutcome rows, RunOptions o, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (o.OutputPath is not null)
        {
            var n = ResultWriter.Export(rows.Rows, o.OutputPath, o.Format, session.ProvenanceFor(rows.StatementText), ct, o.Crlf);
            stderr.WriteLine($"wrote {n:N0} row{(n == 1 ? "" : "s")} to {o.OutputPath}");
            return ExitCodes.Ok;
        }
        bool atTerminal = o.Format == OutputFormat.Table && !Console.IsOutputRedirected;
        int screenWidth = ScreenWidth();
        // A chart is drawn for a person at a terminal; a pipe or a file asked for gets the rows it is drawn from.
        if (rows.Chart is { } chart && atTerminal)
        {
            foreach (var line in Interactive.ChartDisplay.Lines(rows.Rows, chart, screenWidth, ct)) stdout.WriteLine(line);
            return ExitCodes.Ok;
        }
        long count;
        if (atTerminal)
        {
            // At a terminal the table is laid out as the REPL lays it out: long text wraps in its column.
            var shown = Interactive.ShownRows.Read(rows.Rows, o.MaxRows, ct);
            foreach (var line in shown.Layout(Interactive.ReplMode.Table, screenWidth, Interactive.FooterHints.CommandLine))
                stdout.WriteLine(line);
            count = shown.Total;
        }
        else
        {
            stdout.Flush();
            using var raw = Console.OpenStandardOutput();
            // A table that is not on a terminal is unabridged: no width to fit, no cell cut.
            count = ResultWriter.Write(rows.Rows, o.Format, raw, ResultWriter.Unabridged with { MaxRows = o.MaxRows }, ct, o.Crlf);
            raw.Flush();
        }
        if (o.Format == OutputFormat.Table && o.ShowTiming)
            stdout.WriteLine($"({count:N0} row{(count == 1 ? "" : "s")}, {clock.Elapsed.TotalMilliseconds:0} ms)");
        return ExitCodes.Ok;
    }

    /// <summary>The width a table on the terminal may take: one column short of the window (a line that fills the
    /// last column makes some terminals wrap it), 120 when the width cannot be read.</summary>
    internal static int ScreenWidth()
    {
        try { return Math.Max(40, Console.WindowWidth - 1); } catch (IOException) { return 119; }
    }
}
