using System.Globalization;
using System.Text;

namespace Cql.Repl.Interactive;

/// <summary>
/// Terminal columns of text and word wrapping by them: East Asian wide characters take two columns and combining
/// marks none, so Chinese and Japanese quotes line up with the rest.
/// </summary>
public static class TextWrap
{
    /// <summary>The number of terminal columns <paramref name="s"/> takes.</summary>
    public static int Width(string s)
    {
        int w = 0;
        foreach (var rune in s.EnumerateRunes()) w += Width(rune);
        return w;
    }

    static int Width(Rune r)
    {
        var category = Rune.GetUnicodeCategory(r);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        int v = r.Value;
        bool wide = v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F or >= 0x1F900 and <= 0x1F9FF or >= 0x20000 and <= 0x3FFFD;
        return wide ? 2 : 1;
    }

    /// <summary><paramref name="s"/> padded with spaces to <paramref name="width"/> columns, on the right or the left.</summary>
    public static string Pad(string s, int width, bool right = false)
    {
        int room = width - Width(s);
        if (room <= 0) return s;
        return right ? new string(' ', room) + s : s + new string(' ', room);
    }

    /// <summary>
    /// The lines of <paramref name="s"/> wrapped to <paramref name="width"/> columns: at spaces where a line has one,
    /// inside a word only when the word alone is wider. Line breaks in the text are kept. Nothing is dropped:
    /// joining the lines with the spaces they broke at gives the text back.
    /// </summary>
    public static List<string> Wrap(string s, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        foreach (var paragraph in s.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            int lineWidth = 0;
            int lastSpace = -1, widthAtSpace = 0;
            foreach (var rune in paragraph.Replace('\t', ' ').EnumerateRunes())
            {
                int w = Width(rune);
                while (lineWidth + w > width && line.Length > 0)
                {
                    if (lastSpace >= 0)
                    {
                        // Break at the last space: the word after it moves to the next line.
                        var rest = line.ToString(lastSpace + 1, line.Length - lastSpace - 1);
                        lines.Add(line.ToString(0, lastSpace));
                        line.Clear().Append(rest);
                        lineWidth -= widthAtSpace + 1;
                    }
                    else
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }
                    lastSpace = -1;
                }
                if (rune.Value == ' ' && line.Length > 0) { lastSpace = line.Length; widthAtSpace = lineWidth; }
                line.Append(rune.ToString());
                lineWidth += w;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
