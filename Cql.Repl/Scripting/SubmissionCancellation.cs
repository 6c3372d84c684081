using System.Runtime.CompilerServices;

namespace Cql.Repl.Scripting;

/// <summary>
/// The cancellation the loops of C# submissions look at: <see cref="CancellationChecks"/> puts a call to
/// <see cref="Check"/> into every loop body and after every label, so Ctrl+C ends `while (true) { }` instead of
/// leaving a core busy. Static because the checks also sit in methods and classes the user declares, which cannot
/// see the instance globals; the one evaluator of the process sets it before each run, and it stays set until the next
/// (a runaway submission that ignored its cancellation thus sees the next one's token, not a cleared one).
/// </summary>
public static class SubmissionCancellation
{
    // Boxed, so the loops' checks read it with one volatile load of a reference.
    static volatile StrongBox<CancellationToken>? _current;

    /// <summary>The token of the latest submission (none before the first).</summary>
    internal static CancellationToken Current
    {
        get => _current?.Value ?? CancellationToken.None;
        set => _current = new StrongBox<CancellationToken>(value);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running submission was cancelled. Called
    /// by the code the rewriter inserts, not by people.</summary>
    public static void Check() => Current.ThrowIfCancellationRequested();
}
