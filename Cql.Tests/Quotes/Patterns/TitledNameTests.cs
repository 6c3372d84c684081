using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Offices, words of address and descriptions before a name do not break it: a short office ("il ds"), an
/// office whose complement runs long before ", Name,", "Dr."/"Prof. Dr." inside a title, two offices joined by "and",
/// an office phrase ("la prima cittadina"), an age ("den 19 år gamle"). A listener between a trailing verb and the
/// speaker ("explicó a este periódico el portavoz …") is skipped, and a capitalised name particle ("aldus Van Dijk")
/// is no preposition.</summary>
public class TitledNameTests
{
    [Theory]
    [InlineData("«Siamo pronti», spiega il ds della Lampre Giorgio Bassi.", "Giorgio Bassi")]
    [InlineData("«No hay dinero», afirmó el secretario general de la Federación de Asociaciones de Vecinos de Madrid, Jorge Martín Ruiz.", "Jorge Martín Ruiz")]
    [InlineData("„Das ist neu“, sagt Projektleiterin Dr. Sabine Krüger.", "Sabine Krüger")]
    [InlineData("„Das überrascht“, erklärte der Verkehrsplaner Prof. Dr. Klaus Wendel.", "Klaus Wendel")]
    [InlineData("“It is rare,” said Dr Helen Marsh, a historian at the museum.", "Helen Marsh")]
    [InlineData("Le président et fondateur Marc Lefèvre a réagi : « C'est injuste. »", "Marc Lefèvre")]
    [InlineData("The chairman and founder Tom Reed said: “We will grow.”", "Tom Reed")]
    [InlineData("«Es grave», explicó a este periódico el portavoz de Renfe en Cataluña, Luis Gómez.", "Luis Gómez")]
    [InlineData("«È finita», ha detto all'ANSA il sindaco Mario Rossi.", "Mario Rossi")]
    [InlineData("– Vi er klare, sier sjetteklassingen Ida Nilsen.", "Ida Nilsen")]
    // A committee's name before a lowercase office is its holder's affiliation, not the speaker ("Finance Committee").
    [InlineData("Senate Finance Committee chairman Mark Delaney said the tax was “long overdue.”", "Mark Delaney")]
    [InlineData("House Budget Committee chairwoman Ana Ruiz said the cuts “would hurt families.”", "Ana Ruiz")]
    public void The_name_after_a_title_is_the_speaker(string sentence, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Extract(sentence).Quotes).Speaker);

    [Theory]
    [InlineData("writing")]
    [InlineData("claiming")]
    public void A_participle_cue_after_an_object_reports_its_own_clause(string participle)
    {
        var q = Quote(Extract("The court ruled on Friday.",
            $"Senate Commerce Committee chairman Mark Delaney praised the ruling on social media, {participle} that unelected officials should never be judge and jury."), "unelected");
        Assert.Equal(("unelected officials should never be judge and jury", "Mark Delaney", participle), (q.Text, q.Speaker, q.Cue));
    }

    [Fact]
    public void A_capitalised_name_particle_is_part_of_the_surname() =>
        Assert.Equal("Anna van Dijk", SpeakerOf("We stoppen",
            "Wethouder Anna van Dijk presenteerde het plan.", "“We stoppen hiermee”, aldus Van Dijk."));

    [Theory]
    [InlineData("Kampen endte 1–1, og den unge keeperen Even Sæbø ble helt.", "– Jeg gikk på følelsen, forteller den 19 år gamle keeperen.", "Jeg gikk", "Even Sæbø")]
    [InlineData("La sindaca di Lucca, Anna Ferri, ha parlato in consiglio.", "«Andremo avanti», ha aggiunto la prima cittadina.", "Andremo", "Anna Ferri")]
    [InlineData("El jefe de Cardiología, el doctor Pablo Sanz, atendió a la prensa.", "«Hay que beber agua», insistió el médico.", "Hay que", "Pablo Sanz")]
    public void A_later_office_finds_the_person_introduced_with_a_synonym(string intro, string quoted, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, intro, quoted));
}
