namespace Cql.Repl.Interactive;

/// <summary>How a table goes onto a person's screen: the layout mode and width, the footer's hints, and where the
/// finished lines go (the REPL's pager, or straight to the terminal). Query results and C# values both use it, so a
/// sequence printed from C# wraps its text as a query's rows do instead of cutting each cell.</summary>
public sealed record ScreenTable(ReplMode Mode, int Width, FooterHints Hints, Action<List<string>> Show)
{
    /// <summary>Lays out <paramref name="shown"/> and shows it, <paramref name="footer"/> under it.</summary>
    public void Write(ShownRows shown, string footer)
    {
        var lines = shown.Layout(Mode, Width, Hints);
        lines.Add(footer);
        Show(lines);
    }
}
