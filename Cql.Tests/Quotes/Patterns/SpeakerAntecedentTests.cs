using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Who a cue's subject means when it names the speaker only through someone else's words: a pronoun opening
/// the sentence after a quotation that ended one, an office of a person ("His office said").</summary>
public class SpeakerAntecedentTests
{
    [Fact]
    public void A_quote_that_ends_a_sentence_inside_its_marks_is_the_cue_before_it_and_the_next_pronoun_may_mean_that_speaker()
    {
        // Neither given name is on the list: recency and the sentence's subject decide, not gender.
        var e = Extract("The panel sent the case back to District Judge Osric Osei.",
            "Attorney Zephyrine Brannock of the Ohio Justice Collective, who represents the plaintiffs, called the decision “a door opening, not a victory lap.” She said her clients had waited two years.");
        Assert.Equal("Zephyrine Brannock", Quote(e, "a door opening").Speaker);
        Assert.Equal("Zephyrine Brannock", Quote(e, "her clients").Speaker);
    }

    [Theory]
    [InlineData("Renovate, Don't Evict")]
    [InlineData("Homes First")]
    public void A_relative_clause_ending_in_marks_before_the_cue_leaves_the_subject_before_it(string slogan) =>
        Assert.Equal("Saanich Renters Alliance", SpeakerOf("it would return",
            "Tenants filled the council chamber on Tuesday.",
            $"The Saanich Renters Alliance, which organized a march under the slogan \"{slogan},\" said that it would return next month."));

    [Theory]
    [InlineData("Premier Daniel Roussin did not speak to reporters.", "His office said he would hold a news conference Thursday.", "Daniel Roussin")]
    [InlineData("Mayor Anna Whitford has defended the limit.", "Her office said Monday that boards of elections would post the locations online.", "Anna Whitford")]
    [InlineData("The strike entered its third day.", "Gov. Maureen Tallis's office said the governor had spoken with both sides.", "Maureen Tallis")]
    [InlineData("Finance Minister Andrew Mackenzie met the premiers.", "Mackenzie's office said the Liberals were copying its homework.", "Andrew Mackenzie")]
    public void An_office_after_a_possessive_speaks_for_the_person_who_holds_it(string before, string sentence, string speaker)
    {
        var q = Assert.Single(Extract("Kestrel Foods reported results on Monday.", before, sentence).Quotes, q => q.Kind == "indirect");
        Assert.Equal(speaker, q.Speaker);
    }

    [Fact]
    public void An_office_without_a_possessive_is_the_organisation_it_stands_for()
    {
        var q = Assert.Single(Extract("The Department of Health published the figures.", "Minister Gail Whitford was travelling.", "The department said the figures were final.").Quotes, q => q.Kind == "indirect");
        Assert.NotEqual("Gail Whitford", q.Speaker);
    }

    [Theory]
    [InlineData("The plan, an inside source said, is to have volunteers pass out reprints of the editorial.", "to have volunteers")]
    [InlineData("A day earlier, six protesters were arrested after refusing to leave the lobby, police said.", "A day earlier")]
    public void An_English_cue_whose_subject_went_unread_is_not_the_person_named_last(string sentence, string quote)
    {
        // English drops no subject: the person the previous sentence names did not say this.
        var e = Extract("Bernie Sanders spoke in Concord on Monday.", sentence);
        Assert.DoesNotContain(e.Quotes, q => q.Speaker == "Bernie Sanders" && q.Text.Contains(quote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Asked whether sanctions were considered, Achterberg said he would not get ahead of the secretary, but added: “All options remain on the table.”", "All options")]
    [InlineData("Nova Scotia Health announced the closures on Thursday. Paramedics will be redeployed to cover the gaps, it said.", "Paramedics")]
    public void A_coordinated_cue_or_a_pronoun_the_reader_passes_over_still_takes_the_speaker_before(string sentence, string quote)
    {
        var e = Extract("Spokesman Martin Achterberg briefed reporters on Wednesday.", sentence);
        Assert.NotNull(Quote(e, quote).Speaker);
    }
}
