using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Interviews printed as questions and answers without labels: the paragraph right after each question is
/// the addressed guest's, a paragraph of the writer's own between them is not.</summary>
public class AddressedInterviewTests
{
    [Fact]
    public void The_paragraph_after_each_question_is_the_addressed_guests()
    {
        var e = Extract("Greta Holm war 30 Jahre lang Rettungsschwimmerin an der Ostsee.",
            "Frau Holm, wie oft haben Sie an Aufgeben gedacht?",
            "Zweimal. Beide Male im Winter, als der Sturm kam.",
            "Die Zahl der Einsätze ist zuletzt gestiegen.",
            "Was hat sich verändert?",
            "Die Technik ist besser. Aber das Wetter ist rauer geworden.");
        Assert.Equal([("Zweimal. Beide Male im Winter, als der Sturm kam.", "Greta Holm"), ("Die Technik ist besser. Aber das Wetter ist rauer geworden.", "Greta Holm")],
            e.Quotes.Select(q => (q.Text, q.Speaker)));
    }

    [Fact]
    public void Questions_that_address_nobody_make_no_interview() =>
        Assert.Empty(Extract("Die Stadt plant ein neues Bad.",
            "Wer soll das bezahlen?",
            "Die Kosten liegen bei vier Millionen Euro.",
            "Und wann wird gebaut?",
            "Der Rat entscheidet im Mai.").Quotes);
}
