using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Pronouns find the nearest salient person of a compatible gender. The given-name list knows the common
/// names of the nine languages' countries (and hyphenated ones by their first part), and a person whose name it lacks
/// is still compatible: knowing a farther person's gender does not outrank recency.</summary>
public class PronounTests
{
    [Fact]
    public void A_nearer_person_of_unknown_gender_wins_over_a_farther_one_of_known_gender() =>
        Assert.Equal("Zorbek Tamm", SpeakerOf("Vi må spare",
            "Ordfører Per Moe åpnet møtet. Deretter tok Zorbek Tamm ordet. «Vi må spare», sa han."));

    [Theory]
    [InlineData("Borgmester Gitte Holm og direktør Poul Friis mødtes. »Vi er enige«, sagde hun.", "Vi er", "Gitte Holm")]
    [InlineData("Rektorin Friederike Maas traf Bürgermeister Achim Wendt. „Wir sind zufrieden“, sagte sie.", "Wir sind", "Friederike Maas")]
    [InlineData("La consigliera Ottavia Rinaldi ha incontrato Settimio Conti. «Siamo pronti», ha detto lei.", "Siamo", "Ottavia Rinaldi")]
    [InlineData("Marie-Claude Roux a rencontré Jean-Marc Petit. « Nous avançons », a-t-elle dit.", "Nous", "Marie-Claude Roux")]
    [InlineData("Räddningsledaren Per-Olof Berg mötte Anna-Karin Ek. ”Vi har läget under kontroll”, sa han.", "Vi har", "Per-Olof Berg")]
    [InlineData("Siobhan Kelly met Declan Byrne on Monday. “We are close,” she said.", "We are", "Siobhan Kelly")]
    public void Common_given_names_tell_which_person_a_pronoun_means(string paragraph, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, paragraph));

    [Theory]
    [InlineData("Ha parlato il 54enne Jonas Weber di Friburgo. «Sto meglio», ha raccontato.", "Jonas Weber")]
    [InlineData("Il a rencontré la jeune viticultrice Marie Roig. « Tout est sec », dit-elle.", "Marie Roig")]
    public void A_given_name_after_an_article_and_descriptive_words_names_a_person(string paragraph, string speaker)
    {
        var e = Extract(paragraph);
        Assert.Equal(speaker, Assert.Single(e.Quotes).Speaker);
        Assert.Contains(e.NewEntities, n => n.Name == speaker && n.Kind == "person");
    }

    /// <summary>A singular definite description no office list knows is the person just named, when its article's
    /// gender allows.</summary>
    [Theory]
    [InlineData("La doctora Rocío Méndez visitó el hospital. «Pedimos calma», dijo la funcionaria.", "Pedimos", "Rocío Méndez")]
    [InlineData("Emily Tran works nights at the store. “I can't live on this,” said the 24-year-old.", "I can't", "Emily Tran")]
    [InlineData("Claudia Reindl stellte das Konzept vor. „Niemand will Autos verbieten“, sagte die Referentin.", "Niemand", "Claudia Reindl")]
    public void A_definite_description_is_the_person_just_named(string paragraph, string startsWith, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(startsWith, paragraph));
}
