using Cql.Engine.Ingest;

namespace Cql.Tests.Ingest;

public class CsvRecordReaderTests
{
    static List<string[]> ReadAll(string text, char d = ',')
    {
        var r = new CsvRecordReader(text, d);
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

    [Theory]
    [InlineData("title;text;date\nx;y;z", ';')]
    [InlineData("title\ttext\nx\ty", '\t')]
    [InlineData("title,text\nx,y", ',')]
    public void Delimiter_is_detected_from_the_header(string text, char expected) =>
        Assert.Equal(expected, CsvRecordReader.DetectDelimiter(text));
}
