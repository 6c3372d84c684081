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
}
