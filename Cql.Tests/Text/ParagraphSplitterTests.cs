using Cql.Engine.Text;
using Cql.Tests.Support;

namespace Cql.Tests.Text;

/// <summary>Paragraphs as a reader sees them, whatever line-break habits the export had.</summary>
public class ParagraphSplitterTests
{
    static string[] Paragraphs(string text) => ParagraphSplitter.Split(text).Select(r => r.Slice(text)).ToArray();

    static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single());

    [Fact]
    public void Blank_lines_separate_paragraphs_and_ranges_exclude_surrounding_space()
    {
        var text = "  Tittel på saken  \n\n\n Første avsnitt her.\n \t\nAndre avsnitt.\n";
        Assert.Equal(["Tittel på saken", "Første avsnitt her.", "Andre avsnitt."], Paragraphs(text));
    }

    [Fact]
    public void A_text_without_blank_lines_has_a_paragraph_a_line()
    {
        var p = Paragraphs(Seed("003"));
        Assert.Equal(23, p.Length);
        Assert.StartsWith("Anlässlich seines 69. Geburtstages", p[0]);
        Assert.Equal("Geschäftsbeziehungen", p[8]);
        Assert.Equal("Geburtstags Grüße", p[14]);
        Assert.Equal("More Stories", p[19]);
        Assert.Equal("Einer Quelle zufolge laufen Ermittlungen gegen zwei weitere Besatzungsmitglieder auf Lynchs Yacht", p[22]);
    }

    [Fact]
    public void The_norwegian_seed_has_its_eighteen_paragraphs()
    {
        var p = Paragraphs(Seed("000"));
        Assert.Equal(18, p.Length);
        Assert.StartsWith("date 2022-06 For andre gang", p[0]);
        Assert.Equal("Møttes i Beijing", p[6]);
        Assert.StartsWith("– Land som tar parti", p[12]);
        Assert.EndsWith("Xi har kalt Putin for sin bestevenn.", p[17]);
    }

    [Fact]
    public void A_heading_directly_above_its_text_is_a_paragraph_of_its_own()
    {
        var text = "Tittel\n\nMøttes i Beijing\nPutin besøkte Xi i Beijing i vinter.\n\nUSA følger med\n– Kina hevder å være nøytralt, sier en talsperson.";
        Assert.Equal(["Tittel", "Møttes i Beijing", "Putin besøkte Xi i Beijing i vinter.", "USA følger med",
            "– Kina hevder å være nøytralt, sier en talsperson."], Paragraphs(text));
    }

    [Fact]
    public void Each_line_of_dialogue_is_a_paragraph()
    {
        var text = "– Kommer du?\n– Ja, sier hun.\n– Når?";
        Assert.Equal(["– Kommer du?", "– Ja, sier hun.", "– Når?"], Paragraphs(text));
    }

    [Fact]
    public void A_line_that_breaks_mid_sentence_before_a_lower_case_word_continues_the_paragraph()
    {
        var text = "Kina vil fortsette å støtte Russland i saker som handler om\nkjerneinteresser, skal Xi ha sagt.\nPutin takket.";
        Assert.Equal(["Kina vil fortsette å støtte Russland i saker som handler om\nkjerneinteresser, skal Xi ha sagt.", "Putin takket."],
            Paragraphs(text));
    }

    [Fact]
    public void Hard_wrapped_text_is_joined_back_into_paragraphs()
    {
        // Wrapped at 60 columns (Python's textwrap), one paragraph a block, no blank lines.
        var text = """
            Die Zusammenfassung des Kreml ging noch einen Schritt weiter
            und sagte, der chinesische Präsident verwies auf die
            Legitimität der Maßnahmen Russlands zum Schutz der
            nationalen Kerninteressen.
            Geschäftsbeziehungen
            Der Anruf am Mittwoch war auch eine Gelegenheit für Putin
            und Xi, ihre wachsende Geschäftsbeziehung zu überprüfen,
            sagte ein Sprecher.
            Beide Seiten vereinbarten, die Zusammenarbeit in den
            Bereichen Energie, Finanzen und Fertigung auszubauen.
            """;
        var p = Paragraphs(text);
        Assert.Equal(4, p.Length);
        Assert.StartsWith("Die Zusammenfassung", p[0]);
        Assert.EndsWith("Kerninteressen.", p[0]);
        Assert.Equal("Geschäftsbeziehungen", p[1]);
        Assert.EndsWith("sagte ein Sprecher.", p[2]);
        Assert.StartsWith("Beide Seiten", p[3]);
    }

    [Fact]
    public void Lines_of_spaces_tabs_or_zero_width_spaces_are_blank()
    {
        Assert.Equal(["A.", "B."], Paragraphs("A.\n \u00A0\t\u200B\nB."));
    }

    [Fact]
    public void Empty_and_blank_texts_have_no_paragraphs()
    {
        Assert.Empty(Paragraphs(""));
        Assert.Empty(Paragraphs(" \n\n\t\n"));
    }

    [Fact]
    public void Paragraphs_of_every_seed_cover_all_non_blank_text_once_in_order()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
            AssertCoversText(TextDecoder.Decode(File.ReadAllBytes(file)).Text);
    }

    [Fact]
    public void Paragraphs_of_random_texts_cover_all_non_blank_text_once_in_order()
    {
        var rng = new Random(42);
        string[] pieces = ["Ord", "ord", " ", " ", "\n", "\n\n", ".", "–", "  \n", "\t", "«", "»", "Kina-Russland", "\u200B", ","];
        for (int n = 0; n < 500; n++)
            AssertCoversText(string.Concat(Enumerable.Range(0, rng.Next(0, 40)).Select(_ => pieces[rng.Next(pieces.Length)])));
    }

    internal static void AssertCoversText(string text)
    {
        var ranges = ParagraphSplitter.Split(text);
        int pos = 0;
        foreach (var r in ranges)
        {
            Assert.True(r.Start >= pos && r.End > r.Start, $"range {r} after {pos} in {text}");
            Assert.True(string.IsNullOrWhiteSpace(text[pos..r.Start].Replace("\u200B", "")), $"text skipped before {r}");
            Assert.False(char.IsWhiteSpace(text[r.Start]) || char.IsWhiteSpace(text[r.End - 1]), $"range {r} not trimmed");
            pos = r.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[pos..].Replace("\u200B", "")), "text skipped at the end");
    }
}
