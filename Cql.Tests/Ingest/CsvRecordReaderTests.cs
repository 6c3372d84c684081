using Cql.Engine.Ingest;

namespace Cql.Tests.Ingest;

public class CsvRecordReaderTests
{
    static List<string[]> ReadAll(string text, char d = ',')
    {
        using var r = new CsvRecordReader(text, d);
        var list = new List<string[]>();
        while (r.Read() is { } rec) list.Add(rec);
        return list;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines()
    {
        var rows = ReadAll("title,text\r\n\"A, B\",\"He said \"\"yes\"\"\nand left\"\r\nC,D\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["A, B", "He said \"yes\"\nand left"], rows[1]);
        Assert.Equal(["C", "D"], rows[2]);
    }

    [Fact]
    public void Empty_fields_and_missing_final_newline()
    {
        var rows = ReadAll("a,b,c\n1,,3");
        Assert.Equal(["1", "", "3"], rows[1]);
    }

    [Fact]
    public void Stray_quotes_are_text_and_text_after_a_closing_quote_is_kept()
    {
        var rows = ReadAll("title,text\nHe said \"yes,5'10\" tall\n\"Quoted\" tail,x\nlast,row\n");
        Assert.Equal(["He said \"yes", "5'10\" tall"], rows[1]);
        Assert.Equal(["Quoted tail", "x"], rows[2]);
        Assert.Equal(["last", "row"], rows[3]);
    }

    [Fact]
    public void Blank_lines_are_records_and_hashes_are_text()
    {
        var rows = ReadAll("title,text\n\n#tag,b\r\nc,d\re,f");
        Assert.Equal([["title", "text"], [""], ["#tag", "b"], ["c", "d"], ["e", "f"]], rows);
    }

    [Fact]
    public void A_quoted_field_may_be_larger_than_any_buffer()
    {
        var text = new string('x', 3_000_000);
        var rows = ReadAll($"title\ttext\nt\t\"{text}\nmore\"\n", '\t');
        Assert.Equal(["t", text + "\nmore"], rows[1]);
    }

    [Theory]
    [InlineData("title;text;date\nx;y;z", ';')]
    [InlineData("title\ttext\nx\ty", '\t')]
    [InlineData("title,text\nx,y", ',')]
    public void Delimiter_is_detected_from_the_header(string text, char expected) =>
        Assert.Equal(expected, CsvRecordReader.DetectDelimiter(text));
}
