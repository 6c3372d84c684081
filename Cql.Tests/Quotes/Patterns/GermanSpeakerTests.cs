using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>German speakers as newspapers write them: organisations in the genitive, spokespersons of a named
/// organisation, a generic noun for the organisation the article named, and pronouns after an inverted cue.</summary>
public class GermanSpeakerTests
{
    [Theory]
    [InlineData("Nach Angaben des Umweltministeriums sind im Sommer 40 Seen umgekippt.", "sind im Sommer", "Umweltministerium")]
    [InlineData("Nach Angaben des Landesverbandes sind im Sommer 40 Seen umgekippt.", "sind im Sommer", "Landesverband")]
    [InlineData("Nach Angaben des Statistischen Landesamts sank die Zahl der Geburten um vier Prozent.", "sank die Zahl", "Statistischen Landesamt")]
    public void An_organisation_in_the_genitive_speaks_by_its_base_form(string sentence, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, "Die Lage an den Gewässern bleibt angespannt.", sentence));

    [Fact]
    public void A_spokesperson_of_an_organisation_in_the_genitive_speaks_for_it()
    {
        var e = Extract("Der Bürgermeister Tobias Lenz lobte den Kompromiss.",
            "Ein Sprecher des Gesundheitsamts sagte am Montag, man prüfe die Vorschläge genau.");
        Assert.Equal("Gesundheitsamt", Quote(e, "man prüfe").Speaker);
    }

    [Fact]
    public void A_spokesperson_of_a_bare_organisation_word_speaks_for_the_one_named_before()
    {
        var e = Extract("Aufgeflogen war der Betrug durch einen Hinweis an die Barmer Ersatzkasse Nord.",
            "Eine Sprecherin der Kasse sagte, man prüfe rechtliche Schritte.");
        Assert.Equal("Barmer Ersatzkasse Nord", Quote(e, "man prüfe").Speaker);
    }

    [Fact]
    public void The_police_is_the_police_headquarters_the_article_named()
    {
        var e = Extract("Das Polizeipräsidium Südosthessen ermittelt nach einem Einbruch in ein Juweliergeschäft.",
            "Nach Angaben der Polizei entkamen die Täter mit einem grauen Kleinwagen.");
        Assert.Equal("Polizeipräsidium Südosthessen", Quote(e, "entkamen die Täter").Speaker);
    }

    [Fact]
    public void A_source_after_an_impersonal_cue_is_the_ministry_the_article_named()
    {
        var e = Extract("Das Verkehrsministerium verwies auf die Zuständigkeit der Länder.",
            "Man habe die Regeln bereits verschärft, hieß es aus dem Ministerium.");
        Assert.Equal("Verkehrsministerium", Quote(e, "Man habe die Regeln").Speaker);
    }

    [Fact]
    public void A_pronoun_after_an_inverted_cue_means_someone_named_before_the_sentence()
    {
        var e = Extract("Studienleiterin Prof. Karin Wegmann stellte die Ergebnisse vor.",
            "Dauerhafter Lärm erhöhe das Risiko für Herzkrankheiten, sagte sie.");
        Assert.Equal("Karin Wegmann", Quote(e, "Dauerhafter Lärm").Speaker);
    }

    [Fact]
    public void A_person_named_after_an_organisation_and_a_preposition_is_a_name_of_their_own()
    {
        var e = Extract("Die Regierung von Ministerpräsident Pavel Moraru hat die Abstimmung gewonnen.",
            "Moraru lobte die Abgeordneten. Der Kurs werde fortgesetzt, sagte er.");
        Assert.Equal("Pavel Moraru", Quote(e, "Der Kurs werde").Speaker);
    }

    [Fact]
    public void An_age_after_an_inverted_cue_describes_the_person_just_named_even_before_a_complement()
    {
        var e = Extract("Nach dem Spiel war Trainer Jonas Albers enttäuscht.",
            "Die Mannschaft habe zu spät reagiert, sagte der 38-Jährige auf der Pressekonferenz.");
        Assert.Equal("Jonas Albers", Quote(e, "Die Mannschaft habe").Speaker);
    }

    [Fact]
    public void A_negation_in_the_report_before_the_cue_does_not_negate_the_cue()
    {
        var e = Extract("Forscher haben eine Studie zum Schlaf vorgelegt.",
            "Einen Zusammenhang könne man daraus nicht ableiten, betonte Mitautor Dr. Jonas Albers.");
        var q = Quote(e, "Einen Zusammenhang");
        Assert.Equal(("Einen Zusammenhang könne man daraus nicht ableiten", "Jonas Albers"), (q.Text, q.Speaker));
    }

    [Fact]
    public void A_noun_with_von_after_it_is_no_organisation_a_spokesperson_speaks_for()
    {
        var e = Extract("Die Bergwacht Allgäu zählte in diesem Sommer mehr Einsätze.",
            "Grund sei die Zahl von Wanderern ohne Ausrüstung, sagte ein Sprecher.");
        Assert.Equal("Bergwacht Allgäu", Quote(e, "Grund sei").Speaker);
    }

    [Fact]
    public void A_German_particle_continues_a_name_only_after_a_given_name()
    {
        var e = Extract("Die Zahl von Rettungseinsätzen steigt seit Jahren. Ursula von der Brelie kritisierte die Planung.",
            "Die Wachen seien unterbesetzt, sagte sie.");
        Assert.Equal("Ursula von der Brelie", Quote(e, "Die Wachen seien").Speaker);
    }
}
