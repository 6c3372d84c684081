using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Indirect speech: the clause a cue reports is a quote of kind indirect, after the cue (from a
/// complementizer, a comma before a Konjunktiv I clause, or right after a cue that takes a bare clause) or before it
/// ("…, he said."), and around "according to X", without its complementizer; an object or infinitive cue reports its
/// object or infinitive ("denied the allegations", "vowed to fight"); with a fragment in marks it is one mixed
/// quote; negated, infinitive, conditional, questioning and belief cues and cues without a clause report nothing.</summary>
public class IndirectSpeechTests
{
    [Theory]
    [InlineData("Finance minister Anna Berg spoke on Monday. She said that the plan would be delayed.", "the plan would be delayed")]
    [InlineData("Finance minister Anna Berg spoke on Monday. She said the plan would be delayed.", "the plan would be delayed")]
    [InlineData("Finance minister Anna Berg spoke on Monday. The plan is dead, she said on Monday.", "The plan is dead")]
    [InlineData("Finance minister Anna Berg spoke on Monday. According to Berg, the cuts will hurt.", "the cuts will hurt")]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Sie sagte, die Regierung sei bereit.", "die Regierung sei bereit")]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Die Lage sei ernst, sagte Berg.", "Die Lage sei ernst")]
    [InlineData("Finansminister Anna Berg holdt tale på Stortinget mandag. Hun sa at regjeringen vil stanse planen.", "regjeringen vil stanse planen")]
    [InlineData("Finansminister Anna Berg talade på måndagen. Hon sade att planen var död.", "planen var död")]
    [InlineData("Il ministro Anna Berg ha parlato lunedì. Ha detto che il piano è morto.", "il piano è morto")]
    [InlineData("La ministre Anna Berg a parlé lundi. Elle a affirmé qu'elle ne partirait pas.", "elle ne partirait pas")]
    [InlineData("La ministra Anna Berg habló el lunes. Según Berg, la reforma está muerta.", "la reforma está muerta")]
    [InlineData("Minister Anna Berg sprak maandag. Ze zei dat het plan dood was.", "het plan dood was")]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Sie hat deutlich gemacht, dass die Regierung bereit ist.", "die Regierung bereit ist")]
    // An object or an infinitive cue reports its object or its infinitive.
    [InlineData("Senator Anna Berg spoke on Monday. She denied the allegations about her campaign.", "the allegations about her campaign")]
    [InlineData("Senator Anna Berg spoke on Monday. She praised the new rules for their clarity.", "the new rules for their clarity")]
    [InlineData("Senator Anna Berg spoke on Monday. She vowed to fight the rule in court.", "to fight the rule in court")]
    [InlineData("Senator Anna Berg spoke on Monday. She urged Congress to act on the bill.", "Congress to act on the bill")]
    [InlineData("Senator Anna Berg spoke on Monday. She announced a new plan for the schools.", "a new plan for the schools")]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Sie kritisierte die Pläne der Regierung.", "die Pläne der Regierung")]
    [InlineData("Finansminister Anna Berg holdt tale på Stortinget mandag. Hun lovet å kutte skatten for alle.", "å kutte skatten for alle")]
    [InlineData("Finansminister Anna Berg talade på måndagen. Hon kritiserade regeringens nya budget.", "regeringens nya budget")]
    public void A_reported_clause_is_an_indirect_quote(string paragraph, string clause)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Theory]
    [InlineData("Bürgermeisterin Anna Berg sprach am Montag. Die Brücke wird im Mai eröffnet. Das teilte Berg am Abend mit.", "Die Brücke wird im Mai eröffnet")]
    [InlineData("Borgmester Anna Berg holdt tale mandag. Broen åbner i maj. Det oplyser Berg på sin hjemmeside.", "Broen åbner i maj")]
    [InlineData("La sindaca Anna Berg ha parlato lunedì. Il ponte aprirà a maggio. Lo ha annunciato la sindaca Anna Berg.", "Il ponte aprirà a maggio")]
    [InlineData("BRUSSEL - De brug gaat in mei open. Dat heeft burgemeester Anna Berg maandag bekendgemaakt.", "De brug gaat in mei open")]
    public void A_demonstrative_before_a_cue_reports_the_sentence_before(string paragraph, string clause)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "indirect", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Theory]
    [InlineData("The plan will close three schools next year, according to officials in her office.", "The plan will close three schools next year", "officials in her office")]
    [InlineData("Regjeringen vil kutte skatten neste år, ifølge finansdepartementet.", "Regjeringen vil kutte skatten neste år", "finansdepartementet")]
    public void A_source_after_its_clause_that_names_nobody_is_still_the_source(string sentence, string clause, string source)
    {
        var q = Assert.Single(Extract(sentence).Quotes);
        Assert.Equal((clause, "indirect", source), (q.Text, q.Kind, q.SpeakerText));
    }

    [Fact]
    public void A_dateline_is_no_part_of_the_clause_before_a_cue()
    {
        var q = Assert.Single(Extract("VALENCE, 1er décembre (AFP) - Les agriculteurs ont bloqué l'autoroute, a indiqué la ministre Anna Berg.").Quotes);
        Assert.Equal(("Les agriculteurs ont bloqué l'autoroute", "Anna Berg"), (q.Text, q.Speaker));
    }

    [Fact]
    public void A_statement_with_a_fragment_in_marks_is_one_mixed_quote()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said the deal was “dead on arrival.”").Quotes);
        Assert.Equal(("the deal was “dead on arrival.”", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_quote_in_marks_after_its_cue_stays_a_quote_in_marks() =>
        Assert.Equal(["full"], Extract("Senator Anna Berg spoke on Monday. She said: “The deal is dead.”").Quotes.Select(q => q.Kind));

    [Theory]
    [InlineData("Senator Anna Berg spoke on Monday. She did not say that the deal was dead.")]
    [InlineData("Senator Anna Berg spoke on Monday. She declined to say whether the deal was dead.")]
    [InlineData("Senator Anna Berg spoke on Monday. If she says the deal is dead, nobody will believe her.")]
    [InlineData("Senator Anna Berg spoke on Monday. Did she say that the deal was dead?")]
    [InlineData("Senator Anna Berg spoke on Monday. She praised them.")]
    [InlineData("Senator Anna Berg spoke on Monday. Her promises to cut taxes for the middle class were popular.")]
    [InlineData("Senator Anna Berg spoke on Monday. She called the meeting to order at noon.")]
    [InlineData("Finansminister Anna Berg holdt tale på Stortinget mandag. Hun tror at regjeringen vil stanse planen.")]
    [InlineData("Senatorin Anna Berg sprach am Montag. Sie sagte nicht, dass der Vertrag tot sei.")]
    [InlineData("Senator Anna Berg spoke on Monday. “We need the money,” said Joseph Smith, who has four children.")]
    public void A_cue_that_reports_no_clause_gives_no_indirect_quote(string paragraph) =>
        Assert.DoesNotContain(Extract(paragraph).Quotes, q => q.Kind is "indirect" or "mixed");

    [Fact]
    public void A_clause_ends_before_the_next_report_of_its_sentence()
    {
        var e = Extract("Senator Anna Berg spoke on Monday. She said the deal was dead, though Smith noted that talks would go on.");
        Assert.Equal(["the deal was dead", "talks would go on"], e.Quotes.Select(q => q.Text));
    }

    [Theory]
    [InlineData("Senator Anna Berg spoke on Monday. She said the plan would be delayed, although the budget was approved.", "the plan would be delayed")]
    [InlineData("Senator Anna Berg spoke on Monday. She said the plan would be delayed, which angered farmers.", "the plan would be delayed")]
    [InlineData("Senator Anna Berg spoke on Monday. She said the plan would be delayed; the budget was approved in May.", "the plan would be delayed")]
    [InlineData("Senator Anna Berg spoke on Monday. She said the plan would be delayed, despite the approved budget.", "the plan would be delayed")]
    [InlineData("Senatorin Anna Berg sprach am Montag. Sie sagte, der Plan sei tot, obwohl der Haushalt beschlossen wurde.", "der Plan sei tot")]
    public void A_reported_clause_ends_before_a_clause_break(string paragraph, string clause) =>
        Assert.Equal(clause, Assert.Single(Extract(paragraph).Quotes).Text);

    [Theory]
    [InlineData("Ich fordere, dass die Stiftung im nächsten Haushalt unterstützt wird.", "die Stiftung im nächsten Haushalt unterstützt wird", "Ich")]
    [InlineData("Wir erwarten, dass Sie dieser Verantwortung gerecht werden.", "Sie dieser Verantwortung gerecht werden", "Wir")]
    public void A_speaker_in_the_first_person_reports_a_clause(string paragraph, string clause, string speakerText)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, speakerText), (q.Text, q.SpeakerText));
    }

    [Fact]
    public void A_naming_cue_with_its_words_in_marks_is_one_mixed_quote_with_its_object()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. She called the plan “a disaster for farmers.”").Quotes);
        Assert.Equal(("the plan “a disaster for farmers.”", "mixed", "Anna Berg"), (q.Text, q.Kind, q.Speaker));
    }

    [Fact]
    public void A_report_ends_before_a_coordinated_cue_after_an_adverb()
    {
        var e = Extract("Senator Anna Berg spoke on Monday. She urged the crowd to stay calm and repeatedly said, “Do not panic.”");
        // The quotation in marks stays a row of its own, not a fragment absorbed by the report before it.
        Assert.Equal([("the crowd to stay calm", "indirect"), ("Do not panic.", "partial")], e.Quotes.Select(q => (q.Text, q.Kind)));
    }

    [Fact]
    public void A_german_opening_mark_set_apart_by_a_space_opens_a_quote()
    {
        var q = Assert.Single(Extract("Kanzler Olaf Scholz sprach am Montag. Er sagte: „ Wir werden das schaffen.“").Quotes);
        Assert.Equal(("Wir werden das schaffen.", "Olaf Scholz"), (q.Text, q.Speaker));
    }
    [Theory]
    [InlineData("Senator Anna Berg spoke on Monday. Prosecutors said a stern sentence could deter other violators.", "a stern sentence could deter other violators", "Prosecutors")]
    [InlineData("Senator Anna Berg spoke on Monday. Friends say Manafort has not lived in Washington for years.", "Manafort has not lived in Washington for years", "Friends")]
    [InlineData("Senator Anna Berg spoke on Monday. Many of her supporters say they empathize with her.", "they empathize with her", "Many of her supporters")]
    public void A_subject_that_names_nobody_still_reports_its_clause(string paragraph, string clause, string speakerText)
    {
        var q = Assert.Single(Extract(paragraph).Quotes);
        Assert.Equal((clause, "indirect", speakerText, (string?)null), (q.Text, q.Kind, q.SpeakerText, q.Speaker));
    }

    [Fact]
    public void A_fragment_the_cue_gave_to_the_clause_subject_is_part_of_the_statement()
    {
        var q = Assert.Single(Extract("Senator Anna Berg spoke on Monday. Cruz says he is “effectively tied for second place” with Rubio.").Quotes);
        Assert.Equal(("he is “effectively tied for second place” with Rubio", "mixed", "Cruz"), (q.Text, q.Kind, q.SpeakerText));
    }

    [Fact]
    public void A_contracted_negation_is_the_verb_of_a_reported_clause() =>
        Assert.Equal("her party doesn’t want the plan for the schools",
            Assert.Single(Extract("Senator Anna Berg spoke on Monday. She said her party doesn’t want the plan for the schools.").Quotes).Text);

    [Fact]
    public void A_contracted_pronoun_opens_a_reported_clause() =>
        Assert.Equal("he’s with former secretary of state Hillary Clinton",
            Assert.Single(Extract("Senator Anna Berg spoke on Monday. Murphy said he’s with former secretary of state Hillary Clinton.").Quotes).Text);

    [Fact]
    public void German_reported_speech_runs_on_in_konjunktiv_i_without_a_new_cue()
    {
        var e = Extract("Finanzministerin Anna Berg sprach am Montag. Sie sagte, die Regierung sei bereit. Man werde jeden Arbeitsplatz verteidigen. Die Kritik sei „wohlfeil“.",
            "Das Geld stehe im Haushalt nicht zur Verfügung. Eine Erholung sei frühestens 2028 zu erwarten.");
        Assert.Equal([("die Regierung sei bereit", "indirect"), ("Man werde jeden Arbeitsplatz verteidigen", "indirect"), ("Die Kritik sei „wohlfeil“", "mixed"),
            ("Das Geld stehe im Haushalt nicht zur Verfügung", "indirect"), ("Eine Erholung sei frühestens 2028 zu erwarten", "indirect")], e.Quotes.Select(q => (q.Text, q.Kind)));
        Assert.All(e.Quotes, q => Assert.Equal("Anna Berg", q.Speaker));
    }

    [Theory]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Die Lage sei ernst, sagte Berg. Der Bus fuhr dann ab. Man werde weiter kämpfen.")]
    [InlineData("Finanzministerin Anna Berg sprach am Montag. Die Lage sei ernst, sagte Berg. Ich habe das Geld nicht.")]
    public void Narration_or_the_first_person_breaks_a_konjunktiv_chain(string paragraph) =>
        Assert.Equal(["Die Lage sei ernst"], Extract(paragraph).Quotes.Select(q => q.Text));

    [Fact]
    public void An_as_clause_after_the_statement_names_its_speaker()
    {
        var de = Extract("Die Stadt plant neue Radwege.", "Der Bau solle im Frühjahr beginnen, wie Bürgermeister Jan Wendt am Dienstag mitteilte.");
        Assert.Equal("Jan Wendt", Quote(de, "Der Bau solle").Speaker);
        var en = Extract("The budget talks stalled.", "The vote will slip to March, as Senator Ada Crane told reporters.",
            "Prices rose sharply, as usual in November.");
        Assert.Equal("Ada Crane", Quote(en, "The vote will slip").Speaker);
        Assert.DoesNotContain(en.Quotes, q => q.Text.StartsWith("Prices", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inverted_subject_with_an_article_is_the_speaker_not_a_clause()
    {
        var e = Extract("Die Stadt plant neue Radwege.", "Die Radwege seien zu eng, sagte der Sprecher.",
            "Die Kosten seien zu hoch, kritisierte der Verband.");
        Assert.Equal("der Sprecher", Quote(e, "Die Radwege seien").SpeakerText);
        Assert.Equal("der Verband", Quote(e, "Die Kosten seien").SpeakerText);
    }
}
