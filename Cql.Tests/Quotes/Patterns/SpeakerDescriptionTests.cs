using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Speakers journalists describe rather than name (issue 12): a plural group is kept as the words that
/// describe it, a spokesperson speaks for the organisation named just before, a description between an affiliation
/// and a name leaves the name the speaker, a party tag after a name names nobody, a dative source is written without its case article, and words a speaker
/// spoke of are the speaker's, not a term.</summary>
public class SpeakerDescriptionTests
{
    [Theory]
    [InlineData("Former prosecutors said investigators were feeling the pressure.", "investigators were", "Former prosecutors")]
    [InlineData("Prosecutors said investigators were feeling the pressure.", "investigators were", "Prosecutors")]
    public void A_plural_group_before_the_verb_is_kept_as_words_with_no_speaker(string sentence, string quote, string group)
    {
        var q = Quote(Extract("David Kendall spoke on Monday.", sentence), quote);
        Assert.Equal((null, group), (q.Speaker, q.SpeakerText));
    }

    [Theory]
    [InlineData("Rep. Marcus Delgado, D-Milwaukee, said Democrats would offer a compromise on school aid.")]
    [InlineData("Marcus Delgado, D-Milwaukee, said Democrats would offer a compromise on school aid.")]
    public void A_party_and_state_tag_after_a_name_is_not_the_speaker(string sentence)
    {
        var q = Quote(Extract("The Assembly met on Tuesday to debate the school budget.", sentence), "Democrats would offer");
        Assert.Equal("Marcus Delgado", q.Speaker);
    }

    [Fact]
    public void A_spokesperson_speaks_for_the_organisation_named_just_before()
    {
        var e = Extract("Der Verband VDMA sagte am Montag, die Lage der Unternehmen sei ernst.",
            "Das Bundeswirtschaftsministerium wies die Kritik zurück. Eine Sprecherin sagte, die Regierung habe bereits wichtige Schritte unternommen.");
        Assert.Equal("Bundeswirtschaftsministerium", Quote(e, "die Regierung habe").Speaker);
    }

    [Fact]
    public void A_definite_noun_stands_for_the_organisation_whose_name_has_a_word_ending_in_it()
    {
        var e = Extract("Region Västernorrland stänger vårdcentralen.", "Vårdförbundet Västernorrland kritiserar beslutet.",
            "– Inga uppsägningar planeras, skriver förbundet.");
        Assert.Equal("Vårdförbundet Västernorrland", Quote(e, "Inga uppsägningar").Speaker);
    }

    [Theory]
    [InlineData("New York Times columnist David Brooks wrote that the debate was good.", "the debate", "David Brooks")]
    [InlineData("Cruz constituent Dan Golvach said the law puts Americans at risk.", "the law", "Dan Golvach")]
    public void A_description_between_an_affiliation_and_a_name_leaves_the_name_the_speaker(string sentence, string quote, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(quote, sentence));

    [Fact]
    public void A_dative_source_is_written_without_its_case_article()
    {
        var q = Quote(Extract("Das Institut für Arbeitsmarkt- und Berufsforschung (IAB) legte Zahlen vor.",
            "Dem IAB zufolge bezogen im September rund 5,4 Millionen Menschen Bürgergeld."), "bezogen im September");
        Assert.Equal(("IAB", "IAB"), (q.Speaker, q.SpeakerText));
    }

    [Theory]
    [InlineData("Ihr Redner Jens Kolbe sprach von einer „Einladung in die Sozialsysteme“.", "Einladung", "Jens Kolbe")]
    [InlineData("Die Ökonomin Eva Roth warnte vor einer „Deindustrialisierung auf Raten“.", "Deindustrialisierung", "Eva Roth")]
    public void Words_a_speaker_spoke_of_are_the_speakers_not_a_term(string sentence, string quote, string speaker)
    {
        var q = Quote(Extract(sentence), quote);
        Assert.Equal((speaker, false), (q.Speaker, q.Kind == "term"));
    }
}
