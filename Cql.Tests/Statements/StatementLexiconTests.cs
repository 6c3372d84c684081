using Cql.Engine.Statements;

namespace Cql.Tests.Statements;

/// <summary>How words of different languages come to share a concept.</summary>
public class StatementLexiconTests
{
    static bool Share(string langA, string a, string langB, string b)
    {
        var lexicon = StatementLexicon.Default;
        var other = lexicon.Concepts(langB, b);
        foreach (var c in lexicon.Concepts(langA, a))
            if (Array.IndexOf(other, c) >= 0) return true;
        return false;
    }

    [Theory]
    [InlineData("sv", "östersjön", "no", "østersjøen")] // cognates that differ in their accents
    [InlineData("sv", "året", "de", "jahres")] // a short noun with its definite suffix
    [InlineData("de", "entwicklungsdynamik", "no", "utvikling")] // the first part of a compound
    [InlineData("da", "revisor", "en", "auditor")] // a Danish word only the Norwegian list has
    [InlineData("nn", "bedrageri", "en", "fraud")] // Nynorsk, through Bokmål
    [InlineData("es", "estafa", "en", "swindle")] // a Spanish word only the Spanish–German dictionary has
    [InlineData("it", "fornitore", "en", "supplier")] // an Italian word only Apertium's Italian–Spanish and Spanish–English have
    [InlineData("it", "azienda", "en", "company")] // a word neither FreeDict list has
    [InlineData("it", "parlano", "en", "speak")] // conjugated verbs, by their infinitives
    [InlineData("es", "hablaban", "en", "speaks")]
    [InlineData("sv", "talade", "de", "sprechen")]
    [InlineData("de", "wollten", "fr", "voulons")]
    [InlineData("it", "metterà", "no", "setter")]
    public void Translations_and_cognates_share_a_concept(string langA, string a, string langB, string b) =>
        Assert.True(Share(langA, a, langB, b));

    [Fact]
    public void Unrelated_words_share_none() => Assert.False(Share("de", "zentimeter", "no", "forsvar"));

    [Theory]
    [InlineData("sv", "elva", "11")]
    [InlineData("it", "undici", "11")]
    [InlineData("no", "ti", "10")]
    public void A_number_word_means_its_value(string lang, string word, string value) =>
        Assert.Contains(StatementLexicon.NumberConcept(value), StatementLexicon.Default.Concepts(lang, word));

    [Fact]
    public void A_future_tense_is_not_read_as_a_compound() => Assert.False(Share("it", "raddoppieranno", "en", "year"));

    [Fact]
    public void A_lone_letter_is_no_content_but_a_lone_digit_is()
    {
        Assert.True(StatementLexicon.Default.IsStopword("it", "a"));
        Assert.False(StatementLexicon.Default.IsStopword("it", "3"));
    }
}
