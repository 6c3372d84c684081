using Cql.Engine.Output;
using Cql.Engine.Session;
using Cql.Repl.Cli;

namespace Cql.Repl.Scripting;

/// <summary>`cql run FILE.csx`: C# with the corpus globals; the script's final expression, if any, is printed.</summary>
public static class CsxRunner
{
    public static int Run(CqlSession session, string code, QueryCommand.RunOptions o, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var eval = new CSharpEvaluator(new ScriptGlobals(session));
        using var raw = Console.OpenStandardOutput();
        // As for queries: a screen gets the table's first rows, anything else every row in the run's format.
        void Show(object? v)
        {
            if (Console.IsOutputRedirected) ValuePrinter.Print(v, stdout, raw, ResultWriter.Unabridged with { MaxRows = o.MaxRows }, o.Format);
            else ValuePrinter.Print(v, stdout, raw, new TableStyle(o.MaxRows, 160));
        }
        var (value, hasValue, error) = eval.Evaluate(code, ct, Show);
        if (error is not null)
        {
            stderr.WriteLine(error);
            // Compile errors are the script's fault (1); an exception it threw at run time is a runtime failure (3).
            return error.StartsWith("error CS", StringComparison.Ordinal) ? ExitCodes.QueryError : ExitCodes.Runtime;
        }
        if (hasValue) Show(value);
        return ExitCodes.Ok;
    }
}
