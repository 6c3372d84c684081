using Cql.Engine.Execution;
using System.Text;

namespace Cql.Engine.Output;

/// <summary>Options for the screen table: how many rows and how wide.</summary>
public sealed record TableStyle(int MaxRows = 50, int Width = 120, int MaxCellWidth = 60, bool Markdown = false);

/// <summary>
/// Renders a result as an aligned table for a terminal (or a Markdown table). Only the first MaxRows rows are kept;
/// the rest are counted, and the footer says how many were not shown.
/// </summary>
internal static class TableRenderer
{
    public static long Write(IBatchStream rows, TextWriter w, TableStyle style, CancellationToken ct)
    {
        var cols = rows.Columns;
        var shown = new List<string[]>();
        long total = 0;
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount && shown.Count < style.MaxRows; r++)
            {
                var cells = new string[cols.Count];
                for (int c = 0; c < cols.Count; c++) cells[c] = Flatten(CellText.Of(b.Columns[c], r));
                shown.Add(cells);
            }
            total += b.RowCount;
        }
        if (style.Markdown) WriteMarkdown(cols, shown, w);
        else WriteAligned(cols, shown, w, style);
        if (total > shown.Count)
            w.WriteLine(style.Markdown
                ? $"\n… {total - shown.Count:N0} more rows not shown"
                : $"… {total - shown.Count:N0} more rows — use limit, or export to see them all");
        return total;
    }

    // A cell is one line on screen: newlines and tabs become visible marks.
    static string Flatten(string? s) => s is null ? "null" : s.Replace("\r\n", " ⏎ ").Replace('\n', '⏎').Replace('\t', ' ');

    static void WriteAligned(IReadOnlyList<ResultColumn> cols, List<string[]> rows, TextWriter w, TableStyle style)
    {
        int n = cols.Count;
        var width = new int[n];
        for (int c = 0; c < n; c++)
        {
            width[c] = cols[c].Name.Length;
            foreach (var r in rows) width[c] = Math.Max(width[c], Math.Min(r[c].Length, style.MaxCellWidth));
        }
        // Shrink the widest columns until the table fits the terminal (never below 8 characters).
        int Total() { int t = 0; foreach (var x in width) t += x + 2; return t; }
        while (Total() > style.Width)
        {
            int widest = 0;
            for (int c = 1; c < n; c++) if (width[c] > width[widest]) widest = c;
            if (width[widest] <= 8) break;
            width[widest]--;
        }
        var sb = new StringBuilder();
        for (int c = 0; c < n; c++) Cell(sb, cols[c].Name, width[c], false, c == n - 1);
        w.WriteLine(sb.ToString().TrimEnd()); sb.Clear();
        for (int c = 0; c < n; c++) { sb.Append('─', width[c]); if (c < n - 1) sb.Append("  "); }
        w.WriteLine(sb.ToString()); sb.Clear();
        foreach (var r in rows)
        {
            for (int c = 0; c < n; c++) Cell(sb, r[c], width[c], IsNumber(cols[c].Type), c == n - 1);
            w.WriteLine(sb.ToString().TrimEnd()); sb.Clear();
        }
    }

    static bool IsNumber(ColumnType t) => t is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;

    static void Cell(StringBuilder sb, string s, int width, bool right, bool last)
    {
        if (s.Length > width) s = width <= 1 ? "…" : s[..(width - 1)] + "…";
        if (right) sb.Append(' ', width - s.Length).Append(s);
        else { sb.Append(s); if (!last) sb.Append(' ', width - s.Length); }
        if (!last) sb.Append("  ");
    }

    static void WriteMarkdown(IReadOnlyList<ResultColumn> cols, List<string[]> rows, TextWriter w)
    {
        static string Esc(string s) => s.Replace("|", "\\|");
        w.WriteLine("| " + string.Join(" | ", cols.Select(c => Esc(c.Name))) + " |");
        w.WriteLine("|" + string.Concat(cols.Select(c => IsNumber(c.Type) ? " ---: |" : " --- |")));
        foreach (var r in rows) w.WriteLine("| " + string.Join(" | ", r.Select(Esc)) + " |");
    }
}
