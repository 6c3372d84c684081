using Cql.Engine.Text;
using System.Text;

namespace Cql.Tests.Text;

/// <summary>NFC normalises only the stretches around characters that may change; it must give exactly what
/// normalising the whole text at once gives.</summary>
public class NfcTests
{
    // Plain and precomposed letters, combining marks of several classes, Hangul jamo and syllables, Tamil and
    // Devanagari signs that compose or are excluded from composition, singletons, astral characters (one that
    // decomposes), lone surrogates, line breaks.
    static readonly string[] Pieces =
    [
        "a", "e", "o", "u", " ", "\n", "é", "ü", "Å", "ø", "A", "E",
        "\u0300", "\u0301", "\u0308", "\u0323", "\u0327", "\u031B", "\u0345",
        "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01",
        "\u0B95", "\u0BC6", "\u0BBE", "\u0BCA", "\u0BCD", "\u0BD7",
        "\u0915", "\u093C", "\u0958",
        "\u212B", "\u2126", "\uF900",
        "\U0001D15E", "\U0001D165", "\U0001F600",
        "\uD800", "\uDC00",
    ];

    [Fact]
    public void Stretch_by_stretch_equals_whole_text()
    {
        var rng = new Random(7);
        var sb = new StringBuilder();
        for (int n = 0; n < 20_000; n++)
        {
            sb.Clear();
            int len = rng.Next(1, 24);
            for (int i = 0; i < len; i++) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            var s = sb.ToString();
            Assert.Equal(Nfc.NormalizeWhole(s), Nfc.Normalize(s));
        }
    }

    [Theory]
    [InlineData("Joe a marzo. பிடன்.", "Joe a marzo. பிடன்.")]
    [InlineData("Cafe\u0301 og A\u030A", "Café og Å")]
    [InlineData("\u212B", "Å")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    public void Known_forms(string input, string nfc) => Assert.Equal(nfc, Nfc.Normalize(input));

    [Fact]
    public void Normalised_text_is_returned_as_is()
    {
        var s = "Ifølge Kreml «varm og hjertelig» – பிடன்";
        Assert.Same(s, Nfc.Normalize(s));
    }
}
