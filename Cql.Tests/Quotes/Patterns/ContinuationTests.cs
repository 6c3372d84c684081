using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>A quotation with no verb of its own continues whoever spoke or acted in the sentence right before it, and a
/// paragraph that ends in a colon introduces the quotation paragraph after it. An organisation that merely acted
/// lends no voice.</summary>
public class ContinuationTests
{
    [Theory]
    [InlineData("Mayor Ann Cole said the council had cut costs. “We had no choice.”", "We had", "Ann Cole")]
    [InlineData("Die Forscherin Eva Roth warnte vor der Hitze. „Die Lage ist ernst.“", "Die Lage", "Eva Roth")]
    [InlineData("Polischefen Lars Ek bekräftade gripandet. ”Vi har en misstänkt i förvar.”", "Vi har", "Lars Ek")]
    [InlineData("Jan Mulder kon leven met de nederlaag. ‘We komen volgend jaar terug.’", "We komen", "Jan Mulder")]
    [InlineData("Il sindaco Marco Neri ha annunciato i lavori. «Ripartiremo entro l'estate.»", "Ripartiremo", "Marco Neri")]
    public void A_quote_that_opens_its_sentence_continues_the_sentence_before(string paragraph, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, paragraph));

    [Fact]
    public void An_organisation_that_acted_lends_no_voice() =>
        Assert.Null(SpeakerOf("It is", "The council closed the park on Monday. “It is a disgrace.”"));

    [Theory]
    [InlineData("Brenda Cole, who chairs the board, added:", "“We will not give up without a fight.”", "Brenda Cole")]
    [InlineData("Over de toekomst wilde Sanne Bos zich nog niet uitlaten:", "‘Eerst de zomer. Daarna zien we verder.’", "Sanne Bos")]
    [InlineData("Il sindaco Marco Neri ha concluso la conferenza:", "«Ripartiremo entro l'estate, costi quel che costi.»", "Marco Neri")]
    public void A_paragraph_ending_in_a_colon_introduces_the_quote_paragraph_after_it(string intro, string quoted, string speaker)
    {
        var q = Assert.Single(Extract(intro, quoted).Quotes);
        Assert.Equal((speaker, "full"), (q.Speaker, q.Kind));
    }

    [Theory]
    [InlineData("– Vi må stenge skolen\n\nKommunen vedtok planen torsdag.\n\n– Vi må stenge skolen, det er ingen vei utenom, sier rektor Kari Holm.", "Kari Holm")]
    [InlineData("“We will not back down”\n\nThe strike enters its third week.\n\n“We will not back down, whatever it costs,” said union leader Tom Reed.", "Tom Reed")]
    public void A_headline_quote_takes_the_speaker_the_body_gives_the_same_words(string article, string speaker) =>
        Assert.All(ExtractArticle(article).Quotes, q => Assert.Equal(speaker, q.Speaker));

    [Fact]
    public void A_deck_under_the_headline_takes_the_speaker_the_body_gives_the_same_words()
    {
        // Headlinese names the speaker by a bare noun ("Company says"); the deck ends no sentence, the byline neither.
        var e = ExtractArticle("Regulator opens inquiry into app maker\n\nCompany says it “deeply regrets the outage at its data centre”\n\n"
            + "Brantwood Systems shut its servers on Monday. The company said it “deeply regrets the outage at its data centre” and would pay refunds.");
        Assert.All(e.Quotes.Where(q => q.Text.Contains("deeply regrets", StringComparison.Ordinal)), q => Assert.Equal("Brantwood Systems", q.Speaker));
    }
}
