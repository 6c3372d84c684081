using Cql.Engine.Ingest;
using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>The whole text pipeline on one article: what later stages (quotes, tokens, kwic) build on.</summary>
public class DocumentAnalyzerTests
{
    [Fact]
    public void Every_seed_has_ordered_paragraphs_and_sentences_inside_them_covering_their_text()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
            AssertWellFormed(SeedText.Analyze(prefix));
    }

    [Fact]
    public void Seed_sentences_end_where_a_reader_ends_them()
    {
        var de = SeedText.Analyze("003");
        Assert.Equal("Anlässlich seines 69. Geburtstages versprach Xi laut dem chinesischen Außenministerium auch, die strategische Koordination zwischen den beiden Ländern zu vertiefen.",
            de.Sentences[0].Range.Slice(de.Text));
        var sv = SeedText.Analyze("001");
        Assert.Contains(sv.Sentences, s => s.Range.Slice(sv.Text) == "(Bild: kremlin.ru, CC BY 4.0 , via Wikimedia Commons)");
        var it = SeedText.Analyze("004");
        Assert.Contains(it.Sentences, s => s.Range.Slice(it.Text) ==
            "“La Cina è pronta a collaborare con la Russia per promuovere l’unità e la cooperazione tra i paesi dei mercati emergenti… e per spostare l’ordine internazionale e la governance globale in una direzione più equa ed equa”, ha affermato.");
    }

    [Fact]
    public void Metadata_title_and_date_win_and_the_repeated_title_paragraph_is_flagged()
    {
        var doc = DocumentAnalyzer.Analyze(new RawArticle("a.jsonl#1", "Møte i Oslo\n\nStatsministeren sier at møtet gikk bra.\n\nPublisert 2024-11-01",
            "utf-8", Title: "Møte i Oslo", Date: "2024-11-02"));
        Assert.Equal("Møte i Oslo", doc.Title);
        Assert.Equal("2024-11-02", doc.Date);
        Assert.Equal("title", doc.Paragraphs[0].BoilerplateKind);
        Assert.False(doc.Paragraphs[1].Boilerplate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t ")]
    [InlineData(".")]
    [InlineData("«»")]
    [InlineData("(…)")]
    [InlineData("Foto: NTB")]
    [InlineData("date 2022-06")]
    [InlineData("date 2022-06 Tekst.")]
    [InlineData("Publisert 2024")]
    public void Degenerate_articles_are_analysed_without_failing(string text) => AssertWellFormed(DocumentAnalyzer.Analyze("t", text));

    [Fact]
    public void Random_texts_give_well_formed_documents()
    {
        var rng = new Random(11);
        string[] pieces = ["Tittel", "ord", "Ord", " ", "\n", "\n\n", ". ", "? ", "«", "» ", "“", "”", "– ", "Foto: NTB", "date 2022-06 ", "Publisert 9. januar 2025",
            "Les også:", "Av Ola Nordmann", "z. B.", "69.", "U.S.", "(…)", "l’Ucraina", "\u00A0", "J."];
        for (int n = 0; n < 300; n++)
            AssertWellFormed(DocumentAnalyzer.Analyze("t", string.Concat(Enumerable.Range(0, rng.Next(0, 40)).Select(_ => pieces[rng.Next(pieces.Length)]))));
    }

    static void AssertWellFormed(AnalyzedDocument doc)
    {
        var text = doc.Text;
        int paragraphEnd = 0;
        for (int p = 0; p < doc.Paragraphs.Count; p++)
        {
            var r = doc.Paragraphs[p].Range;
            Assert.True(r.Start >= paragraphEnd && r.End > r.Start && r.End <= text.Length, $"paragraph {p} {r} in [{text}]");
            Assert.False(char.IsWhiteSpace(text[r.Start]) || char.IsWhiteSpace(text[r.End - 1]), $"paragraph {p} not trimmed in [{text}]");
            Assert.Equal(doc.Paragraphs[p].Boilerplate, doc.Paragraphs[p].BoilerplateKind is not null);
            paragraphEnd = r.End;
            var sentences = doc.Sentences.Where(s => s.ParagraphIndex == p).Select(s => s.Range).ToList();
            Assert.NotEmpty(sentences);
            int pos = r.Start;
            foreach (var s in sentences)
            {
                Assert.True(s.Start >= pos && s.End > s.Start && s.End <= r.End, $"sentence {s} outside paragraph {r} in [{text}]");
                Assert.True(string.IsNullOrWhiteSpace(text[pos..s.Start]), $"text skipped before sentence {s} in [{text}]");
                pos = s.End;
            }
            Assert.True(string.IsNullOrWhiteSpace(text[pos..r.End]), $"text skipped at the end of paragraph {r} in [{text}]");
        }
        // Sentences come in paragraph order.
        for (int s = 1; s < doc.Sentences.Count; s++)
            Assert.True(doc.Sentences[s].Range.Start >= doc.Sentences[s - 1].Range.End);
    }
}
