using System.Text;

namespace Cql.Engine.Charts;

/// <summary>
/// Draws a chart in text for a terminal: bar and hist as horizontal bars of Unicode blocks (eighths for the last
/// cell), one line per category; line and area on a braille canvas (2×4 dots a cell) with the y range on the left
/// and the first, middle and last category under the x axis. Series get colours when <c>colour</c> is on; with
/// colours off, bars of each series get their own shade (█ ▓ ▒ ░) and the points of each line its number.
/// </summary>
public static class TextChart
{
    static readonly string[] Colours = ["\x1b[34m", "\x1b[33m", "\x1b[32m", "\x1b[31m", "\x1b[35m", "\x1b[36m"];
    const string Reset = "\x1b[0m";
    static readonly char[] Shades = ['█', '▓', '▒', '░'];
    static readonly char[] Eighths = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

    /// <summary>The lines of the chart, each at most <paramref name="width"/> columns wide; line charts take
    /// <paramref name="height"/> lines in all.</summary>
    public static List<string> Render(ChartData data, int width, int height, bool colour)
    {
        width = Math.Max(30, width);
        var lines = new List<string>();
        if (data.Spec.Title is { } title) lines.Add(Center(title, width));
        if (data.Categories.Count == 0 || data.Series.Count == 0)
        {
            lines.Add("(no rows to chart)");
            return lines;
        }
        if (data.Spec.Kind is ChartKind.Bar or ChartKind.Hist) Bars(data, width, colour, lines);
        else Canvas(data, width, Math.Max(8, height - lines.Count), colour, lines);
        if (data.Series.Count > 1) lines.Add(Legend(data, colour, data.Spec.Kind is ChartKind.Bar or ChartKind.Hist));
        if (data.RowsWithoutX > 0) lines.Add($"({data.RowsWithoutX:N0} row{(data.RowsWithoutX == 1 ? "" : "s")} without {data.XLabel} left out)");
        return lines;
    }

    static void Bars(ChartData data, int width, bool colour, List<string> lines)
    {
        int labelWidth = Math.Min(Math.Max(data.XLabel.Length, data.Categories.Max(c => c.Length)), width / 3);
        double max = 0;
        int valueWidth = 1;
        foreach (var s in data.Series)
            foreach (var v in s.Values)
                if (!double.IsNaN(v))
                {
                    max = Math.Max(max, v);
                    valueWidth = Math.Max(valueWidth, ChartData.Format(v).Length);
                }
        int barWidth = Math.Max(1, width - labelWidth - valueWidth - 3);
        lines.Add(Pad(data.XLabel, labelWidth) + " ┬ " + data.YLabel);
        for (int c = 0; c < data.Categories.Count; c++)
            for (int s = 0; s < data.Series.Count; s++)
            {
                var v = data.Series[s].Values[c];
                var label = s == 0 ? Pad(data.Categories[c], labelWidth) : new string(' ', labelWidth);
                var sb = new StringBuilder(label).Append(" │");
                if (!double.IsNaN(v))
                {
                    double cells = max <= 0 ? 0 : Math.Max(0, v) / max * barWidth;
                    int whole = (int)cells;
                    char fill = colour ? '█' : Shades[s % Shades.Length];
                    if (colour) sb.Append(Colours[s % Colours.Length]);
                    sb.Append(fill, whole);
                    int eighth = (int)Math.Round((cells - whole) * 8);
                    if (fill == '█' && eighth is > 0 and < 8) sb.Append(Eighths[eighth]);
                    if (colour) sb.Append(Reset);
                    sb.Append(' ').Append(ChartData.Format(v));
                }
                lines.Add(sb.ToString());
            }
    }

    static void Canvas(ChartData data, int width, int height, bool colour, List<string> lines)
    {
        double lo = 0, hi = 0;
        foreach (var s in data.Series)
            foreach (var v in s.Values)
                if (!double.IsNaN(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        if (hi == lo) hi = lo + 1;
        string hiText = ChartData.Format(hi), loText = ChartData.Format(lo), midText = ChartData.Format((hi + lo) / 2);
        int axisWidth = Math.Max(hiText.Length, Math.Max(loText.Length, midText.Length));
        int cols = Math.Max(10, width - axisWidth - 2);
        int rows = Math.Max(3, height - 3);
        int dotsX = cols * 2, dotsY = rows * 4;
        var dots = new byte[rows, cols];
        var owner = new int[rows, cols];
        var marks = new char[rows, cols];
        bool numbered = !colour && data.Series.Count > 1;
        int n = data.Categories.Count;
        int DotX(int i) => n == 1 ? dotsX / 2 : (int)Math.Round(i * (dotsX - 1) / (double)(n - 1));
        int DotY(double v) => (int)Math.Round((v - lo) / (hi - lo) * (dotsY - 1));

        for (int s = 0; s < data.Series.Count; s++)
        {
            var values = data.Series[s].Values;
            int? px = null, py = null;
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(values[i])) { px = py = null; continue; }
                int x = DotX(i), y = DotY(values[i]);
                if (px is { } x0 && py is { } y0) Segment(x0, y0, x, y, (dx, dy) => Plot(dx, dy, s));
                else Plot(x, y, s);
                if (numbered) marks[rows - 1 - y / 4, Math.Min(cols - 1, x / 2)] = (char)('1' + s % 9);
                px = x; py = y;
            }
        }

        void Plot(int x, int y, int series)
        {
            // An area fills down to zero (or the bottom, when every value is above it).
            int bottom = data.Spec.Kind == ChartKind.Area ? DotY(Math.Max(lo, 0)) : y;
            for (int yy = Math.Min(y, bottom); yy <= Math.Max(y, bottom); yy++)
            {
                int row = rows - 1 - yy / 4, col = Math.Min(cols - 1, x / 2);
                dots[row, col] |= Bit(x % 2, 3 - yy % 4);
                owner[row, col] = series;
            }
        }

        for (int r = 0; r < rows; r++)
        {
            string axis = r == 0 ? hiText : r == rows - 1 ? loText : r == rows / 2 ? midText : "";
            var sb = new StringBuilder(axis.PadLeft(axisWidth)).Append(" ┤");
            int current = -1;
            for (int c = 0; c < cols; c++)
            {
                if (marks[r, c] != '\0') { sb.Append(marks[r, c]); continue; }
                if (dots[r, c] == 0) { if (current >= 0) { sb.Append(Reset); current = -1; } sb.Append(' '); continue; }
                if (colour && owner[r, c] != current) { current = owner[r, c]; sb.Append(Colours[current % Colours.Length]); }
                sb.Append((char)(0x2800 + dots[r, c]));
            }
            if (current >= 0) sb.Append(Reset);
            lines.Add(sb.ToString().TrimEnd());
        }
        lines.Add(new string(' ', axisWidth) + " └" + new string('─', cols));
        // The first, middle and last categories under their places on the axis.
        var under = new char[cols + axisWidth + 2];
        Array.Fill(under, ' ');
        void Label(int i, int align)
        {
            var text = data.Categories[i];
            int at = axisWidth + 2 + Math.Min(cols - 1, DotX(i) / 2) - (align == 0 ? 0 : align == 1 ? text.Length / 2 : text.Length - 1);
            at = Math.Clamp(at, 0, Math.Max(0, under.Length - text.Length));
            // A label that would touch one already placed is left out.
            for (int k = Math.Max(0, at - 1); k < Math.Min(under.Length, at + text.Length + 1); k++)
                if (under[k] != ' ') return;
            text.CopyTo(0, under, at, Math.Min(text.Length, under.Length - at));
        }
        Label(0, 0);
        if (n > 1) Label(n - 1, 2);
        if (n > 2) Label(n / 2, 1);
        lines.Add(new string(under).TrimEnd());
        lines.Add(Center(data.XLabel + "  (" + data.YLabel + " on the left)", width));
    }

    /// <summary>The bit of a braille cell for dot column x (0, 1) and row y (0 at the top, 3 at the bottom).</summary>
    static byte Bit(int x, int y) => (x, y) switch
    {
        (0, 0) => 0x01, (0, 1) => 0x02, (0, 2) => 0x04, (0, 3) => 0x40,
        (1, 0) => 0x08, (1, 1) => 0x10, (1, 2) => 0x20, _ => 0x80,
    };

    /// <summary>Bresenham's line between two dots.</summary>
    static void Segment(int x0, int y0, int x1, int y1, Action<int, int> plot)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        while (true)
        {
            plot(x0, y0);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    static string Legend(ChartData data, bool colour, bool bars)
    {
        var sb = new StringBuilder();
        for (int s = 0; s < data.Series.Count; s++)
        {
            if (s > 0) sb.Append("  ");
            if (colour) sb.Append(Colours[s % Colours.Length]).Append('█').Append(Reset);
            else sb.Append(bars ? Shades[s % Shades.Length] : (char)('1' + s % 9));
            sb.Append(' ').Append(data.Series[s].Name);
        }
        return sb.ToString();
    }

    static string Pad(string s, int width) => s.Length > width ? s[..Math.Max(0, width - 1)] + "…" : s.PadRight(width);

    static string Center(string s, int width) => s.Length >= width ? s : new string(' ', (width - s.Length) / 2) + s;
}
