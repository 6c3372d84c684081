using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>English reported speech as news writes it: a clause that opens with its fragment in marks, clause ends the
/// sentence splitter cannot see, the clause after a listener ("told the committee the plan …"), plain cue forms, "according to X" between commas, "said that A and that B" and "said A and B" (each clause with its subject) as two statements, a clause after the cue's tail (", she said, and …"), impersonal reports ("it was announced that").</summary>
public class EnglishIndirectTests
{
    [Fact]
    public void A_clause_that_opens_with_its_fragment_is_one_mixed_quote()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said “it makes me angry” every time the bill is blocked.").Quotes);
        Assert.Equal(("“it makes me angry” every time the bill is blocked", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_quotation_right_after_the_cue_that_ends_its_sentence_stays_a_quotation()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said “we will win,” and left the room.").Quotes);
        Assert.Equal(("we will win", "Anna Berg"), (q.Text, q.Speaker));
        Assert.NotEqual("mixed", q.Kind);
    }

    [Fact]
    public void A_reported_clause_ends_where_a_sentence_starts_after_an_initialism()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said the plan would cost more in the U.S. The proposal has drawn criticism.").Quotes);
        Assert.Equal(("the plan would cost more in the U.S.", "indirect"), (q.Text, q.Kind));
    }

    [Theory]
    [InlineData("Senator Anna Berg spoke on Monday. She told the committee the plan was dead.", "the plan was dead")]
    [InlineData("Senator Anna Berg spoke on Monday. She told CNN she would run again.", "she would run again")]
    public void A_tell_cue_reports_the_bare_clause_after_its_listener(string paragraph, string clause)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_listener_without_a_clause_reports_nothing() =>
        Assert.Empty(Extract("Senator Anna Berg spoke on Monday. She told the committee about the plan.").Quotes);

    [Fact]
    public void A_cue_in_its_plain_form_takes_a_bare_clause()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. Critics argue the plan will fail.").Quotes);
        Assert.Equal(("the plan will fail", "indirect", "Critics"), (q.Text, q.Kind, q.SpeakerText));
    }

    [Theory]
    [InlineData("Trump leads in Iowa, according to the polling average, although Carson keeps it close.", "Trump leads in Iowa", "the polling average")]
    [InlineData("The plan, according to officials in her office, will cost five billion dollars.", "will cost five billion dollars", "officials in her office")]
    public void A_source_between_commas_reports_the_clause_before_it_or_the_part_after_the_subject_it_interrupts(string sentence, string clause, string source)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "indirect", source), (q.Text, q.Kind, q.SpeakerText));
    }

    [Fact]
    public void A_repeated_complementizer_opens_a_second_statement()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. She said the closures were “necessary but late” and that the chain still faced heavy debt.").Quotes;
        Assert.Equal(
            new[] { ("the closures were “necessary but late”", "mixed", (string?)"Anna Berg"), ("the chain still faced heavy debt", "indirect", "Anna Berg") },
            rows.Select(q => (q.Text, q.Kind, q.Speaker)).ToArray());
    }

    [Fact]
    public void A_second_clause_with_its_own_subject_after_a_conjunction_is_a_second_statement()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. She said the union had rejected the offer and the company would not return to the table.").Quotes;
        Assert.Equal(
            new[] { ("the union had rejected the offer", "indirect", (string?)"Anna Berg"), ("the company would not return to the table", "indirect", "Anna Berg") },
            rows.Select(q => (q.Text, q.Kind, q.Speaker)).ToArray());
    }

    [Theory]
    [InlineData("Senator Anna Berg spoke on Monday. She said the company and the union were still far apart.", "the company and the union were still far apart")]
    [InlineData("Senator Anna Berg spoke on Monday. She said the union had rejected the offer and walked out of the talks.", "the union had rejected the offer and walked out of the talks")]
    public void A_conjunction_without_a_clause_of_its_own_after_it_keeps_one_statement(string paragraph, string clause)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "indirect"), (q.Text, q.Kind));
    }

    [Fact]
    public void A_bare_noun_before_an_auxiliary_opens_a_second_clause_after_a_conjunction()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. She said the union had rejected the offer and jobs would be lost.").Quotes;
        Assert.Equal(
            new[] { ("the union had rejected the offer", "indirect", (string?)"Anna Berg"), ("jobs would be lost", "indirect", "Anna Berg") },
            rows.Select(q => (q.Text, q.Kind, q.Speaker)).ToArray());
    }

    [Fact]
    public void A_clause_after_the_cues_tail_and_a_conjunction_is_the_same_speakers_second_statement()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. The House would pass its own version, she said, and the Senate would then “own” whatever happened next.").Quotes;
        Assert.Equal(
            new[] { ("The House would pass its own version", "indirect", (string?)"Anna Berg"), ("the Senate would then “own” whatever happened next", "mixed", "Anna Berg") },
            rows.Select(q => (q.Text, q.Kind, q.Speaker)).ToArray());
    }

    [Fact]
    public void A_comma_after_the_cues_tail_that_opens_no_clause_adds_nothing()
    {
        var q = Assert.Single(Extract("The House would pass its own version, said Anna Berg, a senator from Ohio.").Quotes);
        Assert.Equal(("The House would pass its own version", "Anna Berg"), (q.Text, q.Speaker));
    }

    [Fact]
    public void A_clause_before_its_cue_starts_after_a_quoted_sentence_end_the_splitter_missed()
    {
        var rows = Extract("Senator Anna Berg spoke on Monday. She said the offer was “fair and final.” The pension change was needed to keep the mill open, the senator said.").Quotes;
        var q = Assert.Single(rows, r => r.Text.Contains("pension", StringComparison.Ordinal));
        Assert.Equal(("The pension change was needed to keep the mill open", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_participle_after_a_document_noun_stands_between_the_cue_and_its_complementizer()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said in a statement posted on her website that the bill would pass.").Quotes);
        Assert.Equal(("the bill would pass", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_fragment_that_ends_its_clause_with_the_full_stop_is_the_clauses_speakers()
    {
        var rows = Extract("Senator Anna Berg met Tom Hale on Monday. Berg said the talks had gone well and that the deal was “essentially complete.” He said, however, that details remained open.").Quotes;
        var q = Assert.Single(rows, r => r.Text.Contains("essentially", StringComparison.Ordinal));
        Assert.Equal(("the deal was “essentially complete.”", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_word_set_off_by_commas_may_stand_before_the_complementizer()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said, however, that officials were still counting the votes.").Quotes);
        Assert.Equal(("officials were still counting the votes", "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void An_impersonal_report_gives_its_clause_to_nobody()
    {
        var q = Assert.Single(Extract("Officials met on Monday. It was announced that the plant would close next year.").Quotes);
        Assert.Equal(("the plant would close next year", "indirect", (string?)null, (string?)null), (q.Text, q.Kind, q.Speaker, q.SpeakerText));
    }

    [Fact]
    public void An_impersonal_belief_reports_nothing() =>
        Assert.Empty(Extract("Officials met on Monday. It is believed that the plant will close next year.").Quotes);
}
