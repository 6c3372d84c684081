using Cql.Engine.Records;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Cql.Repl.Scripting;

/// <summary>
/// Runs C# submissions with state carried from one to the next (variables, usings, methods), against
/// <see cref="ScriptGlobals"/>. Only this class touches Roslyn, so the language path never loads it; the REPL
/// warms it in the background while the user types.
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

    /// <summary>The value of the submission, or an error message with positions for compile errors and the message
    /// of an exception it threw.</summary>
    public (object? Value, bool HasValue, string? Error) Evaluate(string code, CancellationToken ct)
    {
        try { _warm?.Wait(ct); } catch (AggregateException) { }
        var previous = _state;
        // Run on a worker and wait cancellably: user code never looks at a token, so Ctrl+C must be able to stop
        // waiting for it. An abandoned submission runs on in the background, and its state is never kept.
        var run = Task.Run(() => previous is null
            ? CSharpScript.RunAsync<object?>(code, Options, globals, cancellationToken: ct)
            : previous.ContinueWithAsync<object?>(code, Options, ct));
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
                var pos = d.Location.GetLineSpan().StartLinePosition;
                return $"error {d.Id} at {pos.Line + 1}:{pos.Character + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            });
            return (null, false, string.Join('\n', lines));
        }
        catch (OperationCanceledException) { throw; }
        catch (Exception e)
        {
            // The user's code threw: show its message, keep the session.
            return (null, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    static bool EndsWithExpression(string code) => !code.TrimEnd().EndsWith(';') && !code.TrimEnd().EndsWith('}');
}
