using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>A newsroom's reporting verbs in the nine languages, in the tenses news uses: each names the speaker of the
/// quote beside it. Words that look like such verbs but are nouns or mean something else ("la cuenta", "cuenta con",
/// "vurderer å", "agreed on") name nobody.</summary>
public class ReportingVerbTests
{
    [Theory]
    [InlineData("«Vi må gjøre mer», presiserte Kari Nordby.", "Kari Nordby", "presiserte")]
    [InlineData("Ola Berg viste til tallene. «Dette er alvorlig», smilte Ola Berg.", "Ola Berg", "smilte")]
    [InlineData("”Det blir svårt”, medgav Lena Holm.", "Lena Holm", "medgav")]
    [InlineData("”Vi väntar”, suckade Erik Lund.", "Erik Lund", "suckade")]
    [InlineData("»Det går ikke«, indrømmede Mette Dahl.", "Mette Dahl", "indrømmede")]
    [InlineData("»Vi ser frem til det«, uddybede Jens Kofoed.", "Jens Kofoed", "uddybede")]
    [InlineData("„Das reicht nicht“, entgegnete Petra Lang.", "Petra Lang", "entgegnete")]
    [InlineData("Petra Lang hält den Plan für „unbezahlbar“.", "Petra Lang", "hält für")]
    [InlineData("„Wir warten ab“, gab Jürgen Roth zu bedenken.", "Jürgen Roth", "gab zu bedenken")]
    [InlineData("«Non è finita», ha sorriso Giulia Ferri.", "Giulia Ferri", "ha sorriso")]
    [InlineData("«Andremo avanti», diceva Marco Galli.", "Marco Galli", "diceva")]
    [InlineData("«Hay que actuar ya», recomienda Pilar Ortega.", "Pilar Ortega", "recomienda")]
    [InlineData("«Llegamos tarde», cuenta Andrés Molina mientras recoge.", "Andrés Molina", "cuenta")]
    [InlineData("Andrés Molina ha pedido «calma».", "Andrés Molina", "ha pedido")]
    [InlineData("« On y croit », a souri Julien Moreau.", "Julien Moreau", "a souri")]
    [InlineData("« C'est trop tard », rétorque Claire Dubois.", "Claire Dubois", "rétorque")]
    [InlineData("“We will be back,” Sarah Collins laughed.", "Sarah Collins", "laughed")]
    [InlineData("“It is over,” Daniel Hughes conceded.", "Daniel Hughes", "conceded")]
    [InlineData("“Wij gaan door”, legde Joost Visser uit.", "Joost Visser", "legde uit")]
    [InlineData("“Dat klopt niet”, beweerde Anouk Smit.", "Anouk Smit", "beweerde")]
    public void A_reporting_verb_names_its_subject(string sentence, string speaker, string cue)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((speaker, cue), (q.Speaker, q.Cue));
    }

    [Theory]
    [InlineData("Pedro Gil cuenta con un plan «ambicioso».")]
    [InlineData("Pedro Gil tiene en cuenta la «fatiga» de los vecinos.")]
    [InlineData("Per Olsen vurderer å «fryse» avgiftene.")]
    [InlineData("Tom Reed agreed on “a framework” last week.")]
    public void A_word_that_only_looks_like_a_reporting_verb_names_nobody(string sentence) =>
        Assert.Null(Assert.Single(Extract(sentence).Quotes).Speaker);
}
