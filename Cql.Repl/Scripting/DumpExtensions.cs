namespace Cql.Repl.Scripting;

/// <summary>
/// LINQPad's habit in C# lines and .csx scripts: <c>Quotes.Where(q =&gt; q.Lang == "de").Dump()</c> prints any value
/// as the REPL prints a result — a sequence as a table — and returns it, so it can sit in the middle of a chain or a
/// loop. Static because extension methods cannot see the globals; the one evaluator of the process points
/// <see cref="Output"/> at the REPL's or the script's printer before each run, as it does the cancellation.
/// </summary>
public static class DumpExtensions
{
    static volatile Action<object?>? _output;

    /// <summary>Where dumps go: set by the evaluator for each submission.</summary>
    internal static Action<object?>? Output { get => _output; set => _output = value; }

    /// <summary>Prints the value (a title line first, when given) and returns it.</summary>
    public static T Dump<T>(this T value, string? title = null)
    {
        var show = Output ?? throw new InvalidOperationException("Dump() prints only inside a C# line or a .csx script run by cql");
        if (title is not null) show(title);
        show(value);
        return value;
    }
}
