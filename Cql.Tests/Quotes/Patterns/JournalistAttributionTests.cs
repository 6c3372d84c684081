using Cql.Engine.Quotes;
using Cql.Tests.Support;
using static Cql.Tests.Quoting.Patterns.PatternTest;

namespace Cql.Tests.Quoting.Patterns;

/// <summary>Speakers as journalists write them (issue 12): the name at the head of a phrase of titles, offices and
/// affiliations, the title kept in speaker_role; bare titles never speakers; joint speakers; terms in marks; the cue's
/// lemma; quotes in boilerplate.</summary>
public class JournalistAttributionTests
{
    [Fact]
    public void An_affiliation_and_office_before_the_name_is_its_role()
    {
        var q = Quote(Extract("The union rejected the offer on Monday.", "“We will not accept this,” said UFCW Local 832 president Jeff Traeger."), "We will not");
        Assert.Equal("Jeff Traeger", q.Speaker);
        Assert.Equal("UFCW Local 832 president", q.SpeakerRole);
    }

    [Theory]
    [InlineData("UFCW Local 832 president Jeff Traeger said the offer was an insult to workers.", "the offer was")]
    [InlineData("UFCW Local 832 president Jeff Traeger said the offer was “an insult” to workers.", "the offer was")]
    public void An_indirect_or_mixed_report_keeps_the_role_as_a_direct_quotation_does(string sentence, string quote)
    {
        var q = Quote(Extract("The union rejected the offer on Monday.", sentence), quote);
        Assert.Equal(("Jeff Traeger", "UFCW Local 832 president"), (q.Speaker, q.SpeakerRole));
    }

    [Theory]
    [InlineData("Mayor Anna Berg, who chairs the transit board, called the plan “dead on arrival.” She said the vote would come in May.")]
    [InlineData("Anna Berg of the Ohio Justice Collective, who represents the plaintiffs, called the plan “dead on arrival.” She said the vote would come in May.")]
    public void A_relative_clause_between_the_subject_and_its_cue_is_passed_over(string sentence)
    {
        // The judge named last before the sentence is not the speaker: the subject stands before ", who …,".
        var q = Assert.Single(Extract("The panel sent the case back to Judge Franklin Osei.", sentence).Quotes, q => q.Text.Contains("dead on arrival", StringComparison.Ordinal));
        Assert.Equal("Anna Berg", q.Speaker);
    }

    [Fact]
    public void A_title_written_short_is_the_role_and_never_the_speaker()
    {
        var q = Quote(Extract("The committee met on Tuesday.", "“This is a disgrace,” said Sen. Richard Blumenthal."), "This is a disgrace");
        Assert.Equal("Richard Blumenthal", q.Speaker);
        Assert.Equal("Sen.", q.SpeakerRole);
        var lt = Quote(Extract("Police closed the road on Tuesday.", "“Stay away from the river,” said St. Charles Police Lt. Tom Wilkison."), "Stay away");
        Assert.Equal("Tom Wilkison", lt.Speaker);
        Assert.Equal("St. Charles Police Lt.", lt.SpeakerRole);
    }

    [Fact]
    public void A_known_person_before_an_office_and_a_name_is_the_affiliation()
    {
        var q = Quote(Extract("The campaign answered on Sunday.", "“The attacks are baseless,” said Trump campaign spokesman Jason Miller."), "The attacks");
        Assert.Equal("Jason Miller", q.Speaker);
        Assert.Equal("Trump campaign spokesman", q.SpeakerRole);
    }

    [Fact]
    public void Names_joined_by_a_conjunction_speak_jointly_one_row_each()
    {
        var e = Extract("Ledarna möttes i Moskva på onsdagen för samtal om kriget och handeln mellan länderna.",
            "”Vi står enade för en rättvisare världsordning”, sade Xi Jinping och Vladimir Putin i ett gemensamt uttalande.");
        var rows = e.Quotes.Where(q => q.Text.StartsWith("Vi står enade", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Vladimir Putin", "Xi Jinping"], rows.Select(q => q.Speaker).Order());
        Assert.All(rows, q => Assert.True(q.Joint));
        Assert.Single(rows.Select(q => q.Range).Distinct());
    }

    [Fact]
    public void Titles_of_works_and_scare_quotes_are_terms_without_a_speaker()
    {
        var e = Extract("Pence defended the plan on “Fox News Sunday” this week, and he said the critics were wrong.",
            "Critics mocked the “sex tape” on Monday. “It is a good plan,” Pence said.");
        Assert.Equal("term", Quote(e, "Fox News Sunday").Kind);
        Assert.Null(Quote(e, "Fox News Sunday").Speaker);
        Assert.Equal("term", Quote(e, "sex tape").Kind);
        Assert.NotEqual("term", Quote(e, "It is a good plan").Kind);
        // German capitalises nouns: two capitalised words after an article are a name in marks.
        var de = Extract("Die Ministerin verteidigte das Vorhaben am Montag im Stadtrat gegen die Kritik der Opposition.",
            "Sie sagte der „Süddeutschen Zeitung“, das Projekt sei für die Stadt wichtig.");
        Assert.Equal("term", Quote(de, "Süddeutschen").Kind);
        // A vessel's or a programme's name after its noun.
        Assert.Equal("term", Quote(Extract("Det opplyses at fergen «Stord» har fått motorstans ved Halhjem i ettermiddag."), "Stord").Kind);
        // A short question is said, not named.
        Assert.NotEqual("term", Quote(Extract("Protesters shouted “What curfew?” at the police."), "What curfew").Kind);
    }

    [Theory]
    [InlineData("«Siamo pronti a collaborare con tutti», ha detto il ministro dell'Economia Giancarlo Giorgetti ai giornalisti.", "Siamo pronti", "dire")]
    [InlineData("«Siamo pronti a collaborare con tutti», ha detto ieri sera a Roma il ministro Giancarlo Giorgetti, dopo il vertice con i sindacati.", "Siamo pronti", "dire")]
    [InlineData("„Wir stehen zusammen“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin vor Journalisten.", "Wir stehen", "sagen")]
    [InlineData("Senator Anna Berg spoke on Monday. She vowed to fight the rule in court.", "to fight", "vow")]
    [InlineData("Ich fordere, dass die Stiftung im nächsten Haushalt unterstützt wird.", "die Stiftung", "fordern")]
    public void The_cue_lemma_joins_the_forms_of_one_verb(string paragraph, string quote, string lemma)
    {
        var q = Quote(Extract(paragraph), quote);
        Assert.Equal(lemma, q.CueLemma);
    }

    [Fact]
    public void A_cue_the_table_does_not_know_keeps_its_words_lower_cased()
    {
        Assert.Equal("bellowed", CueLemmas.Of("Bellowed", "en"));
        Assert.Equal("dire", CueLemmas.Of("Ha detto", "it"));
        Assert.Equal("mitteilen", CueLemmas.Of("teilte am Montag mit", "de"));
    }

    [Fact]
    public void A_suspended_compound_office_reads_to_the_name()
    {
        var q = Quote(Extract("Regeringen fremlagde torsdag en ny klimaplan for Danmark og de kommende år.",
            "“Det er en god dag for Danmark,” sagde klima- og energiminister Lars Aagaard på et pressemøde torsdag."), "Det er en god dag");
        Assert.Equal("Lars Aagaard", q.Speaker);
        Assert.Equal("klima- og energiminister", q.SpeakerRole);
    }

    [Fact]
    public void The_title_in_a_gazetteer_alias_is_the_role()
    {
        var q = Quote(Extract("„Wir stehen zusammen“, sagte Chinas Präsident Xi am Montag in Moskau vor Journalisten."), "Wir stehen");
        Assert.Equal("Xi Jinping", q.Speaker);
        Assert.Equal("Chinas Präsident", q.SpeakerRole);
    }

    [Fact]
    public void An_office_speaking_for_an_unnamed_ministry_is_never_its_adjective()
    {
        var q = Quote(Extract("The government announced new export rules on Monday.",
            "“We are monitoring the situation,” a spokesperson for the German economy ministry said."), "We are monitoring");
        Assert.NotEqual("German", q.Speaker);
        Assert.Equal("a spokesperson for the German economy ministry", q.SpeakerText);
    }

    [Fact]
    public void Datelines_labels_weekdays_and_bare_titles_are_never_speakers()
    {
        var e = Extract("OTTAWA — “We will not back down on this,” the minister told reporters after the vote.");
        Assert.Null(Quote(e, "We will not back down").Speaker);
        var watch = Extract("WATCH: Burnaby RCMP warns of phone scam",
            "Cpl. Mike Kalanj said the calls were fake. “Do not pay anyone,” he said.");
        Assert.Equal("Mike Kalanj", Quote(watch, "Do not pay").Speaker);
        var friday = Extract("Even Friday, “It is a dog whistle to all Americans,” the statement read.");
        Assert.Null(Quote(friday, "It is a dog whistle").Speaker);
    }

    [Fact]
    public void A_name_in_the_possessive_is_the_affiliation_of_the_speaker_after_it()
    {
        var q = Quote(Extract("The campaign answered within the hour.",
            "“He lashed out at our generals,” said Hillary Clinton’s campaign manager Robby Mook."), "He lashed out");
        Assert.Equal("Robby Mook", q.Speaker);
        Assert.Equal("Hillary Clinton’s campaign manager", q.SpeakerRole);
    }

    [Fact]
    public void A_transcript_turn_is_its_labels_speaker()
    {
        var e = Extract("Chris Wallace interviewed Mike Pence on Sunday about the debate.",
            "“WALLACE: Will she be there tomorrow night?", "“PENCE: She will not be attending the debate.");
        Assert.Equal("Chris Wallace", Quote(e, "WALLACE").Speaker);
        Assert.Equal("Mike Pence", Quote(e, "PENCE").Speaker);
    }

    [Fact]
    public void A_pull_quote_signed_with_a_dash_and_a_name_is_that_persons()
    {
        var e = Extract("Readers wrote to us after the debate.", "“He is clueless about the struggles of minorities.” ― Stephanie Egan");
        Assert.Equal("Stephanie Egan", Quote(e, "He is clueless").Speaker);
    }

    [Fact]
    public void A_definite_organisation_noun_is_the_organisation_named_before()
    {
        var e = Extract("Redwood Bank announced on Monday that it would close two plants in Ohio.",
            "“We regret the decision,” the company said in a statement.");
        var q = Quote(e, "We regret");
        Assert.Equal("Redwood Bank", q.Speaker);
        Assert.Equal("the company", q.SpeakerText);
    }

    [Fact]
    public void A_quote_in_a_caption_is_flagged_as_boilerplate()
    {
        // The first Norwegian seed's photo caption repeats Xi's words that the body quotes.
        var text = File.ReadAllText(Directory.GetFiles(RepoPaths.Seeds, "000_*.txt").Single());
        var e = ExtractArticle(text);
        var repeated = e.Quotes.Where(q => q.Text.StartsWith("Siden starten på året", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, repeated.Count);
        Assert.Single(repeated, q => q.InBoilerplate);
        Assert.Contains(e.Quotes, q => !q.InBoilerplate && q.Speaker is not null);
    }
}
