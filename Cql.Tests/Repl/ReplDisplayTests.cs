using Cql.Engine.Core;
using Cql.Repl.Interactive;

namespace Cql.Tests.Repl;

public sealed class ReplDisplayTests
{
    static readonly ResultColumn[] Cols = [new("speaker", ColumnType.String), new("text", ColumnType.String), new("n", ColumnType.Int64)];
    static readonly string Long = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

    [Fact]
    public void A_table_fits_the_width_and_long_text_wraps_instead_of_being_cut()
    {
        var lines = TableLayout.Lines(Cols, [["Xi Jinping", Long, "7"], ["Putin", "short", "12"]], 80, out bool cut);
        Assert.False(cut);
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"too wide: {l}"));
        var text = string.Join(' ', lines.Skip(2).Select(l => l.Length > 20 ? l.Substring(12, Math.Min(l.Length - 12, 60)).Trim() : "").Where(s => s.StartsWith("word")));
        Assert.Contains("word1 ", text);
        Assert.Contains("word60", string.Join('\n', lines));
        Assert.DoesNotContain("…", string.Join('\n', lines));
    }

    [Fact]
    public void A_csharp_sequence_on_the_screen_wraps_its_text_as_query_rows_do()
    {
        // C# values went through the file writer's table, which cuts every cell at 60 characters.
        var shown = new List<string>();
        var screen = new ScreenTable(ReplMode.Table, 80, FooterHints.Repl, shown.AddRange);
        var items = Enumerable.Range(0, 60).Select(i => new { Speaker = "Xi Jinping", Text = Long + i }).ToList();
        Cql.Repl.Scripting.ValuePrinter.Print(items, TextWriter.Null, Stream.Null, new Cql.Engine.Output.TableStyle(3, 80), Cql.Engine.Core.OutputFormat.Table, screen);
        var all = string.Join('\n', shown);
        Assert.Contains("word60", all);
        Assert.DoesNotContain(shown.SkipLast(2), l => l.Contains('…'));
        Assert.All(shown, l => Assert.True(TextWrap.Width(l) <= 80, $"too wide: {l}"));
        Assert.Contains(shown, l => l.StartsWith("… 57 more rows"));
        Assert.Equal("(60 items)", shown[^1]);
    }

    [Fact]
    public void A_table_that_fits_keeps_its_natural_widths()
    {
        var widths = TableLayout.Widths(Cols, [["Xi", "short", "7"]], 160);
        Assert.Equal([7, 5, 1], widths);
    }

    [Fact]
    public void A_squeezed_table_wraps_long_headers_at_underscores_and_gives_the_room_to_the_text()
    {
        // The statements table has a dozen columns with long names and short values: its text used to get 6 letters.
        ResultColumn[] cols = [new("statement_id", ColumnType.Int64), new("first_date_precision", ColumnType.String),
            new("n_reports", ColumnType.Int64), new("text", ColumnType.String)];
        string?[][] rows = [["123456", "month", "4", Long]];
        var widths = TableLayout.Widths(cols, rows, 60);
        Assert.True(widths[3] >= 25, $"text got {widths[3]} columns");
        var lines = TableLayout.Lines(cols, rows, 60, out _);
        Assert.All(lines, l => Assert.True(TextWrap.Width(l) <= 60, $"too wide: {l}"));
        Assert.StartsWith("statement_", lines[0]);
        Assert.Contains(lines.TakeWhile(l => !l.StartsWith('─')), l => l.Contains("precision"));
        Assert.Contains(lines, l => l.Contains("123456"));
    }

    [Fact]
    public void Wrapping_keeps_every_word_and_counts_wide_characters_twice()
    {
        var wrapped = TextWrap.Wrap(Long, 30);
        Assert.All(wrapped, l => Assert.True(TextWrap.Width(l) <= 30));
        Assert.Equal(Long, string.Join(' ', wrapped));
        Assert.Equal(4, TextWrap.Width("中国"));
        Assert.All(TextWrap.Wrap("中国将继续支持俄罗斯的主权和安全", 10), l => Assert.True(TextWrap.Width(l) <= 10));
    }

    [Fact]
    public void Line_mode_shows_one_field_a_line_and_the_whole_value()
    {
        var lines = LineLayout.Lines(Cols, [["Xi Jinping", Long, "7"]], 60);
        Assert.StartsWith("── row 1", lines[0]);
        Assert.Equal("speaker = Xi Jinping", lines[1]);
        Assert.StartsWith("text    = word1 ", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("          ") && l.Contains("word60"));
        Assert.Equal("n       = 7", lines[^1]);
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_marked_and_the_footer_says_how_to_see_it()
    {
        var huge = string.Join(' ', Enumerable.Repeat(Long, 10));
        var shown = new ShownRows(Cols, [["Xi", huge, "1"]], 3);
        var lines = shown.Layout(ReplMode.Table, 60);
        Assert.Contains(lines, l => l.TrimEnd().EndsWith('…'));
        Assert.Contains(lines, l => l.Contains(":mode line shows them whole"));
        Assert.Contains(lines, l => l.StartsWith("… 2 more rows"));
    }
}
