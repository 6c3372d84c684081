using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Speakers resolved as a reader resolves them (issue 12): names with middle initials, organisations called
/// by a common noun ("the company", "selskabet", "la empresa") after the article named them, descriptions of the
/// person just quoted, datelines with a date and an agency.</summary>
public class SpeakerResolutionTests
{
    [Fact]
    public void A_middle_initial_is_part_of_the_name()
    {
        var q = Quote(Extract("The bill passed on Friday.", "“We need more oversight,” said Ronald R. Fieldstone, a lawyer in Miami."), "We need");
        Assert.Equal("Ronald R. Fieldstone", q.Speaker);
        var rep = Quote(Extract("The bill passed on Friday.", "“He would be a fine senator,” said Rep. Elijah E. Cummings (D-Md.)."), "He would be");
        Assert.Equal("Elijah E. Cummings", rep.Speaker);
        Assert.Equal("Rep.", rep.SpeakerRole);
    }

    [Fact]
    public void A_relative_pronoun_after_a_comma_speaks_for_the_phrase_before_it()
    {
        var en = Extract("The coins were found in a field near the river.",
            "The find was made in October by retired postman Walter Brisk, 66, who said he “almost fell over” when he saw the first coin.");
        Assert.Equal("Walter Brisk", Quote(en, "he “almost fell over”").Speaker);
        var sv = Extract("Kommunen sparar på skolorna.", "Beslutet kritiseras av rektorn Eva Lindqvist, som sade att eleverna får betala priset.");
        Assert.Equal("Eva Lindqvist", Quote(sv, "eleverna").Speaker);
    }

    [Fact]
    public void The_company_is_the_organisation_the_article_is_about_not_the_last_one_named()
    {
        var e = Extract("Kestrel Foods cut its forecast on Tuesday, saying cocoa prices would weigh on margins.",
            "Analysts polled by LSEG had expected a smaller cut.",
            "“The quarter was difficult,” the company said in a statement.");
        Assert.Equal("Kestrel Foods", Quote(e, "The quarter").Speaker);
        Assert.Equal("the company", Quote(e, "The quarter").SpeakerText);
    }

    [Fact]
    public void A_noun_for_an_organisation_in_other_languages_stands_for_it()
    {
        var es = Extract("La conservera Atlántida cerrará su planta de Vigo en marzo.",
            "La consejera Marta Figueroa pidió una reunión urgente con el Ministerio de Industria.",
            "Según la empresa, el cierre afectará a 230 trabajadores.");
        Assert.Equal("Atlántida", Quote(es, "el cierre").Speaker);
        var da = Extract("Vindmølleproducenten Nordlys Energi skærer 300 stillinger væk i Esbjerg.",
            "Borgmester Jesper Frost Rasmussen kalder beslutningen et hårdt slag for byen.",
            "Fyringerne skyldes faldende ordrer, oplyser selskabet.");
        Assert.Equal("Nordlys Energi", Quote(da, "Fyringerne").Speaker);
    }

    [Fact]
    public void A_description_followed_by_its_auxiliary_is_the_person_just_quoted()
    {
        var e = Extract("Il Torino perde 3-1 contro l'Atalanta. «Abbiamo sbagliato l'approccio», ha detto l'allenatore del Torino, Marco Rinaldi.",
            "Il tecnico ha spiegato che la squadra ha pagato la stanchezza dopo la trasferta.");
        var q = Quote(e, "la squadra");
        Assert.Equal("Marco Rinaldi", q.Speaker);
        Assert.Equal("Il tecnico", q.SpeakerText);
    }

    [Fact]
    public void A_dateline_with_a_date_and_an_agency_names_nobody()
    {
        var e = Extract("CHICAGO, Nov 3 (Reuters) - Shares of Kestrel Foods fell sharply on Tuesday.",
            "“The fourth quarter will be difficult,” the company said.");
        Assert.Equal("Kestrel Foods", Quote(e, "The fourth").Speaker);
    }

    [Fact]
    public void An_unnamed_spokesperson_speaks_for_the_organisation_of_the_article()
    {
        var e = Extract("Der SC Freiburg hat einen Bericht über einen Trainerwechsel zurückgewiesen.",
            "Der Bericht sei „reine Spekulation“, sagte ein Vereinssprecher am Montag.");
        Assert.Equal("SC Freiburg", Quote(e, "Der Bericht").Speaker);
    }

    [Fact]
    public void The_agency_of_a_dateline_is_no_subject()
    {
        var e = Extract("CHICAGO, Nov 3 (Reuters) - Kestrel Foods Inc on Tuesday cut its forecast, saying cocoa prices would weigh on margins.");
        Assert.Equal("Kestrel Foods Inc", Quote(e, "cocoa prices").Speaker);
    }

    [Fact]
    public void An_organisation_the_article_introduced_is_the_subject_a_coordinated_cue_shares()
    {
        var e = Extract("« Il n'y a pas de danger », a déclaré le préfet, Clément Vasseur.",
            "L'usine est exploitée par la société Normasol.",
            "Dans un communiqué, Normasol a indiqué coopérer avec les autorités et a assuré que ses systèmes avaient fonctionné comme prévu.");
        Assert.Equal("Normasol", Quote(e, "ses systèmes").Speaker);
    }

    [Fact]
    public void A_relative_introduced_by_full_name_is_meant_by_the_given_name_alone()
    {
        // Reporters name a victim's family by given name on second mention: "Crystal said" is Crystal Moar.
        var e = Extract("Her older sister, Crystal Moar, told reporters that the family had called the police at once.",
            "“We knew right away,” Crystal said on Monday.");
        Assert.Equal("Crystal Moar", Quote(e, "We knew").Speaker);
    }

    [Fact]
    public void A_relative_named_by_given_name_alone_takes_the_family_surname()
    {
        // "his wife, Orla": annotators write the relative with the family's surname; the surname alone stays the man's.
        var e = Extract("Piet Vandermolen farms 900 acres with his wife, Orla, and their son, Kasimir.",
            "Orla said the family had borrowed money in the spring.",
            "“It was a hard year,” Vandermolen said.",
            "Ruth Ambrose, whose father ran the mill, spoke next. Ambrose's brother, Teodor, said the mill should reopen.");
        Assert.Equal("Orla Vandermolen", Quote(e, "the family had borrowed").Speaker);
        Assert.Equal("Piet Vandermolen", Quote(e, "It was a hard year").Speaker);
        Assert.Equal("Teodor Ambrose", Quote(e, "the mill should reopen").Speaker);
    }

    [Theory]
    [InlineData("The Harlow Western Students' Union said in a statement that students were “caught in the middle.”", "students were", "Harlow Western Students' Union")]
    [InlineData("A Pembry & Lusk College poll found that Mendes led Carver 47 percent to 44 percent.", "Mendes led", "Pembry & Lusk College")]
    public void An_organisation_name_goes_on_through_a_plural_possessive_and_an_ampersand(string sentence, string quote, string speaker) =>
        Assert.Equal(speaker, Quote(Extract("The dispute entered its second week.", sentence), quote).Speaker);

    [Fact]
    public void A_place_joined_to_a_lowercase_word_is_an_adjective_before_the_organisation_noun()
    {
        var e = Extract("About 400 workers at the Redfern mine will be laid off by March, Calder Mining Corp. said Wednesday.",
            "In a news release, the Toronto-based company said nickel prices had fallen by 40 per cent.");
        Assert.Equal(("Calder Mining Corp", "the Toronto-based company"), (Quote(e, "nickel prices").Speaker, Quote(e, "nickel prices").SpeakerText));
    }

    [Fact]
    public void The_agency_is_the_organisation_that_opened_the_sentence_before_it()
    {
        // The article is about the fire service, named most; the agency is the one the paragraph just named as subject.
        var e = Extract("The Dunmore Fire Service said crews worked through the night. The Dunmore Fire Service said two homes were lost.",
            "Parks Norland has issued a warning for the region. The agency says smoke could reach the city by Monday.");
        Assert.Equal("Parks Norland", Quote(e, "smoke could reach").Speaker);
    }

    [Theory]
    [InlineData("“We are still in rescue mode,” Dunmore County Emergency Management Director Ruth Ellery told reporters.", "We are still", "Ruth Ellery", "Dunmore County Emergency Management Director")]
    [InlineData("“We have locked in most of our cocoa needs,” Chief Financial Officer Ben Ashworth said.", "We have locked", "Ben Ashworth", "Chief Financial Officer")]
    public void Capitalised_words_and_an_office_before_a_person_are_the_person_s_affiliation_and_office(string sentence, string quote, string speaker, string role)
    {
        var q = Quote(Extract("The storm hit the county late on Sunday.", sentence), quote);
        Assert.Equal((speaker, role), (q.Speaker, q.SpeakerRole));
    }
}
