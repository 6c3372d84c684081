using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Where the source stands outside the usual subject: a definite description of the person just named, a
/// fronted "for X," phrase, a reflexive report ("si dice «sollevata»"), a fronted dative ("Dem Sender sagte sie"). A
/// definite noun for an unnamed person ("kvinnan", "mannen") names nobody.</summary>
public class SourceTests
{
    [Theory]
    [InlineData("Più deluso il francese Louis Mercier, secondo all'arrivo.", "Il corridore di Lione ha parlato di «una corsa folle».", "una corsa", "Louis Mercier")]
    [InlineData("Le match a été sauvé par son pilier Mathieu Lopez.", "« On y a cru », a souri le jeune avant de 20 ans.", "On y", null)]
    [InlineData("Le match a été sauvé par son ouvreur Mathieu Lopez.", "« On y a cru », a souri le jeune buteur de 20 ans.", "On y", "Mathieu Lopez")]
    [InlineData("Minister Karin Eek opende de brug.", "‘Het is een mooie dag’, zei de burgemeester.", "Het is", null)]
    public void A_definite_description_names_the_person_just_named_unless_they_hold_another_office(string intro, string quoted, string quote, string? speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, intro, quoted));

    [Theory]
    [InlineData("Per il presidente della Federazione ciclistica, Paolo Longhi, la squadra «ha tutto per vincere».", "Paolo Longhi")]
    [InlineData("Pour la présidente de l'association des riverains, Claire Morin, ce projet est « une erreur ».", "Claire Morin")]
    [InlineData("Para el portavoz de los vecinos, Andrés Vidal, la medida llega «demasiado tarde».", "Andrés Vidal")]
    [InlineData("For the head of the union, Sarah Collins, the offer is “an insult”.", "Sarah Collins")]
    [InlineData("Für die Vorsitzende des Vereins, Petra Lang, ist das „ein Skandal“.", "Petra Lang")]
    public void A_sentence_opened_by_for_and_a_person_gives_that_persons_view(string sentence, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Extract(sentence).Quotes).Speaker);

    [Fact]
    public void For_before_something_that_is_not_a_person_gives_nobody() =>
        Assert.Null(Assert.Single(Extract("Per la prima volta, la squadra ha giocato «senza paura».").Quotes).Speaker);

    [Theory]
    [InlineData("La presidente della regione, Giulia Ferri, si dice «soddisfatta» dell'accordo.", "Giulia Ferri")]
    [InlineData("El alcalde, Pedro Gil, se dice «satisfecho» con el acuerdo.", "Pedro Gil")]
    public void A_reflexive_report_with_a_subject_is_that_subject_speaking(string sentence, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Extract(sentence).Quotes).Speaker);

    [Fact]
    public void A_reflexive_report_without_a_subject_stays_impersonal() =>
        Assert.Null(Assert.Single(Extract("Si dice che il progetto sia «morto».").Quotes).Speaker);

    [Fact]
    public void A_fronted_dative_is_no_subject() =>
        Assert.Equal("Sabine Krüger", SpeakerOf("Wer früh",
            "Die Forscherin Sabine Krüger warnt vor Schlafmangel.", "Dem Sender sagte sie: „Wer früh aufstehen muss, hat einen Nachteil.“"));

    [Fact]
    public void A_definite_noun_for_an_unnamed_person_names_nobody() =>
        Assert.Null(SpeakerOf("Jag trodde",
            "Åklagaren Sara Lind är nöjd med domen.", "”Jag trodde på honom”, sa kvinnan enligt domen."));
}
