using Cql.Engine.Core;
using Cql.Engine.Storage.Writing;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>
/// Ingest adds the paragraphs' and sentences' text as ranges of their document (<see cref="ColumnBuffer.AddText"/>)
/// instead of substrings: the file must be byte for byte the one the substrings make, whether a column mixes ranges
/// with whole strings and nulls, a row group starts with either, or a page is cut by its characters.
/// </summary>
public sealed class TextRangeColumnTests
{
    static readonly TableSchema Table = new("ranges", "text added whole or as ranges", [
        new ColumnSchema("id", ColumnType.Int32, false, ""),
        new ColumnSchema("text", ColumnType.String, true, ""),
    ]);

    // Long enough that pages are cut by characters, not only by rows; with text whose UTF-8 is longer than its UTF-16.
    static readonly string Document = string.Concat(Enumerable.Range(0, 4000).Select(i => $"Setning {i} — «ærlig» 😀 {new string('x', i % 97)}. "));

    static (int Start, int Length)? RangeOf(int row) =>
        row % 11 == 0 ? null : (row * 7919 % (Document.Length - 300), row % 5 == 0 ? 0 : 1 + row % 250);

    static async Task<byte[]> WriteAsync(TempDir dir, string name, int rows, Func<int, bool> asRange)
    {
        var path = dir.File(name);
        await using (var writer = new TableWriter(Table, dir.Path, "part", exactPath: path))
        {
            for (int i = 0; i < rows; i++)
            {
                writer.Int32(0, i);
                if (RangeOf(i) is not { } r) writer.Null(1);
                else if (asRange(i)) writer[1].AddText(Document, r.Start, r.Length);
                else writer.String(1, Document.Substring(r.Start, r.Length));
                await writer.EndRowAsync();
            }
            await writer.CompleteAsync(writeEmptyFile: true);
        }
        return await File.ReadAllBytesAsync(path);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(140_000)] // three row groups
    public async Task Ranges_write_the_same_file_as_substrings(int rows)
    {
        using var dir = new TempDir();
        var whole = await WriteAsync(dir, "whole.parquet", rows, _ => false);
        Assert.Equal(whole, await WriteAsync(dir, "ranges.parquet", rows, _ => true));
        // Mixed: a row group that starts with whole strings and turns to ranges, and the reverse.
        Assert.Equal(whole, await WriteAsync(dir, "mixed.parquet", rows, i => i % 3 == 1 || i > rows / 2));
    }

    [Fact]
    public void A_column_of_ranges_cannot_be_read_as_whole_strings()
    {
        var column = new ColumnBuffer(Table.Columns[1]);
        column.AddString("a");
        Assert.Equal("a", column.Strings[0]);
        column.AddText(Document, 3, 4);
        Assert.Equal(Document.AsSpan(3, 4).ToString(), column.TextAt(1).ToString());
        Assert.Equal("a", column.TextAt(0).ToString());
        Assert.Throws<InvalidOperationException>(() => column.Strings);
        Assert.Throws<ArgumentOutOfRangeException>(() => column.AddText("abc", 2, 2));
        column.Clear();
        column.AddString("b");
        Assert.Equal("b", column.Strings[0]);
    }
}
