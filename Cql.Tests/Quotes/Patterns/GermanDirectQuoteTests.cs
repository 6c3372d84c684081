using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>German quotations in marks: "so" inside a quotation is no incise, and the words a speaker "sprach … von"
/// are the speaker's even with words between the verb and its preposition.</summary>
public class GermanDirectQuoteTests
{
    [Fact]
    public void So_inside_a_quotation_does_not_split_it()
    {
        var e = Extract("Die Zeugin schilderte den Abend.",
            "„Ich dachte, das ist so ein Spinner. Heute schlafe ich schlecht“, sagte die Frau.");
        var q = Assert.Single(e.Quotes);
        Assert.Equal("Ich dachte, das ist so ein Spinner. Heute schlafe ich schlecht", q.Text);
    }

    [Fact]
    public void So_opening_an_incise_still_splits_the_quotation()
    {
        var e = Extract("„Wir haben gekämpft, so Kapitän Jonas Albers, aber es hat nicht gereicht.“");
        Assert.Equal(2, e.Quotes.Count);
        Assert.All(e.Quotes, q => Assert.Equal("Jonas Albers", q.Speaker));
    }

    [Fact]
    public void Words_a_speaker_spoke_of_after_a_gap_are_the_speakers()
    {
        var e = Extract("Ministerin Anna Kolb sprach nach der Sitzung von einem „Tag der Entscheidung für das Land“.");
        var q = Quote(e, "Tag der Entscheidung");
        Assert.NotEqual("term", q.Kind);
        Assert.Equal("Anna Kolb", q.Speaker);
    }
}
