using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>An organisation's name keeps its small words ("Agencia Estatal de Meteorología"), a place in the genitive
/// before an institution names it ("Göteborgs tingsrätt"), and a later definite noun for it ("la agencia", "rätten",
/// "kommunen") speaks for it, whether the head noun ends the name or opens it.</summary>
public class OrganisationTests
{
    [Theory]
    [InlineData("El Consejo General de la Abogacía Española publicó un informe.", "El consejo pide «prudencia» a los abogados.", "prudencia", "Consejo General de la Abogacía Española")]
    [InlineData("L'Agenzia delle Entrate ha diffuso i dati.", "L'agenzia parla di «risultato storico».", "risultato", "Agenzia delle Entrate")]
    [InlineData("Stockholms tingsrätt meddelade domen på fredagen.", "”Straffet är rimligt”, skriver rätten i domen.", "Straffet", "Stockholms tingsrätt")]
    [InlineData("Bergens kommune la fram planen i går.", "«Vi bygger nye skoler», skriver kommunen.", "Vi bygger", "Bergens kommune")]
    public void A_definite_noun_speaks_for_the_organisation_named_before(string intro, string quoted, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, intro, quoted));

    [Theory]
    // A company named in full and then by the first words of its name is one speaker, not two.
    [InlineData("Brightwave Technologies said in a statement that it had hired investigators.", "Brightwave said on Monday that no card numbers had been exposed.", "no card numbers", "Brightwave Technologies")]
    public void A_short_form_of_an_organisations_name_is_the_organisation(string intro, string reported, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, intro, reported));

    [Theory]
    // A document with the definite article is the organisation's that the paragraph named; a month abbreviated before its
    // day ("Aug. 27") is a date, never that organisation.
    [InlineData("Brightwave Technologies disclosed the breach in a blog post on Aug. 27. The breach exposed 40,000 accounts, the post said.", "The breach exposed", "Brightwave Technologies")]
    public void A_definite_document_speaks_for_the_organisation_named_before_it(string paragraph, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, paragraph));
}
