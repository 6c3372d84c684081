using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>What marks hold: a label ("known as “…”", a level « … ») is a word mentioned, with no speaker even beside a
/// cue; a group's name after a compound group noun is no quotation; a judgement after a title noun ("kaldt programmet
/// »forudsigeligt«") is one; an attribution inside the marks splits a quotation also when it ends a sentence; the
/// second part of an interrupted quotation is full however long the attribution between the parts.</summary>
public class DetectionTests
{
    [Theory]
    [InlineData("The minister said patients were kept in what is known as “corridor care”.", "corridor care")]
    [InlineData("Der Minister sagte, die sogenannte „Brandmauer“ stehe.", "Brandmauer")]
    [InlineData("Le préfet a déclaré l'alerte de niveau « rouge » vendredi.", "rouge")]
    [InlineData("El ministro dijo que el llamado «escudo social» seguirá.", "escudo social")]
    public void A_label_in_marks_has_no_speaker(string sentence, string label)
    {
        // The reported clause around it is a quote of its own (indirect); the label is no fragment of it.
        var q = Assert.Single(Extract(sentence).Quotes, q => q.Kind != "indirect");
        Assert.Equal((label, (string?)null), (q.Text, q.Speaker));
    }

    [Fact]
    public void A_quotation_left_open_at_a_paragraphs_end_goes_on_in_the_next_paragraph()
    {
        // Newsrooms close a quotation of several paragraphs only in its last: the open one runs to its paragraph's
        // end (not its first sentence's), and the next paragraph's quotation is the same speaker's.
        var e = ExtractArticle("Nurses strike\n\n\"We are short of staff,\" union president Anna Berg said on Monday. \"That is not nursing. That is triage.\n\n\"We are asking for enough hands to keep people alive.\"");
        Assert.Contains(e.Quotes, q => q.Text == "That is not nursing. That is triage." && q.Speaker == "Anna Berg");
        Assert.Contains(e.Quotes, q => q.Text == "We are asking for enough hands to keep people alive." && q.Speaker == "Anna Berg");
    }

    [Fact]
    public void A_group_name_after_a_compound_group_noun_is_no_quotation() =>
        Assert.Empty(Extract("Die Bürgerinitiative „Stadtwald retten“ sammelte 3000 Unterschriften.").Quotes);

    [Fact]
    public void A_judgement_after_a_title_noun_is_a_quotation()
    {
        // The judgement is what the critic said: with its object, one mixed statement ("called it …").
        var q = Assert.Single(Extract("Anmelderen Jens Kofoed har kaldt filmen »kedelig« og »alt for lang«.").Quotes);
        Assert.Equal(("filmen »kedelig« og »alt for lang«", "mixed", "Jens Kofoed"), (q.Text, q.Kind, q.Speaker));
    }

    [Theory]
    [InlineData("« Le temps presse, a-t-elle insisté. Nous devons agir maintenant. »", "Le temps presse", "Nous devons agir maintenant.")]
    [InlineData("„Es reicht, sagte er. Wir müssen jetzt handeln.“", "Es reicht", "Wir müssen jetzt handeln.")]
    public void An_attribution_inside_the_marks_that_ends_a_sentence_splits_the_quotation(string paragraph, string first, string second)
    {
        var e = Extract("La ministre Claire Dubois et Hans Meier ont parlé.", paragraph);
        Assert.Equal([first, second], e.Quotes.Select(q => q.Text));
        Assert.All(e.Quotes, q => Assert.Equal("full", q.Kind));
    }

    [Fact]
    public void The_second_part_after_a_long_attribution_is_full()
    {
        var e = Extract("«No podemos más», lamentó la presidenta de la Federación de Asociaciones de Comerciantes de Sevilla, Lucía Ortega, «y nadie nos escucha».");
        Assert.All(e.Quotes, q => Assert.Equal(("full", "Lucía Ortega"), (q.Kind, q.Speaker)));
        Assert.Equal(2, e.Quotes.Count);
    }
}
