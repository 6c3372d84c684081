using Cql.Engine.Statements;

namespace Cql.Tests.Statements;

/// <summary>The grouping rules one at a time, on quotes made for each.</summary>
public class StatementGrouperTests
{
    static StatementGrouper New() => new(StatementLexicon.Default, name => name == "Kremlin");
    int _next;
    GroupedQuote Q(string text, string? speaker = "Xi Jinping", string lang = "en", string kind = "full", string? date = "2022-06-15", int? doc = null) =>
        new(_next, doc ?? _next++, 1000 + _next, text, speaker, lang, kind, date);

    const string Inch = "NATO will defend every inch of allied territory, and no one should doubt our resolve";
    const string Momentum = "Since the start of this year, bilateral relations have maintained a sound momentum of development in the face of global turmoil";

    [Fact]
    public void A_wire_copy_with_a_small_edit_joins_the_statement()
    {
        var g = New();
        int? a = g.Add(Q(Momentum));
        int? b = g.Add(Q(Momentum.Replace("a sound", "a good")));
        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.Equal(2, g.Statements[a!.Value].Docs);
    }

    [Fact]
    public void A_copy_is_found_by_its_rare_words_when_its_common_ones_fill_the_visit_budget()
    {
        var g = New();
        const string Common = "Economy growth markets prices wages pensions exports";
        int? a = g.Add(Q(Common + ": Stoltenberg praised Tromsø harbour", speaker: "Jens Stoltenberg"));
        // Many later reports (other speakers, so other statements) share the common words: their postings alone are
        // more than one quote may walk and no longer reach the first report; only the rare words, walked first, do.
        for (int k = 0; k < StatementGrouper.PostingsScanned + 10; k++) g.Add(Q(Common, speaker: $"Minister {k}"));
        Assert.Equal(a, g.Add(Q(Common + ": Stoltenberg praised the Tromsø harbour", speaker: "Jens Stoltenberg")));
    }

    [Fact]
    public void A_look_alike_with_different_content_is_a_different_statement()
    {
        var g = New();
        int? a = g.Add(Q("We will never accept any interference in the internal affairs of our country"));
        int? b = g.Add(Q("We will never accept any sanctions against the economy of our partners"));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Reports_whose_numbers_disagree_are_different_statements()
    {
        var g = New();
        int? a = g.Add(Q("Denmark will spend 2.4 percent of its GDP on defence by 2026", speaker: "Mette Frederiksen"));
        Assert.NotEqual(a, g.Add(Q("Denmark will spend 3 percent of its GDP on defence by 2030", speaker: "Mette Frederiksen")));
        Assert.Equal(a, g.Add(Q("Danmark vil bruke 2,4 prosent av BNP på forsvar innen 2026", speaker: "Mette Frederiksen", lang: "no")));
    }

    [Fact]
    public void Numbers_written_in_each_languages_way_agree_and_other_values_do_not()
    {
        var g = New();
        // As digit runs "6.2" and "6.200.000" disagree ("2" against "200" and "000").
        int? a = g.Add(Q("Of the fee, 6.2 million euros went to the agency as a commission", speaker: "FC Vest"));
        Assert.Equal(a, g.Add(Q("Af beløbet gik 6.200.000 euro til agenturet som honorar", speaker: "FC Vest", lang: "da")));
        Assert.Equal(a, g.Add(Q("Av summen gikk 6 200 000 euro til byrået som honorar", speaker: "FC Vest", lang: "no")));
        Assert.NotEqual(a, g.Add(Q("Of the fee, 3,850,000 euros went to the agency as a commission", speaker: "FC Vest")));
    }

    [Fact]
    public void A_report_as_long_as_another_without_its_numbers_is_another_statement_but_a_shorter_fragment_joins()
    {
        // Two claims about one agency: who owns it, and what it was paid. They share its three-word name and "agency".
        const string Owned = "het agentschap Nordlys Talent Group is deels eigendom van de zwager van sportdirecteur Per Vinter";
        const string Paid = "6,2 millions d'euros de l'indemnité ont été versés à l'agence Nordlys Talent Group";
        var g = New();
        int? owned = g.Add(Q(Owned, speaker: null, lang: "nl"));
        Assert.NotEqual(owned, g.Add(Q(Paid, speaker: null, lang: "fr")));
        // The same two without the number would be taken for one statement: the numbers tell them apart.
        var h = New();
        int? ownedAgain = h.Add(Q(Owned, speaker: null, lang: "nl"));
        Assert.Equal(ownedAgain, h.Add(Q(Paid.Replace("6,2 millions", "des millions"), speaker: null, lang: "fr")));
        // A shorter report may leave the numbers out: it is a fragment of the longer one.
        var k = New();
        int? paid = k.Add(Q("Of the fee 6.2 million euros was paid to the agency Nordlys Talent Group as a commission", speaker: "FC Vest"));
        Assert.Equal(paid, k.Add(Q("gik til agenturet Nordlys Talent Group som honorar", speaker: "FC Vest", lang: "da")));
    }

    [Fact]
    public void A_close_translation_joins_its_statement_under_a_wrongly_attributed_speaker_but_a_loose_one_does_not()
    {
        var g = New();
        int? a = g.Add(Q("Keystone is partly owned by the brother-in-law of sporting director Kim Aagaard", speaker: "Avisen Øst"));
        // Extraction took the adjective of "a Danish newspaper" for the speaker.
        Assert.Equal(a, g.Add(Q("Keystone er delvis eid av svogeren til sportsdirektør Kim Aagaard", speaker: "Danish", lang: "no")));
        Assert.NotEqual(a, g.Add(Q("Kim Aagaard har trukket seg som sportsdirektør", speaker: "Danish", lang: "no")));
    }

    [Fact]
    public void A_short_form_of_a_name_is_the_same_speaker_but_another_name_with_its_first_word_is_not()
    {
        var g = New();
        const string Fees = "Our fees are fully in line with the rules of the federation";
        int? a = g.Add(Q(Fees, speaker: "Keystone Sports Management"));
        Assert.Equal(a, g.Add(Q(Fees, speaker: "Keystone")));
        Assert.NotEqual(a, g.Add(Q(Fees, speaker: "Keystone Partners")));
    }

    [Fact]
    public void A_name_spelt_without_its_accents_is_the_same_speaker_but_another_letter_is_not()
    {
        var g = New();
        int? a = g.Add(Q(Inch, speaker: "Johan Ekstrom"));
        const string Norwegian = "NATO vil forsvare hver centimeter av alliert territorium, og ingen skal tvile på vår besluttsomhet";
        Assert.Equal(a, g.Add(Q(Norwegian, speaker: "Johan Ekström", lang: "no")));
        Assert.Equal(a, g.Add(Q(Norwegian, speaker: "Johan Ekstrøm", lang: "no")));
        Assert.NotEqual(a, g.Add(Q(Inch, speaker: "Johan Ekstram")));
    }

    [Fact]
    public void A_title_kept_before_a_name_is_the_same_speaker_but_another_surname_is_not()
    {
        var g = New();
        int? a = g.Add(Q(Inch, speaker: "General Jens Stoltenberg"));
        Assert.Equal(a, g.Add(Q("NATO vil forsvare hver centimeter av alliert territorium, og ingen skal tvile på vår besluttsomhet", speaker: "Jens Stoltenberg", lang: "no")));
        Assert.NotEqual(a, g.Add(Q(Inch, speaker: "Jens Olsen")));
    }

    [Fact]
    public void A_surname_alone_or_after_a_possessive_is_the_same_speaker_but_another_surname_is_not()
    {
        var g = New();
        int? a = g.Add(Q(Inch, speaker: "Jens Stoltenberg"));
        // A fragment joins only a report of the same speaker (a one-word name that differs may join only a copy).
        Assert.Equal(a, g.Add(Q("will defend every inch of allied territory", speaker: "Stoltenberg", kind: "partial")));
        Assert.Equal(a, g.Add(Q("every inch of allied territory, and no one", speaker: "Norway's Stoltenberg", kind: "partial")));
        Assert.NotEqual(a, g.Add(Q("no one should doubt our resolve", speaker: "Olsen", kind: "partial")));
        Assert.NotEqual(a, g.Add(Q(Inch, speaker: "Norway's Kari Olsen")));
    }

    [Fact]
    public void In_one_language_a_few_shared_words_are_not_a_statement()
    {
        var g = New();
        int? part = g.Add(Q("pronta a continuare a fare la sua parte", lang: "it", kind: "partial"));
        Assert.NotEqual(part, g.Add(Q("La parte cinese è pronta a collaborare con la parte russa per premere per lo sviluppo sostenibile", lang: "it")));
    }

    [Fact]
    public void Terms_never_join_statements()
    {
        var g = New();
        Assert.Null(g.Add(Q("special military operation", kind: StatementGrouper.TermKind)));
        int? said = g.Add(Q("special military operation", kind: "partial"));
        Assert.NotNull(said);
        Assert.Null(g.Add(Q("special military operation", kind: StatementGrouper.TermKind)));
        Assert.Single(g.Statements);
        Assert.Equal(1, g.Statements[said!.Value].Reports);
    }

    [Fact]
    public void Two_people_saying_the_same_words_make_two_statements_but_an_organisation_relays()
    {
        var g = New();
        int? xi = g.Add(Q(Momentum));
        Assert.NotEqual(xi, g.Add(Q(Momentum, speaker: "Vladimir Putin")));
        Assert.Equal(xi, g.Add(Q(Momentum, speaker: "Kremlin")));
        Assert.Equal(xi, g.Add(Q(Momentum, speaker: null)));
        Assert.Equal("Xi Jinping", g.Statements[xi!.Value].Speaker);
    }

    [Fact]
    public void Reports_months_apart_are_different_statements()
    {
        var g = New();
        int? june = g.Add(Q(Momentum, date: "2022-06-15"));
        Assert.NotEqual(june, g.Add(Q(Momentum, date: "2022-10-01")));
        Assert.Equal(june, g.Add(Q(Momentum, date: "2022-06")));
        Assert.Equal(june, g.Add(Q(Momentum, date: null)));
        Assert.Equal("2022-06", g.Statements[june!.Value].FirstDate);
    }

    [Fact]
    public void A_fragment_joins_the_statement_it_was_cut_from()
    {
        var g = New();
        int? whole = g.Add(Q(Momentum));
        Assert.Equal(whole, g.Add(Q("bilateral relations have maintained a sound momentum", kind: "partial")));
    }

    /// <summary>A quote in sentence <paramref name="sentence"/> of one English document.</summary>
    static GroupedQuote InSentence(int id, int sentence, string text, string speaker, string kind) => new(id, 0, sentence, text, speaker, "en", kind, null);

    [Fact]
    public void Partial_quotes_of_one_sentence_by_one_speaker_are_one_statement()
    {
        var g = New();
        int? a = g.Add(InSentence(0, 7, "new heights", "Xi Jinping", "partial"));
        int? b = g.Add(InSentence(1, 7, "external uncertainties", "Xi Jinping", "partial"));
        int? c = g.Add(InSentence(2, 8, "fishing quotas", "Xi Jinping", "partial"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Reported_clauses_of_one_sentence_by_one_speaker_are_one_statement_but_two_whole_quotes_are_not()
    {
        // "He said the state would spend NOK 400 million on new equipment and that it would be in place before winter."
        var g = New();
        int? a = g.Add(InSentence(0, 7, "the state would spend NOK 400 million on new equipment", "Even Skjelbred", "indirect"));
        Assert.Equal(a, g.Add(InSentence(1, 7, "the equipment would be in place before next winter", "Even Skjelbred", "mixed")));
        Assert.NotEqual(a, g.Add(InSentence(2, 7, "the airports will close at night", "Siri Lunde", "indirect")));
        // A sentence splitter that missed the boundary between two dash quotes puts both in one sentence.
        int? dash = g.Add(InSentence(3, 9, "Our customers' safety comes before everything else", "Marta Lindqvist", "dash"));
        Assert.NotEqual(dash, g.Add(InSentence(4, 9, "every affected customer gets a new battery free of charge", "Marta Lindqvist", "indirect")));
    }

    [Fact]
    public void A_translation_joins_across_languages()
    {
        var g = New();
        int? de = g.Add(Q("Seit Anfang dieses Jahres haben die bilateralen Beziehungen angesichts globaler Umwälzungen und Transformationen eine solide Entwicklungsdynamik beibehalten", lang: "de"));
        int? it = g.Add(Q("Dall’inizio di quest’anno, le relazioni bilaterali hanno mantenuto un buon slancio di crescita di fronte alle turbolenze e ai cambiamenti globali", lang: "it"));
        Assert.Equal(de, it);
        Assert.Equal(["de", "it"], g.Statements[de!.Value].Langs);
    }

    const string FirstHalf = "Water is no longer a problem of tomorrow";
    const string SecondHalf = "Today we stopped counting droughts and started preparing for them";

    [Fact]
    public void A_report_of_the_whole_merges_the_statements_of_its_halves_and_later_halves_join_the_merged_one()
    {
        var g = New();
        int? first = g.Add(Q(FirstHalf, speaker: "Elena Carrasco"));
        int? second = g.Add(Q(SecondHalf, speaker: "Elena Carrasco"));
        Assert.NotEqual(first, second);
        int? whole = g.Add(Q(FirstHalf + ". " + SecondHalf, speaker: "Elena Carrasco"));
        Assert.Equal(first, whole);
        // Without the merge the second half would join the statement its first report started.
        Assert.Equal(whole, g.Add(Q("we stopped counting droughts and started preparing", speaker: "Elena Carrasco", kind: "partial")));
        // The quotes already given an id keep it: each statement's row counts the reports that carry its id.
        Assert.Equal(3, g.Statements[whole!.Value].Reports);
        Assert.Equal(1, g.Statements[second!.Value].Reports);
    }

    [Fact]
    public void Halves_are_not_merged_by_a_report_of_another_speaker_or_one_that_covers_a_single_half()
    {
        var g = New();
        int? first = g.Add(Q(FirstHalf, speaker: "Elena Carrasco"));
        int? second = g.Add(Q(SecondHalf, speaker: "Elena Carrasco"));
        // The same words by another named speaker are another statement, and link none.
        Assert.NotEqual(first, g.Add(Q(FirstHalf + ". " + SecondHalf, speaker: "Teresa Lobo")));
        Assert.Equal(first, g.Add(Q(FirstHalf + ", she said again", speaker: "Elena Carrasco")));
        Assert.Equal(second, g.Add(Q("we stopped counting droughts and started preparing", speaker: "Elena Carrasco", kind: "partial")));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void An_append_replays_the_merges_so_later_reports_join_the_same_statement()
    {
        var quotes = new[]
        {
            Q(FirstHalf, speaker: "Elena Carrasco"),
            Q(SecondHalf, speaker: "Elena Carrasco"),
            Q(FirstHalf + ". " + SecondHalf, speaker: "Elena Carrasco"),
        };
        var later = Q("we stopped counting droughts and started preparing", speaker: "Elena Carrasco", kind: "partial");
        var whole = New();
        var ids = quotes.Select(q => whole.Add(q)!.Value).ToArray();
        var appended = New();
        for (int i = 0; i < quotes.Length; i++) appended.Replay(quotes[i], ids[i]);
        Assert.Equal(whole.Add(later), appended.Add(later));
        Assert.Equal(ids[0], appended.Add(later));
    }
}
