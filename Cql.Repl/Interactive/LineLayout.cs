using Cql.Engine.Core;

namespace Cql.Repl.Interactive;

/// <summary>
/// The vertical layout (`:mode line`, like DuckDB's `.mode line` or psql's `\x`): one field a line, the names aligned,
/// long values wrapped under themselves, nothing cut — for reading quotes and articles.
/// </summary>
public static class LineLayout
{
    /// <summary>The lines showing <paramref name="rows"/>, numbered from <paramref name="firstRow"/>.</summary>
    public static List<string> Lines(IReadOnlyList<ResultColumn> cols, IReadOnlyList<string?[]> rows, int width, long firstRow = 1)
    {
        int nameWidth = cols.Count == 0 ? 0 : cols.Max(c => TextWrap.Width(c.Name));
        var indent = new string(' ', nameWidth + 3);
        int room = Math.Max(10, width - indent.Length);
        var lines = new List<string>();
        long number = firstRow;
        foreach (var row in rows)
        {
            var title = $"── row {number++:N0} ";
            lines.Add(title + new string('─', Math.Max(3, Math.Min(width, 60) - TextWrap.Width(title))));
            for (int c = 0; c < cols.Count; c++)
            {
                var wrapped = TextWrap.Wrap(row[c] ?? "null", room);
                lines.Add(TextWrap.Pad(cols[c].Name, nameWidth) + " = " + wrapped[0]);
                for (int l = 1; l < wrapped.Count; l++) lines.Add(indent + wrapped[l]);
            }
        }
        return lines;
    }
}
