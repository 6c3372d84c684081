using Cql.Engine.Core;
using Cql.Engine.Language;

namespace Cql.Tests.Language;

/// <summary>What short, ambiguous or letterless text gets: the prior when there is one, "und" when nothing can be
/// said, and a confidence that says how sure the verdict is.</summary>
public sealed class PriorAndUnknownTests
{
    static readonly LanguageGuess Norwegian = new("no", 0.9f);
    static readonly LanguageGuess Swedish = new("sv", 0.9f);

    [Theory]
    [InlineData("OK.")]
    [InlineData("Ja.")]
    [InlineData("Nei.")]
    [InlineData("Xi Jinping")]
    [InlineData("Vladimir Putin")]
    [InlineData("Joe Biden, Emmanuel Macron")]
    [InlineData("2022")]
    [InlineData("12:30")]
    [InlineData("– 3–1 –")]
    public void Very_short_or_ambiguous_text_takes_the_prior(string text)
    {
        Assert.Equal("no", LanguageIdentifier.Identify(text, Norwegian).Code);
        Assert.Equal("sv", LanguageIdentifier.Identify(text, Swedish).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2022")]
    [InlineData("12:30 – 14:00")]
    [InlineData("+47 22 33 44 55")]
    [InlineData("!!! ??? …")]
    public void Text_without_letters_is_und_without_a_prior(string text) =>
        Assert.Equal(LanguageGuess.Unknown, LanguageIdentifier.Identify(text));

    [Theory]
    [InlineData("北京欢迎你")]
    [InlineData("Καλημέρα κόσμε, τι κάνεις σήμερα;")]
    [InlineData("مرحبا بالعالم")]
    public void Text_in_a_script_no_modelled_language_uses_is_und_even_with_a_prior(string text)
    {
        Assert.Equal("und", LanguageIdentifier.Identify(text).Code);
        Assert.Equal("und", LanguageIdentifier.Identify(text, Norwegian).Code);
    }

    [Fact]
    public void A_lone_interjection_without_a_prior_is_und_or_a_low_confidence_guess()
    {
        foreach (var text in new[] { "OK.", "Ja.", "Nei.", "Putin" })
        {
            var guess = LanguageIdentifier.Identify(text);
            Assert.True(guess.Code == "und" || guess.Confidence < 0.5f, $"{text}: {guess}");
        }
    }

    [Fact]
    public void Confidence_grows_with_the_evidence()
    {
        var word = LanguageIdentifier.Identify("ikke");
        var sentence = LanguageIdentifier.Identify("Han sier at han ikke vet noe om det.");
        var paragraph = LanguageIdentifier.Identify(
            "Han sier at han ikke vet noe om det. Politiet har ennå ikke fått noen forklaring på hva som skjedde, " +
            "og etterforskningen fortsetter i dag. Naboene forteller at de hørte et kraftig smell like etter midnatt, " +
            "og at flere av dem gikk ut for å se hva som hadde skjedd.");
        Assert.All(new[] { word, sentence, paragraph }, g => Assert.InRange(g.Confidence, 0f, 1f));
        Assert.True(word.Confidence < sentence.Confidence, $"{word} vs {sentence}");
        Assert.True(sentence.Confidence <= paragraph.Confidence, $"{sentence} vs {paragraph}");
        Assert.Equal("no", paragraph.Code);
        Assert.True(paragraph.Confidence > 0.99f);
    }

    [Fact]
    public void A_clear_sentence_in_another_language_overrides_even_a_certain_prior()
    {
        var certainSwedish = new LanguageGuess("sv", 1f);
        Assert.Equal("en", LanguageIdentifier.Identify("We are not going to give up on this, the minister said on Tuesday.", certainSwedish).Code);
        Assert.Equal("de", LanguageIdentifier.Identify("Wir werden das gemeinsam schaffen, sagte die Kanzlerin.", certainSwedish).Code);
    }

    [Fact]
    public void A_prior_in_a_language_the_model_does_not_know_stands_unless_the_text_outvotes_it()
    {
        var japanese = new LanguageGuess("ja", 0.8f);
        Assert.Equal("ja", LanguageIdentifier.Identify("OK.", japanese).Code);
        Assert.Equal("en", LanguageIdentifier.Identify("The government has promised to present a new plan next week.", japanese).Code);
    }

    [Fact]
    public void The_prior_breaks_a_tie_between_close_languages()
    {
        // "Det er bra." is Bokmål, Nynorsk or Danish alike.
        Assert.Equal("no", LanguageIdentifier.Identify("Det er bra.", new LanguageGuess("no", 0.9f)).Code);
        Assert.Equal("nn", LanguageIdentifier.Identify("Det er bra.", new LanguageGuess("nn", 0.9f)).Code);
        Assert.Equal("da", LanguageIdentifier.Identify("Det er bra.", new LanguageGuess("da", 0.9f)).Code);
    }
}
