using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;

namespace Cql.Repl.Interactive;

/// <summary>What the footer under a table suggests for the rows and cells it does not show: the REPL's meta
/// commands, or the command line's options.</summary>
public sealed record FooterHints(string MoreRows, string WholeCells)
{
    public static readonly FooterHints Repl = new(":maxrows N shows more, export writes them all", ":mode line shows them whole");
    public static readonly FooterHints CommandLine = new("--max-rows N shows more, -o FILE writes them all", "-o FILE or --format jsonl gives them whole");
}

/// <summary>The first rows of a result as text, and how many rows it had in all (<paramref name="AtLeast"/>: at least
/// that many — a C# sequence is read only a little past what is shown, so its end is not known).</summary>
public sealed record ShownRows(IReadOnlyList<ResultColumn> Columns, List<string?[]> Rows, long Total, bool AtLeast = false)
{
    /// <summary>Reads every row of <paramref name="rows"/>, keeping the text of the first <paramref name="maxRows"/>.</summary>
    public static ShownRows Read(IBatchStream rows, int maxRows, CancellationToken ct)
    {
        var cols = rows.Columns;
        var kept = new List<string?[]>();
        long total = 0;
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount && kept.Count < maxRows; r++)
            {
                var cells = new string?[cols.Count];
                for (int c = 0; c < cols.Count; c++) cells[c] = CellText.Of(b.Columns[c], r);
                kept.Add(cells);
            }
            total += b.RowCount;
        }
        return new ShownRows(cols, kept, total);
    }

    /// <summary>The lines showing these rows in table or line mode, with a footer for rows and cells not shown.</summary>
    public List<string> Layout(ReplMode mode, int width, FooterHints? hints = null)
    {
        hints ??= FooterHints.Repl;
        bool cut = false;
        var lines = mode == ReplMode.Line ? LineLayout.Lines(Columns, Rows, width) : TableLayout.Lines(Columns, Rows, width, out cut);
        if (Total > Rows.Count)
            lines.Add($"… {Total - Rows.Count:N0}{(AtLeast ? "+" : "")} more row{(Total - Rows.Count == 1 && !AtLeast ? "" : "s")} — {hints.MoreRows}");
        if (cut) lines.Add($"(cells longer than {TableLayout.MaxCellLines} lines end in …: {hints.WholeCells})");
        return lines;
    }
}
