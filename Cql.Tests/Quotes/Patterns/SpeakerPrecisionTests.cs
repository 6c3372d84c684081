using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Speakers and rows outside span boundaries (issue 12): the reporter's questions are no statements, an office
/// names the person after it even when the given-name list does not know them, a group at a named organisation speaks for it, an office inside a run of capitalised words ends the title.</summary>
public class SpeakerPrecisionTests
{
    [Theory]
    [InlineData("Asked whether the president would veto the bill, Berg did not answer directly.")]
    [InlineData("Pressed on what was said in the meeting, she smiled.")]
    [InlineData("When asked if the cuts could become permanent, she did not rule it out.")]
    public void The_reporters_question_is_no_statement(string sentence)
    {
        var e = Extract("Press secretary Anna Berg spoke to reporters on Monday.", sentence);
        Assert.DoesNotContain(e.Quotes, q => q.Text.Length > 0 && sentence.Contains(q.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void After_the_question_the_answer_is_still_a_statement()
    {
        var e = Extract("Press secretary Anna Berg spoke to reporters on Monday.", "Asked about the bill, Berg said the president would sign it next week.");
        var q = Assert.Single(e.Quotes);
        Assert.Equal(("the president would sign it next week", "Anna Berg"), (q.Text, q.Speaker));
    }

    [Fact]
    public void An_office_names_the_person_after_it_whose_given_name_is_unknown()
    {
        var e = Extract("The bill passed its first reading on Tuesday. Health Minister Anna Berg defended it.",
            "NDP health critic Odalys Ferrante said her party would support the bill at second reading. She said her party would propose amendments at committee.");
        var first = Quote(e, "her party would support");
        Assert.Equal(("Odalys Ferrante", "NDP health critic Odalys Ferrante"), (first.Speaker, first.SpeakerText));
        // The pronoun goes to her, the last subject who spoke, not to the minister named before.
        Assert.Equal("Odalys Ferrante", Quote(e, "her party would propose").Speaker);
    }

    [Fact]
    public void A_group_at_a_named_organisation_speaks_for_it()
    {
        var e = Extract("Press secretary Anna Berg spoke to reporters on Monday.",
            "A long closure would cut output by a fifth of a point, analysts at Brixton Analytics wrote in a note to clients.");
        var q = Quote(e, "A long closure");
        Assert.Equal(("Brixton Analytics", "analysts at Brixton Analytics"), (q.Speaker, q.SpeakerText));
    }

    [Fact]
    public void An_office_written_in_capitals_inside_the_name_run_is_no_part_of_the_name()
    {
        var e = Extract("The store's owner, Tarquin Boyle, said he was heartbroken.",
            "City Council Member Odalys Ferrante, who represents the area, said she had asked police for more patrols. “Our neighbours deserve to feel safe,” she wrote.");
        Assert.Equal("Odalys Ferrante", Quote(e, "she had asked police").Speaker);
        Assert.Equal("Odalys Ferrante", Quote(e, "Our neighbours deserve").Speaker);
    }

    [Theory]
    [InlineData("Ross Delaney · CBC News · Posted: Mar 3, 2027")]
    [InlineData("Santiago Ruiz · CBC News · Posted: Oct 16, 2026 4:12 PM CT")]
    public void A_byline_s_date_is_no_report(string byline) =>
        Assert.Empty(ExtractArticle("Council delays transit vote\n\n" + byline + "\n\nThe council voted on Monday to delay the plan.").Quotes);
}
