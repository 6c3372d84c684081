using Cql.Engine.Records;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Cql.Repl.Scripting;

/// <summary>
/// Runs C# submissions with state carried from one to the next (variables, usings, methods), against
/// <see cref="ScriptGlobals"/>. Only C# lines reach Roslyn (this class, and the completeness check and loop rewriter it
/// uses), so the language path never loads it; the REPL
/// warms it in the background while the user types. Submissions run with <see cref="CancellationChecks"/> in their
/// loops, so Ctrl+C stops them.
/// </summary>
public sealed class CSharpEvaluator(ScriptGlobals globals)
{
    ScriptState<object?>? _state;
    Task? _warm;

    static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(Quote).Assembly, typeof(ScriptGlobals).Assembly, typeof(Enumerable).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic", "System.Text.RegularExpressions", "Cql.Engine.Records", "Cql.Repl.Scripting");

    public ScriptGlobals Globals => globals;

    /// <summary>Compiles a submission like the ones people type (a lambda over records, LINQ, string
    /// interpolation) off the main thread, so the first real one is quick. It reads no corpus data.</summary>
    public void WarmUp() => _warm ??= Task.Run(async () =>
    {
        const string typical = "new Quote[0].Where(q => q.Lang == \"de\").Select(q => $\"{q.Speaker}: {q.Text.Length}\").Count()";
        try { _state = await CSharpScript.RunAsync<object?>(typical, Options, globals); }
        catch (CompilationErrorException) { }
    });

    /// <summary>What Tab offers at the end of <paramref name="codeBeforeCursor"/> (<see cref="CSharpCompletion"/>),
    /// with the variables and methods of the lines run so far in scope.</summary>
    public IReadOnlyList<string> Complete(string codeBeforeCursor) => CSharpCompletion.Names(_state?.Script, Options, codeBeforeCursor);

    /// <summary>How long a cancelled submission may take to reach a check before it counts as a runaway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    /// <summary>The value of the submission, or an error message with positions for compile errors and the message
    /// of an exception it threw. When <paramref name="ct"/> is cancelled, throws <see cref="OperationCanceledException"/>
    /// once the submission has stopped (its loops check the token), or <see cref="RunawaySubmissionException"/>
    /// when it is still running after <see cref="StopGrace"/> (stuck in library code that never checks).
    /// <paramref name="dump"/> prints what the submission's <c>.Dump()</c> calls show.</summary>
    public (object? Value, bool HasValue, string? Error) Evaluate(string code, CancellationToken ct, Action<object?>? dump = null)
    {
        DumpExtensions.Output = dump;
        try { _warm?.Wait(ct); } catch (AggregateException) { }
        var previous = _state;
        var checks = CancellationChecks.Insert(code);
        SubmissionCancellation.Current = ct;
        // Run on a worker and wait cancellably, so Ctrl+C is answered even while the code is inside a library call.
        // A cancelled submission's state is never kept.
        var run = Task.Run(() => previous is null
            ? CSharpScript.RunAsync<object?>(checks.Code, Options, globals, cancellationToken: ct)
            : previous.ContinueWithAsync<object?>(checks.Code, Options, ct));
        try
        {
            var state = run.WaitAsync(ct).GetAwaiter().GetResult();
            _state = state;
            bool hasValue = state.ReturnValue is not null || EndsWithExpression(code);
            return (state.ReturnValue, hasValue, null);
        }
        catch (CompilationErrorException e)
        {
            var lines = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
            {
                var (line, column) = LineAndColumn(code, checks.ToOriginal(d.Location.SourceSpan.Start));
                return $"error {d.Id} at {line}:{column}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            });
            return (null, false, string.Join('\n', lines));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The watchdog: the inserted checks end the user's loops at once; anything still running after the grace
            // period is stuck where no check reaches, and a .NET thread cannot be aborted.
            if (!run.ContinueWith(_ => { }, TaskScheduler.Default).Wait(StopGrace)) throw new RunawaySubmissionException();
            throw;
        }
        catch (Exception e)
        {
            // The user's code threw: show its message, keep the session.
            return (null, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }

    static bool EndsWithExpression(string code) => !code.TrimEnd().EndsWith(';') && !code.TrimEnd().EndsWith('}');
}

/// <summary>A cancelled C# submission did not stop within <see cref="CSharpEvaluator.StopGrace"/>: it runs on in code
/// no cancellation check reaches.</summary>
public sealed class RunawaySubmissionException() : Exception("the C# line did not stop");
