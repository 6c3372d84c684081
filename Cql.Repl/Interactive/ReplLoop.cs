using Cql.Engine.Core;
using Cql.Engine.Output;
using Cql.Engine.Session;
using Cql.Engine.Storage;
using Cql.Repl.Cli;
using Cql.Repl.Editing;
using Cql.Repl.Scripting;
using System.Diagnostics;

namespace Cql.Repl.Interactive;

/// <summary>
/// The interactive session: read a statement, run it, show the result, never die on an error. Meta commands
/// start with ':'; lines starting with '>' are C#.
/// </summary>
public sealed class ReplLoop(CqlSession initial, QueryCommand.RunOptions options, ILineEditor editor, History history)
{
    CqlSession _session = initial;
    QueryCommand.RunOptions _options = options;
    bool _timing = true;
    Lazy<CSharpEvaluator> _csharp = new(() => new CSharpEvaluator(new ScriptGlobals(initial)));

    public const string Help = """
        Type a query and press Enter; a statement continues on the next line while a bracket or quote is open or
        the line ends with '|'. Up/Down recall history, Ctrl+R searches it, Tab completes, Ctrl+C cancels a running
        query, Ctrl+D or :quit leaves.

          quotes where speaker = "Xi" and lang in (sv, de)
          quotes | count by lang
          kwic "samarbeid*" | limit 10
          explain quotes where lang = de
          > Quotes.Count(q => q.Lang == "de")        C#: a line starting with '>'

        C# lines see Quotes, Docs, Sentences, Paragraphs, Entities, Mentions (typed records), Query("…") for the
        language (rows with Count, Get<T>(row, "column"), Export(path)), Last (the rows of the last statement) and
        Corpus; variables carry from one line to the next.

        Meta commands:
          :help               this help
          :tables             the tables of the corpus with their row counts
          :schema TABLE       the columns of a table
          :corpus DIR         open another corpus
          :format FMT         table, csv, tsv, json, jsonl, markdown
          :timing on|off      show the time under each result
          :history            the statements entered before
          :quit               leave
        """;

    /// <summary>The session statements run in (":corpus" replaces it).</summary>
    public CqlSession Session => _session;

    /// <summary>Colour only for a person at a terminal that has it, and never when NO_COLOR is set (no-color.org).</summary>
    public static bool UseColour =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or "");

    public int Run()
    {
        var color = UseColour;
        // Roslyn takes a second or two to load: do it while the user reads the banner and types.
        _ = Task.Run(() => _csharp.Value.WarmUp());
        Console.WriteLine($"cql {Cql.Engine.Core.EngineInfo.Version} — corpus {_session.CorpusDir} ({Rows("docs")} docs, {Rows("quotes")} quotes). :help for help, :quit to leave.");
        while (true)
        {
            var text = editor.ReadStatement(color ? "\x1b[1mcql>\x1b[0m " : "cql> ", "...> ");
            if (text is null) return ExitCodes.Ok;
            var trimmed = text.Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith(':'))
            {
                if (!Meta(trimmed)) return ExitCodes.Ok;
                continue;
            }
            if (trimmed.StartsWith('>'))
            {
                RunCSharp(trimmed[1..]);
                continue;
            }
            RunStatements(text);
            _csharp.Value.Globals.SetLastQuery(text);
        }
    }

    long Rows(string table) => _session.Manifest.Tables.GetValueOrDefault(table)?.Rows ?? 0;

    void RunStatements(string text)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += cancel;
        var clock = Stopwatch.StartNew();
        try
        {
            QueryCommand.RunScript(_session, text, _options with { KeepGoing = true, ShowTiming = _timing }, Console.Out, Console.Error, cts.Token);
        }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled"); }
        catch (CorpusException e) { Console.Error.WriteLine("error: " + e.Message); }
        catch (IOException e) { Console.Error.WriteLine("error: " + e.Message); }
        finally { Console.CancelKeyPress -= cancel; }
    }

    void RunCSharp(string code)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += cancel;
        try
        {
            var (value, hasValue, error) = _csharp.Value.Evaluate(code, cts.Token);
            if (error is not null) { Console.Error.WriteLine(error); return; }
            if (!hasValue) return;
            using var raw = Console.OpenStandardOutput();
            ValuePrinter.Print(value, Console.Out, raw, new TableStyle(_options.MaxRows, SafeWidth()));
        }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled: the C# code is abandoned and its variables keep their last values (code that never ends keeps a core busy until cql exits)"); }
        finally { Console.CancelKeyPress -= cancel; }
    }

    static int SafeWidth()
    {
        try { return Math.Max(40, Console.WindowWidth); } catch (IOException) { return 120; }
    }

    /// <summary>Runs a meta command; false means leave.</summary>
    bool Meta(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var arg = parts.Length > 1 ? parts[1] : null;
        switch (parts[0])
        {
            case ":quit" or ":q" or ":exit": return false;
            case ":help" or ":h" or ":?": Console.WriteLine(Help); break;
            case ":tables":
                foreach (var t in CorpusSchema.Tables) Console.WriteLine($"{t.Name,-12} {Rows(t.Name),10:N0} rows  {t.Description}");
                break;
            case ":schema":
                var table = arg is null ? null : CorpusSchema.Find(arg);
                var let = arg is null ? null : _session.Catalog.FindLet(arg);
                if (table is not null)
                    foreach (var c in table.Columns) Console.WriteLine($"{c.Name,-18} {c.Type.ToString().ToLowerInvariant(),-8} {(c.Nullable ? "null " : "     ")} {c.Description}");
                else if (let is not null)
                    foreach (var c in let.Plan.Schema) Console.WriteLine($"{c.Name,-18} {c.Type.ToString().ToLowerInvariant(),-8}");
                else Console.Error.WriteLine($"usage: :schema TABLE — one of {string.Join(", ", _session.Catalog.SourceNames)}");
                break;
            case ":corpus":
                if (arg is null) { Console.WriteLine(_session.CorpusDir); break; }
                try
                {
                    var next = CqlSession.Open(arg);
                    _session.Dispose();
                    _session = next;
                    _csharp = new(() => new CSharpEvaluator(new ScriptGlobals(next)));
                    Console.WriteLine($"corpus {_session.CorpusDir}: {Rows("docs")} docs");
                }
                catch (CorpusException e) { Console.Error.WriteLine("error: " + e.Message); }
                break;
            case ":format":
                if (arg is not null && OutputFormats.TryParse(arg, out var f) && f != OutputFormat.Parquet) _options = _options with { Format = f };
                else Console.Error.WriteLine("usage: :format table|csv|tsv|json|jsonl|markdown");
                break;
            case ":timing":
                if (arg is "on" or "off") _timing = arg == "on";
                else Console.Error.WriteLine("usage: :timing on|off");
                break;
            case ":history":
                var entries = history.Entries;
                for (int i = Math.Max(0, entries.Count - 50); i < entries.Count; i++) Console.WriteLine($"{i + 1,5}  {entries[i]}");
                break;
            default:
                Console.Error.WriteLine($"unknown command '{parts[0]}'; try {string.Join(", ", ReplCompletion.MetaCommands)}");
                break;
        }
        return true;
    }
}
