using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Where an English reported clause ends, as PolNeAR's and the blind sets' annotators end it: a relative
/// clause on the noun before its comma, a contrast with "while" and a negated contrast without a verb (", but not …")
/// are part of the report; a relative clause on the
/// whole report ("…, which surprised nobody") is not (<see cref="EnglishClauseShapeTests"/>). A clause before its cue
/// that ends in a fragment in marks is one mixed statement of the speaker named after it; a pronoun speaker is no
/// reason to drop a clause that holds the same pronoun; a remark between dashes may stand between the cue and its
/// complementizer; a question in marks does not make its sentence a question.</summary>
public class EnglishReportSpanTests
{
    [Theory]
    [InlineData("Anna Berg said the money would go to the transit fund, which was set up in 2019.", "the money would go to the transit fund, which was set up in 2019")]
    [InlineData("Anna Berg said the council had never asked the families about the road, which crosses their land.", "the council had never asked the families about the road, which crosses their land")]
    [InlineData("Anna Berg said weekday boardings rose 6 per cent, while weekend ridership fell.", "weekday boardings rose 6 per cent, while weekend ridership fell")]
    [InlineData("Anna Berg said she supports an exception, but not for cases of theft.", "she supports an exception, but not for cases of theft")]
    public void A_relative_clause_on_a_noun_and_a_contrast_stay_in_the_report(string sentence, string clause)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Theory]
    [InlineData("Anna Berg said the budget was “too little, too late,” while Tom Reed accused the government of “balancing the books on the backs of workers.”", "the budget was “too little, too late,”")]
    [InlineData("Anna Berg said the budget came too late, while Tom Reed warned that it would cost jobs.", "the budget came too late")]
    public void A_contrast_that_holds_another_speakers_cue_ends_the_report(string sentence, string clause)
    {
        var q = Quote(Extract(sentence), "the budget");
        Assert.Equal((clause, "Anna Berg"), (q.Text, q.Speaker));
    }

    [Theory]
    [InlineData("No Child Left Behind was “very assertive and interventionist,” said Anna Berg.", "No Child Left Behind was “very assertive and interventionist,”")]
    [InlineData("The former minister will play the “woman card,” Anna Berg said.", "The former minister will play the “woman card,”")]
    public void A_clause_before_the_cue_that_ends_in_a_fragment_is_one_mixed_statement(string sentence, string clause)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_pronoun_speaker_after_a_fronted_phrase_reports_a_clause_with_the_same_pronoun()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. In an interview, she said she would run again.").Quotes);
        Assert.Equal(("she would run again", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_remark_between_dashes_may_stand_between_the_cue_and_its_complementizer()
    {
        var q = Assert.Single(Extract("Campaign chairman Anna Berg said — on Twitter, as it happens — that the campaign raised $4 million.").Quotes);
        Assert.Equal(("the campaign raised $4 million", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_question_in_marks_leaves_the_report_before_it_in_the_sentence()
    {
        var e = Extract("Mayor Anna Berg said the move was made by the police chief and said, “Who are you going to trust?”");
        var q = Quote(e, "the move");
        Assert.Equal(("the move was made by the police chief", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }
}
