using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Words in marks that a phrase before them makes a label, not speech (issue 12): names given with "called" or
/// "titled", the words on a sign or a banner.</summary>
public class LabelTermTests
{
    [Theory]
    [InlineData("Researchers recruited volunteers through a program called “count the birds at home.”", "count the birds")]
    [InlineData("The paper, titled “Clean feeders and sick birds”, appeared in a journal on Monday.", "Clean feeders")]
    [InlineData("Die Demonstranten trugen Plakate mit der Aufschrift „Hände weg von unserer Schule“ durch die Stadt.", "Hände weg")]
    [InlineData("Workers carried signs reading “pay us what we are worth” outside the plant on Monday.", "pay us what")]
    [InlineData("Las trabajadoras se concentraron con pancartas en las que se leía «Vigo no se vende».", "Vigo no se vende")]
    public void A_label_before_the_marks_makes_a_term(string paragraph, string term)
    {
        var q = Quote(Extract(paragraph), term);
        Assert.Equal("term", q.Kind);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void A_naming_verb_with_its_subject_names_in_the_speakers_words()
    {
        var e = Extract("The council met on Monday.", "The council condemned the attack, which it called “a clear threat to the peace of the city.”");
        Assert.NotEqual("term", Quote(e, "a clear threat").Kind);
    }
}
