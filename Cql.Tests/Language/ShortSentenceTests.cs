using Cql.Engine.Language;

namespace Cql.Tests.Language;

/// <summary>Sentences of 5–10 words, written for these tests (neither trained on nor in the held-out files), are
/// identified without any prior — including Norwegian, Danish and Swedish told apart.</summary>
public sealed class ShortSentenceTests
{
    [Theory]
    [InlineData("no", "Statsministeren sier at hun ikke vil gå av nå.")]
    [InlineData("nn", "Statsministeren seier at ho ikkje vil gå av no.")]
    [InlineData("da", "Statsministeren siger, at hun ikke vil gå af nu.")]
    [InlineData("sv", "Statsministern säger att hon inte tänker avgå nu.")]
    [InlineData("de", "Der Kanzler sagt, dass er jetzt nicht zurücktritt.")]
    [InlineData("it", "Il premier dice che per ora non si dimetterà.")]
    [InlineData("en", "The prime minister says she will not resign now.")]
    [InlineData("fr", "La Première ministre affirme qu'elle ne démissionnera pas.")]
    [InlineData("es", "La presidenta dice que no piensa dimitir ahora.")]
    [InlineData("nl", "De premier zegt dat ze nu niet aftreedt.")]
    [InlineData("pt", "A primeira-ministra diz que não se vai demitir agora.")]
    [InlineData("pl", "Premier mówi, że nie zamierza teraz ustąpić.")]
    [InlineData("fi", "Pääministeri sanoo, ettei hän aio erota nyt.")]
    [InlineData("ru", "Премьер-министр говорит, что не собирается уходить в отставку.")]
    [InlineData("uk", "Прем'єр-міністр каже, що не збирається йти у відставку.")]
    public void A_short_sentence_in_each_language_is_identified(string lang, string sentence)
    {
        var guess = LanguageIdentifier.Identify(sentence);
        Assert.Equal(lang, guess.Code);
        Assert.InRange(guess.Confidence, 0.5f, 1f);
    }

    [Theory]
    [InlineData("Vi vet ikke hva som skjer etter valget.", "Vi ved ikke, hvad der sker efter valget.", "Vi vet inte vad som händer efter valet.")]
    [InlineData("Noen av de eldre har fått mye hjelp.", "Nogle af de ældre har fået meget hjælp.", "Några av de äldre har fått mycket hjälp.")]
    [InlineData("Hun sier at sykehuset må spare penger.", "Hun siger, at sygehuset skal spare penge.", "Hon säger att sjukhuset måste spara pengar.")]
    [InlineData("Politiet etterforsker saken etter ulykken i går.", "Politiet efterforsker sagen efter ulykken i går.", "Polisen utreder fallet efter olyckan i går.")]
    [InlineData("Hvorfor sa ingen noe om det?", "Hvorfor sagde ingen noget om det?", "Varför sa ingen något om det?")]
    public void Norwegian_Danish_and_Swedish_versions_of_a_sentence_are_told_apart(string no, string da, string sv)
    {
        Assert.Equal("no", LanguageIdentifier.Identify(no).Code);
        Assert.Equal("da", LanguageIdentifier.Identify(da).Code);
        Assert.Equal("sv", LanguageIdentifier.Identify(sv).Code);
    }

    [Theory]
    [InlineData("Eg trur ikkje at dei kjem i kveld.", "nn")]
    [InlineData("Jeg tror ikke at de kommer i kveld.", "no")]
    [InlineData("Kva meiner du om det nye forslaget?", "nn")]
    [InlineData("Hva mener du om det nye forslaget?", "no")]
    public void Nynorsk_and_Bokmal_are_told_apart_by_their_marked_words(string sentence, string lang) =>
        Assert.Equal(lang, LanguageIdentifier.Identify(sentence).Code);
}
