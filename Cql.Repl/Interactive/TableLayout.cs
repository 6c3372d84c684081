using Cql.Engine.Core;
using System.Text;

namespace Cql.Repl.Interactive;

/// <summary>
/// Lays out rows as an aligned table in a given number of terminal columns: each column as wide as its widest value
/// when the table fits; otherwise the widest columns give way first, and text too long for its column wraps onto
/// more lines of the row instead of being cut. A cell stops after <see cref="MaxCellLines"/> lines (then "…"):
/// line mode shows it whole.
/// </summary>
public static class TableLayout
{
    /// <summary>The most lines one cell takes in a table.</summary>
    public const int MaxCellLines = 8;

    const int Gap = 2;
    // A column squeezed to make room keeps at least this many columns (or its header's width when wider).
    const int MinColumn = 6;

    /// <summary>The lines of the table; <paramref name="cut"/> tells whether a cell was longer than
    /// <see cref="MaxCellLines"/> lines.</summary>
    public static List<string> Lines(IReadOnlyList<ResultColumn> cols, IReadOnlyList<string?[]> rows, int width, out bool cut)
    {
        int n = cols.Count;
        var widths = Widths(cols, rows, width);
        var lines = new List<string>();
        var sb = new StringBuilder();
        for (int c = 0; c < n; c++) AppendCell(sb, cols[c].Name, widths[c], false, c == n - 1);
        lines.Add(sb.ToString().TrimEnd());
        sb.Clear();
        for (int c = 0; c < n; c++) { sb.Append('─', widths[c]); if (c < n - 1) sb.Append(' ', Gap); }
        lines.Add(sb.ToString());
        sb.Clear();
        cut = false;
        var blocks = new List<List<string>[]>(rows.Count);
        bool tall = false;
        foreach (var row in rows)
        {
            var wrapped = new List<string>[n];
            for (int c = 0; c < n; c++)
            {
                wrapped[c] = TextWrap.Wrap(row[c] ?? "null", widths[c]);
                if (wrapped[c].Count > MaxCellLines)
                {
                    var kept = wrapped[c].GetRange(0, MaxCellLines);
                    var last = kept[^1];
                    kept[^1] = (TextWrap.Width(last) >= widths[c] && last.Length > 0 ? last[..^1] : last) + "…";
                    wrapped[c] = kept;
                    cut = true;
                }
                tall |= wrapped[c].Count > 1;
            }
            blocks.Add(wrapped);
        }
        foreach (var wrapped in blocks)
        {
            // Rows of several lines are told apart by a blank line between them.
            if (tall && lines.Count > 2) lines.Add("");
            int height = wrapped.Max(w => w.Count);
            for (int l = 0; l < height; l++)
            {
                for (int c = 0; c < n; c++)
                    AppendCell(sb, l < wrapped[c].Count ? wrapped[c][l] : "", widths[c], IsNumber(cols[c].Type), c == n - 1);
                lines.Add(sb.ToString().TrimEnd());
                sb.Clear();
            }
        }
        return lines;
    }

    /// <summary>The width of each column so the table fits <paramref name="width"/> terminal columns where it can.</summary>
    public static int[] Widths(IReadOnlyList<ResultColumn> cols, IReadOnlyList<string?[]> rows, int width)
    {
        int n = cols.Count;
        var natural = new int[n];
        var floor = new int[n];
        for (int c = 0; c < n; c++)
        {
            natural[c] = Math.Max(1, TextWrap.Width(cols[c].Name));
            foreach (var row in rows)
                foreach (var line in (row[c] ?? "null").Split('\n'))
                    natural[c] = Math.Max(natural[c], TextWrap.Width(line));
            floor[c] = Math.Min(natural[c], Math.Max(MinColumn, TextWrap.Width(cols[c].Name)));
        }
        int room = width - Gap * (n - 1);
        if (natural.Sum() <= room) return natural;
        // The largest cap on every column's width that fits; what is left over goes to the widest columns.
        int lo = 0, hi = natural.Max();
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Capped(natural, floor, mid).Sum() <= room) lo = mid; else hi = mid - 1;
        }
        var widths = Capped(natural, floor, lo);
        int spare = room - widths.Sum();
        for (int c = 0; c < n && spare > 0; c++)
            if (widths[c] < natural[c]) { widths[c]++; spare--; }
        return widths;
    }

    static int[] Capped(int[] natural, int[] floor, int cap)
    {
        var w = new int[natural.Length];
        for (int c = 0; c < w.Length; c++) w[c] = Math.Min(natural[c], Math.Max(cap, floor[c]));
        return w;
    }

    static bool IsNumber(ColumnType t) => t is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;

    static void AppendCell(StringBuilder sb, string s, int width, bool right, bool last)
    {
        if (right) sb.Append(TextWrap.Pad(s, width, right: true));
        else sb.Append(last ? s : TextWrap.Pad(s, width));
        if (!last) sb.Append(' ', Gap);
    }
}
