using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>German reported clauses as newspapers write them: adverbials, a genitive and the listener (a newspaper's
/// name in marks too) between the cue and its comma, and a report that goes on in Konjunktiv I past a semicolon.</summary>
public class GermanReportedClauseTests
{
    [Theory]
    [InlineData("Bürgermeister Jan Wendt sagte am Rande des Treffens, die Gemeinde sei machtlos.")]
    [InlineData("Bürgermeister Jan Wendt sagte zu Beginn der Sitzung, die Gemeinde sei machtlos.")]
    [InlineData("Bürgermeister Jan Wendt sagte dem „Talboten“, die Gemeinde sei machtlos.")]
    [InlineData("Bürgermeister Jan Wendt sagte der „Rheintaler Allgemeinen Zeitung“, die Gemeinde sei machtlos.")]
    public void Words_between_the_cue_and_its_comma_leave_the_clause_reported(string paragraph)
    {
        var q = Quote(Extract("Der Gemeinderat tagte am Montag.", paragraph), "die Gemeinde");
        Assert.Equal(("die Gemeinde sei machtlos", "indirect", "Jan Wendt"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_clause_in_the_indicative_after_the_tail_is_the_writers_own() =>
        Assert.DoesNotContain(Extract("Der Gemeinderat tagte am Montag.", "Bürgermeister Jan Wendt sagte am Rande des Treffens nichts, die Sitzung dauerte lange.").Quotes,
            q => q.Text.StartsWith("die Sitzung", StringComparison.Ordinal));

    [Theory]
    [InlineData("Bürgermeister Jan Wendt sagte, man habe drei Standorte geprüft; keiner sei geeignet gewesen.", "man habe drei Standorte geprüft; keiner sei geeignet gewesen")]
    [InlineData("Bürgermeister Jan Wendt sagte, man habe drei Standorte geprüft; die Sitzung endete danach.", "man habe drei Standorte geprüft")]
    public void A_report_goes_on_past_a_semicolon_only_in_the_reporting_mood(string paragraph, string clause)
    {
        var q = Quote(Extract("Der Gemeinderat tagte am Montag.", paragraph), "man habe");
        Assert.Equal((clause, "Jan Wendt"), (q.Text, q.Speaker));
    }

    [Theory]
    [InlineData("Ein Urteil könnte nach Angaben einer Gerichtssprecherin Ende Januar fallen.", "Gerichtssprecherin")]
    [InlineData("Besonders betroffen seien der Studie zufolge Schichtarbeiter und junge Eltern.", "Studie")]
    [InlineData("Fehlen werden dort laut Vereinsangaben weiterhin Tom Reuter und Jan Sauer.", "Vereinsangaben")]
    public void A_source_inside_a_german_sentence_reports_the_whole_sentence(string sentence, string source)
    {
        var q = Assert.Single(Extract("Der Verein spielte am Samstag.", sentence).Quotes);
        Assert.Equal((sentence.TrimEnd('.'), "indirect"), (q.Text, q.Kind));
        Assert.EndsWith(source, q.SpeakerText);
    }

    [Theory]
    [InlineData("Er lachte laut auf und ging nach Hause.")]
    [InlineData("Dem Verband zufolge planen viele Betriebe neue Stellen.")]
    public void Loud_or_a_source_fronted_with_zufolge_is_no_source_inside_the_sentence(string sentence) =>
        Assert.DoesNotContain(Extract("Der Verein spielte am Samstag.", sentence).Quotes, q => q.Text == sentence.TrimEnd('.'));

    [Theory]
    [InlineData("Nach Angaben des Vereins erlitt Verteidiger Tom Reuter eine Verletzung am Knie.", "erlitt Verteidiger Tom Reuter eine Verletzung am Knie", "Vereins")]
    [InlineData("Laut „Talbote“ könnte der Trainer bei einer Niederlage entlassen werden.", "könnte der Trainer bei einer Niederlage entlassen werden", "Talbote")]
    [InlineData("Nach Angaben der staatlichen Statistikbehörde sind die Heizkosten seit dem Winter um 38 Prozent gestiegen.",
        "sind die Heizkosten seit dem Winter um 38 Prozent gestiegen", "Statistikbehörde")]
    public void A_fronted_german_source_ends_before_the_verb(string sentence, string clause, string source)
    {
        var q = Quote(Extract("Der Verein spielte am Samstag.", sentence), clause);
        Assert.Equal(clause, q.Text);
        Assert.Contains(source, q.SpeakerText);
        Assert.DoesNotContain(clause.Split(' ')[0], q.SpeakerText);
    }

    [Fact]
    public void Konjunktiv_ii_of_the_modals_reports_and_continues_a_report()
    {
        var e = Extract("Der Verband tagte am Montag.",
            "Verbandschef Jan Wendt warnte, die Absatzzahlen könnten um 40 Prozent einbrechen. Die Betriebe müssten dann Personal abbauen.");
        Assert.Equal([("die Absatzzahlen könnten um 40 Prozent einbrechen", "Jan Wendt"), ("Die Betriebe müssten dann Personal abbauen", "Jan Wendt")],
            e.Quotes.Select(q => (q.Text, q.Speaker)));
    }

    [Theory]
    [InlineData("Dr.")]
    [InlineData("Prof.")]
    public void A_title_written_short_ends_no_sentence_before_a_report_that_goes_on(string title)
    {
        var e = Extract("Der Zulieferer baut 1.800 Stellen ab.",
            $"„Wir haben es uns nicht leicht gemacht“, sagte Vorstandschef {title} Bernd Lohmann. Das Unternehmen habe bereits Investitionen verschoben.");
        var q = Quote(e, "Das Unternehmen");
        Assert.Equal(("Das Unternehmen habe bereits Investitionen verschoben", "Bernd Lohmann"), (q.Text, q.Speaker));
    }

    [Theory]
    [InlineData("Die Abgeordnete Jana Roth nannte die Reform „mutig, aber zu spät“.", "mutig, aber zu spät")]
    [InlineData("Der Fahrgastverband Nordlicht sprach dagegen von einem „Fahrplan ins Leere“.", "Fahrplan ins Leere")]
    public void A_german_naming_cue_reports_only_its_words_in_marks(string sentence, string words)
    {
        var q = Assert.Single(Extract("Der Landtag tagte am Montag.", sentence).Quotes);
        Assert.Equal((words, "partial"), (q.Text, q.Kind));
        Assert.NotNull(q.Speaker);
    }

    [Fact]
    public void A_past_tense_clause_before_the_cue_is_reported()
    {
        var q = Quote(Extract("Der Gemeinderat tagte am Montag.", "Die Anwohner warteten seit Jahren auf einen Radweg, sagte Ortsvorsteher Jan Wendt."), "Die Anwohner");
        Assert.Equal(("Die Anwohner warteten seit Jahren auf einen Radweg", "Jan Wendt"), (q.Text, q.Speaker));
    }

    [Fact]
    public void A_past_ending_before_a_noun_is_an_adjective_that_ends_no_clause()
    {
        var q = Quote(Extract("Der Gemeinderat tagte am Montag.", "Schulrat Jan Wendt sagte, man erwäge, pensionierte Lehrkräfte zurückzuholen."), "man erwäge");
        Assert.Equal("man erwäge, pensionierte Lehrkräfte zurückzuholen", q.Text);
    }

    [Theory]
    [InlineData("„Wir bleiben“, sagte Jan Wendt nach der Sitzung vor dem Rathaus, wo rund 60 Anwohner warteten.", "wo rund")]
    [InlineData("Die Kasse teilte mit, man begrüße das Urteil.", "Die Kasse")]
    public void A_subordinate_clause_after_the_tail_or_a_clause_ending_in_a_cue_is_not_reported(string sentence, string start) =>
        Assert.DoesNotContain(Extract("Der Gemeinderat tagte am Montag.", sentence).Quotes, q => q.Text.StartsWith(start, StringComparison.Ordinal));
}
