using Cql.Engine.Charts;
using Cql.Engine.Core;
using Cql.Engine.Execution;

namespace Cql.Repl.Interactive;

/// <summary>A query's chart drawn for the terminal it runs in: as wide as the terminal, at most as tall as it.</summary>
public static class ChartDisplay
{
    /// <summary>The chart's lines for a terminal of <paramref name="width"/> columns (the height is the terminal's,
    /// within 10 to 30 lines); colours as <see cref="ReplLoop.UseColour"/> says.</summary>
    public static List<string> Lines(IBatchStream rows, ChartSpec chart, int width, CancellationToken ct)
    {
        var data = ChartData.Read(rows, chart, ct);
        return TextChart.Render(data, width, Math.Clamp(TerminalHeight() - 4, 10, 30), ReplLoop.UseColour);
    }

    static int TerminalHeight()
    {
        try { return Console.WindowHeight; } catch (IOException) { return 24; }
    }
}
