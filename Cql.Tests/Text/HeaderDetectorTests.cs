using Cql.Engine.Ingest;
using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>The title and date a reader would name for an article.</summary>
public class HeaderDetectorTests
{
    static DocumentHeader Header(string text) => HeaderDetector.Detect(text, ParagraphSplitter.Split(text));

    [Fact]
    public void Norwegian_seed_has_no_title_and_its_date_opens_the_first_body_paragraph()
    {
        var text = SeedText.Read("000");
        var h = Header(text);
        Assert.Null(h.Title);
        Assert.Equal("2022-06", h.Date);
        Assert.Equal(-1, h.DateParagraph);
        Assert.Equal("date 2022-06", h.BodyDateLine.Slice(text));
    }

    [Fact]
    public void Norwegian_seed_first_paragraph_stays_body_and_starts_after_the_date()
    {
        var doc = SeedText.Analyze("000");
        Assert.Equal("2022-06", doc.Date);
        Assert.False(doc.Paragraphs[0].Boilerplate);
        Assert.StartsWith("For andre gang siden Russlands invasjon", doc.Paragraphs[0].Range.Slice(doc.Text));
        Assert.Equal("For andre gang siden Russlands invasjon av Ukraina har lederne for Kina og Russland snakket sammen på telefon.",
            doc.Sentences[0].Range.Slice(doc.Text));
    }

    [Fact]
    public void Swedish_seed_title_is_the_headline_after_the_photo_caption()
    {
        var h = Header(SeedText.Read("001"));
        Assert.Equal("Xi Jinping stärker stödet för Putin i nytt telefonsamtal", h.Title);
        Assert.Equal(1, h.TitleParagraph);
        Assert.Null(h.Date);
    }

    [Fact]
    public void Seeds_with_a_headline_line_have_it_as_title()
    {
        Assert.Equal("Xi og Putin feirer tette bånd etter Trumps innsettelse", Header(SeedText.Read("002")).Title);
        Assert.Equal("In una telefonata di compleanno a Ji Putin, dice che la Cina sosterrà la Russia su questioni di sicurezza",
            Header(SeedText.Read("004")).Title);
    }

    [Fact]
    public void German_seed_opens_with_body_prose_and_has_no_title()
    {
        var h = Header(SeedText.Read("003"));
        Assert.Null(h.Title);
        Assert.Equal(-1, h.TitleParagraph);
        Assert.Null(h.Date);
    }

    [Theory]
    [InlineData("Putin ringte Xi\n\nPublisert 2025-01-09 kl. 14:32\n\nStatsministeren sier at samarbeidet er godt.", "2025-01-09")]
    [InlineData("Xi ringde Putin\n\nPublicerad 9 januari 2025\n\nStatsministern säger att samarbetet är gott.", "2025-01-09")]
    [InlineData("Xi ringede til Putin\n\nDato: 2024-11-02\n\nStatsministeren siger, at samarbejdet er godt.", "2024-11-02")]
    [InlineData("Xi telefoniert mit Putin\n\nVeröffentlicht am 12.03.2024\n\nDer Kanzler sagt, die Zusammenarbeit sei gut.", "2024-03-12")]
    [InlineData("Xi appelle Poutine\n\nPublié le 3 mars 2024\n\nLe ministre dit que la coopération est bonne.", "2024-03-03")]
    [InlineData("Xi chiama Putin\n\nPubblicato il 15 giugno 2022\n\nIl ministro dice che la cooperazione è buona.", "2022-06-15")]
    [InlineData("Xi calls Putin\n\nPublished March 3, 2024\n\nThe minister says cooperation is good.", "2024-03-03")]
    [InlineData("Xi llama a Putin\n\nPublicado el 15 de junio de 2024\n\nEl ministro dice que la cooperación es buena.", "2024-06-15")]
    [InlineData("Xi belt Poetin\n\nGepubliceerd op 3 maart 2024\n\nDe minister zegt dat de samenwerking goed is.", "2024-03-03")]
    [InlineData("Xi liga a Putin\n\nPublicado em 5 de março de 2023\n\nO ministro diz que a cooperação é boa.", "2023-03-05")]
    [InlineData("Putin ringte Xi\n\n9. januar 2025\n\nStatsministeren sier at samarbeidet er godt.", "2025-01-09")]
    [InlineData("Putin ringte Xi\n\nTorsdag 9. januar 2025 kl. 14.32\n\nStatsministeren sier at samarbeidet er godt.", "2025-01-09")]
    [InlineData("Putin ringte Xi\n\nOslo, 9. januar 2025\n\nStatsministeren sier at samarbeidet er godt.", "2025-01-09")]
    public void A_date_line_under_the_title_gives_the_date_and_is_its_own_paragraph(string text, string date)
    {
        var h = Header(text);
        Assert.Equal(date, h.Date);
        Assert.Equal(1, h.DateParagraph);
        Assert.Equal(0, h.TitleParagraph);
    }

    [Theory]
    [InlineData("Tittel\n\nPublisert juni 2022\n\nTekst her.", "2022-06")]
    [InlineData("Tittel\n\nDato: 2022\n\nTekst her.", "2022")]
    [InlineData("Tittel\n\nPublisert 2022-06\n\nTekst her.", "2022-06")]
    [InlineData("# Tittel\n\n*Publisert 9. januar 2025*\n\nTekst her.", "2025-01-09")]
    public void Partial_dates_keep_their_precision(string text, string date) => Assert.Equal(date, Header(text).Date);

    [Fact]
    public void The_publication_date_wins_over_the_update()
    {
        Assert.Equal("2025-01-09", Header("Tittel\n\nOppdatert 10.01.2025 kl. 08.00 | Publisert 09.01.2025 kl. 14.32\n\nTekst her.").Date);
        Assert.Equal("2025-01-10", Header("Tittel\n\nOppdatert 10.01.2025\n\nTekst her.").Date);
    }

    [Fact]
    public void A_date_in_the_byline_or_at_the_foot_is_found()
    {
        Assert.Equal("2025-01-09", Header("Tittel\n\nAv Ola Nordmann, 9. januar 2025\n\nStatsministeren sier at samarbeidet er godt.").Date);
        var foot = Header("Tittel\n\nStatsministeren sier at samarbeidet er godt.\n\nHun er fornøyd.\n\nPublisert 2024-11-02");
        Assert.Equal("2024-11-02", foot.Date);
        Assert.Equal(3, foot.DateParagraph);
    }

    [Theory]
    [InlineData("Tittel\n\n2022 var et år med krig i Europa.\n\nMer tekst.")]
    [InlineData("Tittel\n\nPublisert i 2020 ble boken en suksess.\n\nMer tekst.")]
    [InlineData("Tittel\n\nI juni 2019 var de to statslederne sammen igjen.\n\nMer tekst.")]
    public void Years_and_months_in_body_prose_are_not_the_date(string text) => Assert.Null(Header(text).Date);

    [Fact]
    public void A_labelled_date_opening_a_body_paragraph_is_taken_and_the_paragraph_stays_body()
    {
        var text = "Publisert 2024-11-02 Statsministeren sier at samarbeidet er godt. Hun er fornøyd.\n\nMer tekst.";
        var h = Header(text);
        Assert.Equal("2024-11-02", h.Date);
        Assert.Equal(-1, h.DateParagraph);
        var doc = DocumentAnalyzer.Analyze("t", text);
        Assert.Equal("Statsministeren sier at samarbeidet er godt. Hun er fornøyd.", doc.Paragraphs[0].Range.Slice(text));
        Assert.False(doc.Paragraphs[0].Boilerplate);
    }

    [Theory]
    [InlineData("Putin ringte Xi på bursdagen\n\nTekst.", "Putin ringte Xi på bursdagen")]
    [InlineData("Vil Kina støtte Russland?\n\nTekst.", "Vil Kina støtte Russland?")]
    [InlineData("– Vi står sammen, sier Xi\n\nTekst.", "– Vi står sammen, sier Xi")]
    [InlineData("«Vi står sammen», sier Xi\n\nTekst.", "«Vi står sammen», sier Xi")]
    [InlineData("# Xi und Putin  telefonieren\n\nText.", "Xi und Putin telefonieren")]
    [InlineData("Putin vs. Xi: Hvem vinner?\n\nTekst.", "Putin vs. Xi: Hvem vinner?")]
    public void A_short_first_line_that_does_not_end_like_a_sentence_is_the_title(string text, string title) =>
        Assert.Equal(title, Header(text).Title);

    [Theory]
    [InlineData("Putin ringte Xi på bursdagen.\n\nTekst.")]                                   // a sentence
    [InlineData("Putin ringte Xi. Han gratulerte\n\nTekst.")]                                 // two sentences
    [InlineData("Dette sa Xi:\n\nTekst.")]                                                    // introduces what follows
    [InlineData("etter samtalen med Putin\n\nTekst.")]                                       // a fragment
    [InlineData("Putin ringte Xi på bursdagen")]                                             // nothing after it
    public void Lines_that_are_not_headlines_are_not_titles(string text) => Assert.Null(Header(text).Title);

    [Fact]
    public void A_subheading_after_the_first_body_paragraph_is_not_the_title()
    {
        var h = Header("Kina og Russland har hatt et nært forhold i mange år, og det fortsetter.\n\nMøttes i Beijing\n\nPutin besøkte Xi i Beijing.");
        Assert.Null(h.Title);
    }

    [Fact]
    public void Banners_bylines_and_captions_before_the_title_are_passed_over()
    {
        var h = Header("Annonse\n\nFoto: NTB\n\nAv Ola Nordmann\n\nPutin ringte Xi på bursdagen\n\nStatsministeren sier at samarbeidet er godt.");
        Assert.Equal("Putin ringte Xi på bursdagen", h.Title);
        Assert.Equal(3, h.TitleParagraph);
    }

    [Fact]
    public void A_section_label_above_the_headline_is_not_the_title()
    {
        var text = "NYHETER\n\nPutin ringte Xi på bursdagen\n\nStatsministeren sier at samarbeidet er godt.";
        var h = Header(text);
        Assert.Equal("Putin ringte Xi på bursdagen", h.Title);
        Assert.Equal(1, h.TitleParagraph);
        var flags = BoilerplateDetector.Classify(text, ParagraphSplitter.Split(text), h);
        Assert.Equal("banner", flags[0].Kind);
    }

    [Fact]
    public void A_short_title_followed_by_prose_stays_the_title() =>
        Assert.Equal("Brexit", Header("Brexit\n\nStorbritannia forlot EU i 2020 etter 47 års medlemskap.").Title);

    [Fact]
    public void A_title_from_metadata_wins_and_its_repeat_in_the_text_is_the_title_paragraph()
    {
        var text = "Annonse\n\nMøte i Oslo\n\nStatsministeren sier at samarbeidet er godt.";
        var h = HeaderDetector.Detect(text, ParagraphSplitter.Split(text), "Møte i Oslo");
        Assert.Equal("Møte i Oslo", h.Title);
        Assert.Equal(1, h.TitleParagraph);
        var other = HeaderDetector.Detect(text, ParagraphSplitter.Split(text), "Et helt annet navn");
        Assert.Equal("Et helt annet navn", other.Title);
        Assert.Equal(-1, other.TitleParagraph);
    }
}
