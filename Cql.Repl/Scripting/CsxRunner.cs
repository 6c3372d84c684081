using Cql.Engine.Output;
using Cql.Engine.Session;
using Cql.Repl.Cli;
using Cql.Repl.Interactive;

namespace Cql.Repl.Scripting;

/// <summary>`cql run FILE.csx`: C# with the corpus globals; the script's final expression, if any, is printed, or
/// written to `-o FILE` as a query's rows are.</summary>
public static class CsxRunner
{
    public static int Run(CqlSession session, string code, QueryCommand.RunOptions o, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var eval = new CSharpEvaluator(new ScriptGlobals(session));
        using var raw = Console.OpenStandardOutput();
        // As for queries: a screen gets the table's first rows laid out as the REPL lays them out, anything else every
        // row in the run's format.
        void Show(object? v)
        {
            if (Console.IsOutputRedirected) ValuePrinter.Print(v, stdout, raw, ResultWriter.Unabridged with { MaxRows = o.MaxRows }, o.Format);
            else
            {
                int width = QueryCommand.ScreenWidth();
                ValuePrinter.Print(v, stdout, raw, new TableStyle(o.MaxRows, width), o.Format,
                    new ScreenTable(ReplMode.Table, width, FooterHints.CommandLine, lines => { foreach (var l in lines) stdout.WriteLine(l); }));
            }
        }
        var (value, hasValue, error) = eval.Evaluate(code, ct, Show);
        if (error is not null)
        {
            stderr.WriteLine(error);
            // Compile errors are the script's fault (1); an exception it threw at run time is a runtime failure (3).
            return error.StartsWith("error CS", StringComparison.Ordinal) ? ExitCodes.QueryError : ExitCodes.Runtime;
        }
        if (o.OutputPath is { } path)
        {
            if (!hasValue)
            {
                stderr.WriteLine($"error: -o {path} writes the script's final value, and this script ends in a statement, not an expression (end it with the value to write, or call .Export(\"FILE\") on rows)");
                return ExitCodes.Usage;
            }
            var rows = ValueRows.Of(value, int.MaxValue, out _) ?? ValueRows.Single(value);
            var n = ResultWriter.Export(rows, path, o.Format, session.ProvenanceFor(code), ct, o.Crlf);
            stderr.WriteLine($"wrote {n:N0} row{(n == 1 ? "" : "s")} to {path}");
            return ExitCodes.Ok;
        }
        if (hasValue) Show(value);
        return ExitCodes.Ok;
    }
}
