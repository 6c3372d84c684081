using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>German speakers as newspapers write them: organisations in the genitive, spokespersons of a named
/// organisation, a generic noun for the organisation the article named, name particles, and pronouns and ages after
/// an inverted cue.</summary>
public class GermanSpeakerTests
{
    [Theory]
    [InlineData("Nach Angaben des Umweltministeriums sind im Sommer 40 Seen umgekippt.", "sind im Sommer", "Umweltministerium")]
    [InlineData("Nach Angaben des Landesverbandes sind im Sommer 40 Seen umgekippt.", "sind im Sommer", "Landesverband")]
    [InlineData("Nach Angaben des Statistischen Landesamts sank die Zahl der Geburten um vier Prozent.", "sank die Zahl", "Statistischen Landesamt")]
    public void An_organisation_in_the_genitive_speaks_by_its_base_form(string sentence, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, "Die Lage an den Gewässern bleibt angespannt.", sentence));

    [Theory]
    // A spokesperson of an organisation in the genitive speaks for it.
    [InlineData("Der Bürgermeister Tobias Lenz lobte den Kompromiss.",
        "Ein Sprecher des Gesundheitsamts sagte am Montag, man prüfe die Vorschläge genau.", "man prüfe", "Gesundheitsamt")]
    // One organisation word alone names none: the spokesperson speaks for the one named before.
    [InlineData("Aufgeflogen war der Betrug durch einen Hinweis an die Barmer Ersatzkasse Nord.",
        "Eine Sprecherin der Kasse sagte, man prüfe rechtliche Schritte.", "man prüfe", "Barmer Ersatzkasse Nord")]
    // "die Polizei" is the police headquarters the article named.
    [InlineData("Das Polizeipräsidium Südosthessen ermittelt nach einem Einbruch in ein Juweliergeschäft.",
        "Nach Angaben der Polizei entkamen die Täter mit einem grauen Kleinwagen.", "entkamen die Täter", "Polizeipräsidium Südosthessen")]
    // The source after an impersonal cue is the ministry the article named.
    [InlineData("Das Verkehrsministerium verwies auf die Zuständigkeit der Länder.",
        "Man habe die Regeln bereits verschärft, hieß es aus dem Ministerium.", "Man habe die Regeln", "Verkehrsministerium")]
    // A pronoun after an inverted cue means someone named before the sentence, not a noun of the report.
    [InlineData("Studienleiterin Prof. Karin Wegmann stellte die Ergebnisse vor.",
        "Dauerhafter Lärm erhöhe das Risiko für Herzkrankheiten, sagte sie.", "Dauerhafter Lärm", "Karin Wegmann")]
    // A person named after an organisation and a preposition is a name of their own, found again by the surname.
    [InlineData("Die Regierung von Ministerpräsident Pavel Moraru hat die Abstimmung gewonnen.",
        "Moraru lobte die Abgeordneten. Der Kurs werde fortgesetzt, sagte er.", "Der Kurs werde", "Pavel Moraru")]
    // An age after an inverted cue is the person just named, even before a complement.
    [InlineData("Nach dem Spiel war Trainer Jonas Albers enttäuscht.",
        "Die Mannschaft habe zu spät reagiert, sagte der 38-Jährige auf der Pressekonferenz.", "Die Mannschaft habe", "Jonas Albers")]
    // A noun with "von" after it is no organisation a spokesperson speaks for.
    [InlineData("Die Bergwacht Allgäu zählte in diesem Sommer mehr Einsätze.",
        "Grund sei die Zahl von Wanderern ohne Ausrüstung, sagte ein Sprecher.", "Grund sei", "Bergwacht Allgäu")]
    // A German particle goes on in a name after a given name.
    [InlineData("Die Zahl von Rettungseinsätzen steigt seit Jahren. Ursula von der Brelie kritisierte die Planung.",
        "Die Wachen seien unterbesetzt, sagte sie.", "Die Wachen seien", "Ursula von der Brelie")]
    // An office with no article's organisation in the cue's gap speaks for the one named before ("teilte eine Sprecherin mit").
    [InlineData("Die Bergwacht Allgäu zählte in diesem Sommer mehr Einsätze.",
        "Grund sei die Zahl von Wanderern ohne Ausrüstung, teilte eine Sprecherin mit.", "Grund sei", "Bergwacht Allgäu")]
    // A noun after a preposition serves nobody: "auf Anfrage" is how she spoke, not for whom.
    [InlineData("Das Ministerium für Verkehr lehnt den Antrag ab.",
        "Das Gesetz sei eindeutig, teilte eine Sprecherin auf Anfrage mit.", "Das Gesetz sei", "Ministerium für Verkehr")]
    public void The_speaker_is_who_the_article_means(string before, string sentence, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, before, sentence));

    [Theory]
    [InlineData("Analysten der Privatbank schrieben in einer Studie, der Abbau sei überfällig.", "schrieben")]
    [InlineData("Die Verbände begrüßten, dass der Abbau nun komme.", "begrüßten")]
    public void A_plural_past_cue_reports_as_its_singular_does(string sentence, string cue)
    {
        var q = Quote(Extract("Die Aktie legte am Dienstag zu.", sentence), "der Abbau");
        Assert.Equal(cue, q.Cue);
    }

    [Fact]
    public void A_negation_in_the_report_before_the_cue_does_not_negate_the_cue()
    {
        var e = Extract("Forscher haben eine Studie zum Schlaf vorgelegt.",
            "Einen Zusammenhang könne man daraus nicht ableiten, betonte Mitautor Dr. Jonas Albers.");
        var q = Quote(e, "Einen Zusammenhang");
        Assert.Equal(("Einen Zusammenhang könne man daraus nicht ableiten", "Jonas Albers"), (q.Text, q.Speaker));
    }

    [Theory]
    // The phrase before the verb is an adverbial; the name after it is the subject, the source only the channel.
    [InlineData("Anlässlich seines Geburtstages versprach Berger laut dem Kanzleramt auch, die Zusammenarbeit mit Paris zu vertiefen.")]
    [InlineData("Am 9. Mai versprach Berger laut dem Kanzleramt, die Zusammenarbeit mit Paris zu vertiefen.")]
    public void A_name_after_the_verb_is_the_subject_when_the_phrase_before_it_names_nobody(string sentence) =>
        Assert.Equal("Olaf Berger", SpeakerOf("die Zusammenarbeit", "Bundeskanzler Olaf Berger besuchte am Montag Paris.", sentence));

    [Theory]
    // A cue after its report holds an unnamed subject in its gap.
    [InlineData("Die Halle bleibe bis Mai geschlossen, teilte der Verein am Montag mit.", "Die Halle bleibe bis Mai geschlossen", "der Verein")]
    // The stop of a day before its month ends no sentence.
    [InlineData("Die Halle bleibe vom 9. Januar an geschlossen, teilte der Verein mit.", "Die Halle bleibe vom 9. Januar an geschlossen", "der Verein")]
    public void A_noun_in_the_gap_of_a_cue_after_its_report_is_the_subject(string sentence, string quote, string speakerText)
    {
        var q = Quote(Extract("Der Turnverein Talstadt hat neue Pläne.", sentence), "Die Halle");
        Assert.Equal((quote, speakerText), (q.Text, q.SpeakerText));
    }

    [Fact]
    public void A_noun_in_the_gap_of_a_cue_before_its_report_is_the_listener() =>
        Assert.Equal("Jan Wendt", SpeakerOf("die Mieter", "Der Sprecher der Fraktion, Jan Wendt, warf der Regierung vor, die Mieter zu vergessen."));

    [Fact]
    public void An_adverb_after_the_cue_is_no_subject() =>
        Assert.Equal("Philologenverband Talstadt", SpeakerOf("die Gymnasien ausgenommen", "Die Schulen bekommen größere Klassen.",
            "Der Philologenverband Talstadt, der die Gymnasien vertritt, begrüßte dagegen, dass die Gymnasien ausgenommen bleiben."));

    [Theory]
    [InlineData("teilte die Polizei am Montag mit")]
    [InlineData("sagte die Polizei am Nachmittag")]
    public void A_date_after_the_subject_is_no_part_of_its_name(string cue) =>
        Assert.Equal("Polizeidirektion Lindental", SpeakerOf("Die Täter seien", "Die Polizeidirektion Lindental ermittelt nach einem Überfall.",
            $"Die Täter seien mit einem Motorrad geflüchtet, {cue}. Die Beute sei gering.", "Die Kassiererin sei unverletzt, sagte eine Sprecherin."));

    [Theory]
    // With no source, "hieß es" goes on with the report before it in its paragraph…
    [InlineData("Der Betrieb ruht seit Montag.", "Die Halle sei marode, teilte die Gemeinde Talstadt mit. Eine Sanierung koste zu viel, hieß es.", "Gemeinde Talstadt")]
    // …or with the organisation the paragraph names.
    [InlineData("Der Betrieb ruht seit Montag.", "Die Gemeinde Talstadt wies die Kritik zurück. Eine Sanierung koste zu viel, hieß es.", "Gemeinde Talstadt")]
    public void An_impersonal_cue_after_its_report_speaks_for_who_the_paragraph_reports(string before, string paragraph, string speaker) =>
        Assert.Equal(speaker, SpeakerOf("Eine Sanierung", before, paragraph, "Die Kassiererin sei unverletzt, sagte eine Sprecherin."));

    [Fact]
    public void Capitalised_words_after_a_count_or_an_article_inside_a_run_name_nobody()
    {
        var e = Extract("Landrätin Jana Roth verteidigte den Plan.",
            "Wie die Polizei mitteilte, hat die Kriminalpolizei die Ermittlungen übernommen. Die Klinik schreibe rote Zahlen, allein 2025 fehlten 7,4 Millionen Euro, sagte Roth.",
            "Die Mittel würden im Frühjahr fließen, sagte sie.");
        Assert.Equal("Jana Roth", Quote(e, "Die Mittel").Speaker);
        Assert.Equal("Jana Roth", Quote(e, "Die Klinik").Speaker);
        Assert.DoesNotContain(e.Quotes, q => q.Speaker is "Kriminalpolizei die Ermittlungen" or "Millionen Euro");
    }
}
