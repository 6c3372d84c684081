using Cql.Engine.Text;
using System.Text;

namespace Cql.Tests.Text;

/// <summary>Input files arrive in whatever encoding their producer used; ingest must read the words right.</summary>
public class TextDecoderTests
{
    static byte[] Bytes(params int[] b) => b.Select(x => (byte)x).ToArray();

    [Fact]
    public void Utf8_without_bom_is_read_as_utf8()
    {
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes("Støtte fra Kreml – «varm og hjertelig»"));
        Assert.Equal("Støtte fra Kreml – «varm og hjertelig»", d.Text);
        Assert.Equal("utf-8", d.Encoding);
        Assert.False(d.IsBinary);
    }

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        var d = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Ærlig talt")]);
        Assert.Equal("Ærlig talt", d.Text);
        Assert.Equal("utf-8-bom", d.Encoding);
    }

    [Fact]
    public void Latin1_bytes_fall_back_to_windows_1252()
    {
        // "Ærlig på Bäckström – «ok»" in Windows-1252, with the 0x80–0x9F block (en dash 0x96) in use.
        var bytes = Bytes(0xC6, 'r', 'l', 'i', 'g', ' ', 'p', 0xE5, ' ', 'B', 0xE4, 'c', 'k', 's', 't', 'r', 0xF6, 'm', ' ', 0x96, ' ', 0xAB, 'o', 'k', 0xBB);
        var d = TextDecoder.Decode(bytes);
        Assert.Equal("Ærlig på Bäckström – «ok»", d.Text);
        Assert.Equal("windows-1252", d.Encoding);
    }

    [Fact]
    public void Utf8_with_one_damaged_byte_stays_utf8()
    {
        // A cut-off last character must not turn every ø and å of the article into mojibake.
        var good = Encoding.UTF8.GetBytes("Kina vil støtte Russland i saker som handler om kjerneinteresser, sa Xi på telefon til Putin. Ø");
        var d = TextDecoder.Decode(good[..^1]);
        Assert.StartsWith("Kina vil støtte Russland", d.Text);
        Assert.Contains("på telefon", d.Text);
        Assert.Equal("utf-8", d.Encoding);
        Assert.EndsWith("\uFFFD", d.Text);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Utf16_with_bom_is_read(string name)
    {
        var enc = name == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var d = TextDecoder.Decode([.. enc.GetPreamble(), .. enc.GetBytes("Xi og Putin\r\n\r\nГоворит Москва.")]);
        Assert.Equal("Xi og Putin\n\nГоворит Москва.", d.Text);
        Assert.Equal(name, d.Encoding);
        Assert.False(d.IsBinary);
    }

    [Fact]
    public void Utf16_without_bom_is_recognised_rather_than_called_binary()
    {
        var d = TextDecoder.Decode(Encoding.Unicode.GetBytes("Xi Jinping stärker stödet för Putin i nytt telefonsamtal."));
        Assert.False(d.IsBinary);
        Assert.Equal("Xi Jinping stärker stödet för Putin i nytt telefonsamtal.", d.Text);
        Assert.Equal("utf-16le", d.Encoding);
    }

    [Fact]
    public void Utf32_with_bom_is_read()
    {
        var enc = new UTF32Encoding(bigEndian: false, byteOrderMark: true);
        var d = TextDecoder.Decode([.. enc.GetPreamble(), .. enc.GetBytes("Grüße aus Köln")]);
        Assert.Equal("Grüße aus Köln", d.Text);
        Assert.Equal("utf-32le", d.Encoding);
    }

    [Fact]
    public void Crlf_and_lone_cr_become_lf()
    {
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes("Tittel\r\n\r\nFørste linje.\rAndre linje.\r\n"));
        Assert.Equal("Tittel\n\nFørste linje.\nAndre linje.\n", d.Text);
    }

    [Fact]
    public void Bom_inside_the_text_is_removed()
    {
        // Two files concatenated: the second one's BOM lands mid-text, where it would glue itself to a word.
        var bytes = Encoding.UTF8.GetBytes("Første del.\n\uFEFFAndre del.");
        Assert.Equal("Første del.\nAndre del.", TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Nul_bytes_make_a_file_binary()
    {
        var d = TextDecoder.Decode(Bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x01, 0x2C));
        Assert.True(d.IsBinary);
        Assert.Equal("NUL bytes", d.BinaryReason);
        Assert.Equal("", d.Text);
    }

    [Fact]
    public void Mostly_control_bytes_make_a_file_binary()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 : 'a')).ToArray();
        Assert.True(TextDecoder.Decode(bytes).IsBinary);
    }

    [Fact]
    public void An_empty_file_is_empty_text_not_binary()
    {
        var d = TextDecoder.Decode([]);
        Assert.False(d.IsBinary);
        Assert.Equal("", d.Text);
    }

    [Fact]
    public void Decomposed_letters_are_composed_to_nfc()
    {
        // macOS and some scrapers write "å" as a + combining ring; words must compare equal to the composed form.
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes("Ba\u030Ark Ko\u0308ln Sa\u0300o Tome\u0301 A\u030A"));
        Assert.Equal("Bårk Köln Sào Tomé Å", d.Text);
    }

    [Theory]
    [InlineData("e\u0301", "é")]
    [InlineData("\u212B", "Å")]                       // ANGSTROM SIGN is a singleton: NFC turns it into Å
    [InlineData("a\u0323\u0302", "ậ")]                // marks out of canonical order compose regardless
    [InlineData("a\u0302\u0323", "ậ")]
    [InlineData("\u1100\u1161\u11A8", "각")]          // Hangul jamo compose algorithmically
    [InlineData("A\u030A\u0301", "Ǻ")]                // two-step composition
    [InlineData("q\u0307\u0323", "q\u0323\u0307")]    // nothing to compose: marks are only reordered
    [InlineData("Plain ASCII and Æøå", "Plain ASCII and Æøå")]
    public void Normalize_gives_nfc(string input, string expected) =>
        Assert.Equal(expected, TextDecoder.Normalize(input));

    [Fact]
    public void Normalize_cleans_what_would_break_words_and_lines()
    {
        Assert.Equal("Ukraina", TextDecoder.Normalize("Ukra\u00ADina"));
        Assert.Equal("a\nb\n\nc", TextDecoder.Normalize("a\u2028b\u2029c"));
        Assert.Equal("ab", TextDecoder.Normalize("a\0b"));
        Assert.Equal("a\uFFFDb", TextDecoder.Normalize("a\uD800b"));
        Assert.Equal("😀 ok", TextDecoder.Normalize("😀 ok"));
    }

    [Fact]
    public void Normalize_returns_the_same_instance_when_nothing_changes()
    {
        var s = "Xi og Putin feirer tette bånd etter Trumps innsettelse";
        Assert.Same(s, TextDecoder.Normalize(s));
    }
}
