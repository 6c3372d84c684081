using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>English reported clauses the way reporters write them: a past form the ending rule cannot see ("went",
/// "meant"), a relative clause or participle set off by commas inside the clause's subject, "…, but that …" as a
/// second statement, a coordinated "and she said" after a fragment closed with its comma, a cue inserted after the
/// subject ("Condos, he said, were …"), the speaker's refusal after the statement, long document tails and source
/// descriptions, a bare subject after the cue's tail, rulings and signals, a bare clause after the cue's weekday.</summary>
public class EnglishClauseShapeTests
{
    [Theory]
    [InlineData("Mayor Anna Berg says the evacuation went as smoothly as anyone could have hoped.", "the evacuation went as smoothly as anyone could have hoped")]
    [InlineData("Coach Anna Berg said the win meant more because of the injury.", "the win meant more because of the injury")]
    public void A_bare_clause_with_an_irregular_past_verb_is_reported(string sentence, string clause)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Theory]
    [InlineData("Anna Berg said investors, who bought many condos, had left the market.", "investors, who bought many condos, had left the market")]
    [InlineData("Anna Berg says the fire, which started on Monday, is out of control.", "the fire, which started on Monday, is out of control")]
    [InlineData("Anna Berg says the union, not the company, is to blame.", "the union, not the company, is to blame")]
    public void A_parenthetical_inside_the_subject_neither_hides_the_verb_nor_ends_the_clause(string sentence, string clause)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_relative_clause_after_a_verb_still_ends_the_clause()
    {
        var q = Assert.Single(Extract("Anna Berg said the plan had failed, which surprised nobody in the room.").Quotes);
        Assert.Equal("the plan had failed", q.Text);
    }

    [Fact]
    public void But_that_opens_a_second_statement_of_the_same_report()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. She said the cabinet was considering a rebate, but that no decision had been made.").Quotes;
        Assert.Equal(
            new[] { ("the cabinet was considering a rebate", "indirect", (string?)"Anna Berg"), ("no decision had been made", "indirect", "Anna Berg") },
            rows.Select(q => (q.Text, q.Kind, q.Speaker)).ToArray());
    }

    [Fact]
    public void A_coordinated_cue_after_a_fragment_closed_with_its_comma_leaves_the_fragment_whole()
    {
        var e = Extract("Coach Anna Berg was blunt. She said the team had “stopped doing the right things,” and she said changes would come.");
        var q = Quote(e, "the team had");
        Assert.Equal(("the team had “stopped doing the right things,”", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_cue_inserted_after_the_subject_reports_the_part_after_it()
    {
        var q = Assert.Single(Extract("Anna Berg, a broker, spoke on Monday. Condos, she said, were another story.").Quotes);
        Assert.Equal(("were another story", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_refusal_after_the_statement_is_not_part_of_it()
    {
        var q = Assert.Single(Extract("Anna Berg spoke on Monday. She said a cut was “certainly possible” but declined to say whether most officials favored one.").Quotes);
        Assert.Equal(("a cut was “certainly possible”", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_document_described_at_length_after_the_cue_is_still_its_tail()
    {
        var q = Assert.Single(Extract("Anna Berg spoke on Monday. Waiting risked needless damage to the job market, she said in a statement released after the meeting.").Quotes);
        Assert.Equal(("Waiting risked needless damage to the job market", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_source_described_by_a_relative_clause_reports_the_clause_before_it()
    {
        var q = Assert.Single(Extract("The cuts would save about four billion dollars over a decade, according to a summary from the budget office that was obtained by a news agency.").Quotes);
        Assert.Equal(("The cuts would save about four billion dollars over a decade", "indirect"), (q.Text, q.Kind));
    }

    [Fact]
    public void A_cue_in_a_relative_clause_before_according_to_is_the_sources_words()
    {
        var q = Assert.Single(Extract("Berg leads among voters who say the economy matters most, according to the poll.").Quotes);
        Assert.Equal(("Berg leads among voters who say the economy matters most", "the poll"), (q.Text, q.SpeakerText));
    }

    [Fact]
    public void A_bare_subject_after_the_cues_tail_opens_a_second_statement()
    {
        var rows = Extract("Anna Berg spoke on Monday. Officers arrested him at a farm east of the city, she said, and officers seized a replica pistol.").Quotes;
        Assert.Equal(
            new[] { ("Officers arrested him at a farm east of the city", (string?)"Anna Berg"), ("officers seized a replica pistol", "Anna Berg") },
            rows.Select(q => (q.Text, q.Speaker)).ToArray());
    }

    [Theory]
    [InlineData("A man accused of robbery will stay in jail until his trial, Judge Anna Berg ruled Friday.", "A man accused of robbery will stay in jail until his trial")]
    [InlineData("Judge Anna Berg signaled she had little room to move.", "she had little room to move")]
    public void A_ruling_and_a_signal_report_their_clause(string sentence, string clause)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "Anna Berg"), (q.Text, q.Speaker));
    }

    [Theory]
    [InlineData("Anna Berg spoke to the rebels. She said on Tuesday she had spoken to every one of them.", "she had spoken to every one of them")]
    [InlineData("Anna Berg spoke to the rebels. She said Monday the vote would go ahead.", "the vote would go ahead")]
    public void A_bare_clause_may_follow_the_cues_weekday(string paragraph, string clause)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "Anna Berg"), (q.Text, q.Speaker));
    }
}
