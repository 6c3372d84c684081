using Cql.Engine.Core;
using System.Text;

namespace Cql.Repl.Interactive;

/// <summary>
/// Lays out rows as an aligned table in a given number of terminal columns: each column as wide as its widest value
/// when the table fits; otherwise the widest columns give way first, and text too long for its column wraps onto
/// more lines of the row instead of being cut. A cell stops after <see cref="MaxCellLines"/> lines (then "…"):
/// line mode shows it whole. A squeezed column's header wraps after its underscores ("first_date_" over
/// "precision") rather than holding the text column to a few letters, and numbers and dates never wrap.
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
        var headers = new List<string>[n];
        for (int c = 0; c < n; c++) headers[c] = HeaderLines(cols[c].Name, widths[c]);
        AddBlock(lines, sb, headers, widths, _ => false);
        int headerHeight = lines.Count;
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
            if (tall && lines.Count > headerHeight + 1) lines.Add("");
            AddBlock(lines, sb, wrapped, widths, c => IsNumber(cols[c].Type));
        }
        return lines;
    }

    /// <summary>Adds the lines of one row (or the header) whose cells are already wrapped to their widths; a cell
    /// shorter than the others is blank below its last line, numbers (<paramref name="right"/>) right-aligned.</summary>
    static void AddBlock(List<string> lines, StringBuilder sb, List<string>[] cells, int[] widths, Func<int, bool> right)
    {
        int n = cells.Length, height = 1;
        foreach (var cell in cells) height = Math.Max(height, cell.Count);
        for (int l = 0; l < height; l++)
        {
            for (int c = 0; c < n; c++) AppendCell(sb, l < cells[c].Count ? cells[c][l] : "", widths[c], right(c), c == n - 1);
            lines.Add(sb.ToString().TrimEnd());
            sb.Clear();
        }
    }

    /// <summary>The width of each column so the table fits <paramref name="width"/> terminal columns where it can.</summary>
    public static int[] Widths(IReadOnlyList<ResultColumn> cols, IReadOnlyList<string?[]> rows, int width)
    {
        int n = cols.Count;
        var natural = new int[n];
        var values = new int[n];
        var floor = new int[n];
        for (int c = 0; c < n; c++)
        {
            foreach (var row in rows)
                foreach (var line in (row[c] ?? "null").Split('\n'))
                    values[c] = Math.Max(values[c], TextWrap.Width(line));
            natural[c] = Math.Max(Math.Max(1, TextWrap.Width(cols[c].Name)), values[c]);
            // A header may wrap at its underscores, so its widest part is what it needs; a number or date must not
            // wrap at all.
            int needed = Math.Max(MinColumn, WidestPart(cols[c].Name));
            if (IsNumber(cols[c].Type) || cols[c].Type is ColumnType.Date or ColumnType.Bool) needed = Math.Max(needed, values[c]);
            floor[c] = Math.Min(natural[c], needed);
        }
        int room = width - Gap * (n - 1);
        if (natural.Sum() <= room) return natural;
        // Squeezed, no column is wider than its values (or its header's widest part): the room goes to the text.
        for (int c = 0; c < n; c++) natural[c] = Math.Max(floor[c], Math.Min(natural[c], values[c]));
        if (natural.Sum() <= room) return Spread(natural, cols, room);
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

    /// <summary>Widths that fit with room to spare once headers may wrap: the spare goes back to the headers, first
    /// to the columns whose header is wider than they are, so as few headers wrap as can.</summary>
    static int[] Spread(int[] widths, IReadOnlyList<ResultColumn> cols, int room)
    {
        int spare = room - widths.Sum();
        for (int c = 0; c < widths.Length && spare > 0; c++)
        {
            int more = Math.Min(spare, TextWrap.Width(cols[c].Name) - widths[c]);
            if (more > 0) { widths[c] += more; spare -= more; }
        }
        return widths;
    }

    static int[] Capped(int[] natural, int[] floor, int cap)
    {
        var w = new int[natural.Length];
        for (int c = 0; c < w.Length; c++) w[c] = Math.Min(natural[c], Math.Max(cap, floor[c]));
        return w;
    }

    /// <summary>A column name in lines of <paramref name="width"/>: broken after an underscore where it must, inside
    /// a part only when the part alone is wider.</summary>
    static List<string> HeaderLines(string name, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var part in Parts(name))
        {
            if (line.Length > 0 && TextWrap.Width(line.ToString()) + TextWrap.Width(part) > width)
            {
                lines.AddRange(TextWrap.Wrap(line.ToString(), width));
                line.Clear();
            }
            line.Append(part);
        }
        lines.AddRange(TextWrap.Wrap(line.ToString(), width));
        return lines;
    }

    static int WidestPart(string name)
    {
        int widest = 0;
        foreach (var part in Parts(name)) widest = Math.Max(widest, TextWrap.Width(part));
        return widest;
    }

    /// <summary>The name cut after each underscore: "first_date_precision" → "first_", "date_", "precision".</summary>
    static IEnumerable<string> Parts(string name)
    {
        int start = 0;
        for (int i = 0; i < name.Length; i++)
            if (name[i] == '_' && i + 1 < name.Length) { yield return name[start..(i + 1)]; start = i + 1; }
        yield return name[start..];
    }

    static bool IsNumber(ColumnType t) => t is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;

    static void AppendCell(StringBuilder sb, string s, int width, bool right, bool last)
    {
        if (right) sb.Append(TextWrap.Pad(s, width, right: true));
        else sb.Append(last ? s : TextWrap.Pad(s, width));
        if (!last) sb.Append(' ', Gap);
    }
}
