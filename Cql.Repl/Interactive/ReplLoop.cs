using Cql.Engine.Core;
using Cql.Engine.Diagnostics;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using Cql.Engine.Session;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Syntax;
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
    DisplaySettings _display = new(DisplaySettings.FromFormat(options.Format), options.MaxRows);
    ColumnValues _values = new(initial);
    // The last statement of the language, which a line starting with '|' or a continuation word extends.
    string? _lastStatement;
    Lazy<CSharpEvaluator> _csharp = new(() => new CSharpEvaluator(new ScriptGlobals(initial)));

    /// <summary>The C# engine once it has loaded (it warms in the background), for Tab after '>'; null before.</summary>
    public CSharpEvaluator? LoadedCSharp => _csharp.IsValueCreated ? _csharp.Value : null;

    public const string Help = """
        Type a query and press Enter; a statement continues on the next line while a bracket or quote is open or
        the line ends with '|', ',', an operator or a word like 'and'. A line that starts with '|' (or 'where',
        'and', …) continues the statement before it, which runs again with it. A pasted block runs as a script.
        Up/Down recall history, Ctrl+R searches it, Tab completes, Ctrl+C cancels a running query or C# line,
        Ctrl+D or :quit leaves.

          quotes where speaker = "Xi" and lang in (sv, de)
          quotes | count by lang
          kwic "samarbeid*" | limit 10
          explain quotes where lang = de
          > Quotes.Count(q => q.Lang == "de")        C#: a line starting with '>'

        C# continues over lines while a brace, bracket or verbatim string is open. C# lines see Quotes, Docs,
        Sentences, Paragraphs, Entities, Mentions (typed records), Query("…") for the language (rows with Count,
        Get<T>(row, "column"), Export(path)), Last (the rows of the last statement) and Corpus; variables carry from one line to the next.

        Meta commands:
          :help               this help
          :tables             the tables of the corpus with their row counts
          :schema TABLE       the columns of a table
          :corpus DIR         open another corpus
          :mode MODE          table, line (one field a line), csv, tsv, json, jsonl, markdown (also :format)
          :maxrows N          rows shown of a result (the rest are counted)
          :width N|auto       columns to lay tables out in (auto: the terminal's)
          :pager on|off       page results taller than the screen (less, or cql's own)
          :timing on|off      show the time under each result
          :history            the statements entered before
          :restart            discard the C# state (variables, methods) and start afresh
          :quit               leave
        """;

    /// <summary>The session statements run in (":corpus" replaces it).</summary>
    public CqlSession Session => _session;
    /// <summary>The session's column values (completion and hints), read once per column and replaced with the corpus.</summary>
    public ColumnValues Values => _values;

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
            if (ReplHints.MetaFor(trimmed) is { } meta) trimmed = meta;
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
            if (ReplHints.Before(trimmed) is { } hint)
            {
                Console.Error.WriteLine(hint);
                continue;
            }
            if (_lastStatement is not null && ContinuesPrevious(trimmed))
            {
                text = _lastStatement + "\n" + text;
                Console.Error.WriteLine($"(continues: {text.ReplaceLineEndings(" ")})");
            }
            RunStatements(text);
            if (StatementSplitter.Split(text) is [.., var last]) _lastStatement = text.Substring(last.Start, last.Length);
            _csharp.Value.Globals.SetLastQuery(text);
        }
    }

    // A line the REPL cannot know was coming when it ran the statement before: it starts with '|' or with a word
    // that cannot start a statement (where, and, order, …), as grammar.md's next-line rule says.
    static bool ContinuesPrevious(string line)
    {
        var first = Scanner.Tokens(line, 0, line.Length).FirstOrDefault(t => !t.IsTrivia);
        var text = line.Substring(first.Span.Start, first.Span.Length);
        return first.Kind switch
        {
            TokenKind.Symbol => text == "|",
            TokenKind.Word => SyntaxFacts.Continues(text.ToLowerInvariant()) && !SyntaxFacts.StartsStatement(text.ToLowerInvariant()),
            _ => false,
        };
    }

    long Rows(string table) => _session.Manifest.Tables.GetValueOrDefault(table)?.Rows ?? 0;

    void RunStatements(string text)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += cancel;
        var clock = Stopwatch.StartNew();
        var options = _options with { Format = DisplaySettings.ToFormat(_display.Mode), KeepGoing = true, ShowTiming = _timing };
        try
        {
            foreach (var outcome in _session.Run(text, cts.Token))
            {
                if (outcome is RowsOutcome rows && _display.Mode is ReplMode.Table or ReplMode.Line) ShowRows(rows, clock, cts.Token);
                else QueryCommand.Show(_session, outcome, options, Console.Out, Console.Error, cts.Token);
                clock.Restart();
            }
        }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled"); }
        catch (CorpusException e) { Console.Error.WriteLine("error: " + e.Message); }
        catch (IOException e) { Console.Error.WriteLine("error: " + e.Message); }
        finally { Console.CancelKeyPress -= cancel; }
    }

    // A result laid out for the terminal (table or line mode; its chart, when it asks for one), paged when taller
    // than the screen.
    void ShowRows(RowsOutcome outcome, Stopwatch clock, CancellationToken ct)
    {
        ShownRows shown;
        using (outcome.Rows)
        {
            try
            {
                if (outcome.Chart is { } chart)
                {
                    Pager.Show(ChartDisplay.Lines(outcome.Rows, chart, Width(), ct), _display.Pager);
                    return;
                }
                shown = ShownRows.Read(outcome.Rows, _display.MaxRows, ct);
            }
            // Rows are read as they are shown: failures found while reading are reported here.
            catch (QueryRuntimeException e) { Console.Error.WriteLine("error: " + e.Message); return; }
            catch (CorpusReadException e) { Console.Error.WriteLine("error: " + e.Message); return; }
            catch (SpillException e) { Console.Error.WriteLine("error: " + e.Message); return; }
        }
        var lines = shown.Layout(_display.Mode, Width());
        if (shown.Total == 0) lines.AddRange(ReplHints.ForEmptyResult(outcome.StatementText, _values));
        if (_timing) lines.Add($"({shown.Total:N0} row{(shown.Total == 1 ? "" : "s")}, {clock.Elapsed.TotalMilliseconds:0} ms)");
        Pager.Show(lines, _display.Pager);
    }

    void RunCSharp(string code)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += cancel;
        try
        {
            using var raw = Console.OpenStandardOutput();
            void Show(object? v)
            {
                int width = Width();
                ValuePrinter.Print(v, Console.Out, raw, new TableStyle(_display.MaxRows, width), OutputFormat.Table,
                    new ScreenTable(_display.Mode, width, FooterHints.Repl, lines => Pager.Show(lines, _display.Pager)));
            }
            var (value, hasValue, error) = _csharp.Value.Evaluate(code, cts.Token, Show);
            if (error is not null) { Console.Error.WriteLine(error); return; }
            if (hasValue) Show(value);
        }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled: the C# line stopped; its variables keep the values they had before it"); }
        catch (RunawaySubmissionException)
        {
            Console.Error.WriteLine($"cancelled, but the C# line did not stop within {CSharpEvaluator.StopGrace.TotalSeconds:0} s: it is inside library code that " +
                "never looks at Ctrl+C (a loop of your own would have stopped), and .NET cannot abort a thread, so it keeps a core busy until cql exits. " +
                ":restart discards the C# state; leaving with Ctrl+D ends it.");
        }
        finally { Console.CancelKeyPress -= cancel; }
    }

    int Width()
    {
        if (_display.Width > 0) return _display.Width;
        // One column short of the terminal: a line that fills the last column makes some terminals and less wrap it.
        try { return Math.Max(20, Console.WindowWidth - 1); } catch (IOException) { return 120; }
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
                else if (arg is not null && NameSuggester.Nearest(arg, _session.Catalog.SourceNames) is { } near)
                    Console.Error.WriteLine($"no table or let named '{arg}'; did you mean ':schema {near}'?");
                else Console.Error.WriteLine($"usage: :schema TABLE — one of {string.Join(", ", _session.Catalog.SourceNames)}");
                break;
            case ":corpus":
                if (arg is null) { Console.WriteLine(_session.CorpusDir); break; }
                try
                {
                    var next = CqlSession.Open(arg);
                    next.Budget = _session.Budget;
                    _session.Dispose();
                    _session = next;
                    _csharp = new(() => new CSharpEvaluator(new ScriptGlobals(next)));
                    _values = new ColumnValues(next);
                    _lastStatement = null;
                    Console.WriteLine($"corpus {_session.CorpusDir}: {Rows("docs")} docs");
                }
                catch (CorpusException e) { Console.Error.WriteLine("error: " + e.Message); }
                break;
            case ":format" or ":mode":
                if (arg is not null && DisplaySettings.ParseMode(arg) is { } mode) _display = _display with { Mode = mode };
                else Console.Error.WriteLine($"usage: {parts[0]} {DisplaySettings.ModeNames.Replace(", ", "|")} (now {_display.Mode.ToString().ToLowerInvariant()})");
                break;
            case ":maxrows":
                if (int.TryParse(arg, out var maxRows) && maxRows > 0) _display = _display with { MaxRows = maxRows };
                else Console.Error.WriteLine($"usage: :maxrows N (N ≥ 1; now {_display.MaxRows})");
                break;
            case ":width":
                if (arg is "auto" or "0") _display = _display with { Width = 0 };
                else if (int.TryParse(arg, out var width) && width >= 20) _display = _display with { Width = width };
                else Console.Error.WriteLine($"usage: :width N|auto (N ≥ 20; now {(_display.Width == 0 ? "auto" : _display.Width)})");
                break;
            case ":pager":
                if (arg is "on" or "off") _display = _display with { Pager = arg == "on" };
                else Console.Error.WriteLine($"usage: :pager on|off (now {(_display.Pager ? "on" : "off")})");
                break;
            case ":restart":
                var session = _session;
                _csharp = new(() => new CSharpEvaluator(new ScriptGlobals(session)));
                _ = Task.Run(() => _csharp.Value.WarmUp());
                Console.WriteLine("C# state discarded: variables, methods and usings start afresh");
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
                Console.Error.WriteLine(NameSuggester.Nearest(parts[0], ReplCompletion.MetaCommands) is { } nearest
                    ? $"unknown command '{parts[0]}'; did you mean {nearest}?"
                    : $"unknown command '{parts[0]}'; try {string.Join(", ", ReplCompletion.MetaCommands)}");
                break;
        }
        return true;
    }
}
