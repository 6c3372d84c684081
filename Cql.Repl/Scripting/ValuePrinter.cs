using Cql.Engine.Core;
using Cql.Engine.Output;
using Cql.Repl.Interactive;
using System.Globalization;

namespace Cql.Repl.Scripting;

/// <summary>Shows the value of a C# submission: sequences of records as a table (first rows), the rest as text.</summary>
public static class ValuePrinter
{
    /// <summary>Prints <paramref name="value"/>; sequences go out in <paramref name="format"/> (a table on a screen,
    /// TSV into a pipe), and only a table gets the "(N rows)" line under it, so a pipe gets nothing but the rows.
    /// With <paramref name="screen"/> a table is laid out for a person as query results are (text wraps in its
    /// column); without it, as the engine writes a table into a file.</summary>
    public static void Print(object? value, TextWriter output, Stream raw, TableStyle style, OutputFormat format = OutputFormat.Table, ScreenTable? screen = null)
    {
        bool table = format == OutputFormat.Table;
        switch (value)
        {
            case null: output.WriteLine("null"); return;
            case string s: output.WriteLine(s); return;
            case ChartView chart:
                // The text chart, as wide as the screen (100 columns elsewhere), coloured only on a terminal.
                bool onScreen = table && style.Width < int.MaxValue;
                foreach (var line in chart.Lines(onScreen ? style.Width : 100, 24, onScreen && ReplLoop.UseColour)) output.WriteLine(line);
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                output.WriteLine(f.ToString(null, CultureInfo.InvariantCulture));
                return;
        }
        // A little past the limit, to say "N+ items"; an unlimited style (int.MaxValue) takes everything.
        int take = style.MaxRows > int.MaxValue - 1000 ? int.MaxValue : style.MaxRows + 1000;
        if (ValueRows.Of(value, take, out bool capped) is not { } rows)
        {
            output.WriteLine(value.ToString());
            return;
        }
        string unit = value is QueryRows ? "rows" : "items";
        if (table && screen is not null)
        {
            var shown = ShownRows.Read(rows, style.MaxRows, CancellationToken.None) with { AtLeast = capped };
            screen.Write(shown, $"({shown.Total:N0}{(capped ? "+" : "")} {unit})");
            return;
        }
        output.Flush();
        var n = ResultWriter.Write(rows, format, raw, style, CancellationToken.None);
        raw.Flush();
        if (table) output.WriteLine($"({n:N0}{(capped ? "+" : "")} {unit})");
    }
}
