using Cql.Engine.Core;
using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>Sentences as a careful reader would mark them, in the languages CQL ingests.</summary>
public class SentenceSplitterTests
{
    static string[] Sentences(string paragraph, string lang = "und")
    {
        var ranges = new List<TextRange>();
        SentenceSplitter.Split(paragraph, new TextRange(0, paragraph.Length), lang, ranges);
        return ranges.Select(r => r.Slice(paragraph)).ToArray();
    }

    [Fact]
    public void Full_stops_question_and_exclamation_marks_end_sentences()
    {
        Assert.Equal(["Putin ringte.", "Xi svarte!", "Hva sa de?", "Ingen vet."], Sentences("Putin ringte. Xi svarte! Hva sa de? Ingen vet.", "no"));
        Assert.Equal(["Virkelig?!", "Ja."], Sentences("Virkelig?! Ja."));
    }

    [Theory]
    [InlineData("de", "Es gibt z. B. Gespräche mit Russland. Die Lage ist ernst.", "Es gibt z. B. Gespräche mit Russland.")]
    [InlineData("de", "Es gibt z.B. Gespräche mit Russland. Die Lage ist ernst.", "Es gibt z.B. Gespräche mit Russland.")]
    [InlineData("de", "Das gilt für Kiew bzw. Moskau. Die Lage ist ernst.", "Das gilt für Kiew bzw. Moskau.")]
    [InlineData("de", "Das sind d. h. Gespräche unter Gleichen. Die Lage ist ernst.", "Das sind d. h. Gespräche unter Gleichen.")]
    [InlineData("de", "Es kamen ca. 300 Menschen. Die Lage ist ernst.", "Es kamen ca. 300 Menschen.")]
    [InlineData("no", "Det gjelder f.eks. Kina og Russland. Saken er alvorlig.", "Det gjelder f.eks. Kina og Russland.")]
    [InlineData("no", "Han møtte bl.a. Xi og Putin. Saken er alvorlig.", "Han møtte bl.a. Xi og Putin.")]
    [InlineData("no", "Det er dvs. Kina som bestemmer. Saken er alvorlig.", "Det er dvs. Kina som bestemmer.")]
    [InlineData("sv", "De möttes t.ex. Peking och Moskva. Saken är allvarlig.", "De möttes t.ex. Peking och Moskva.")]
    [InlineData("en", "Dr. Smith met Mr. Jones in St. Petersburg. They talked.", "Dr. Smith met Mr. Jones in St. Petersburg.")]
    [InlineData("en", "Leaders, e.g. Xi and Putin, met. They talked.", "Leaders, e.g. Xi and Putin, met.")]
    [InlineData("it", "Ha parlato il sig. Rossi con Putin. La situazione è grave.", "Ha parlato il sig. Rossi con Putin.")]
    [InlineData("und", "Han møtte bl.a. Xi og Putin. Saken er alvorlig.", "Han møtte bl.a. Xi og Putin.")]
    [InlineData("pl", "Handel wzrósł o ok. 30 proc. Rozmowa trwała np. godzinę.", "Handel wzrósł o ok. 30 proc.")]
    [InlineData("en", "Handel wzrósł o ok. 30 proc. Rozmowa trwała np. godzinę.", "Handel wzrósł o ok. 30 proc.")]
    public void Abbreviations_do_not_end_sentences(string lang, string text, string firstSentence)
    {
        var s = Sentences(text, lang);
        Assert.Equal(2, s.Length);
        Assert.Equal(firstSentence, s[0]);
    }

    [Theory]
    [InlineData("it", "Erano presenti Cina, Russia, India ecc. Poi arrivò Xi.")]
    [InlineData("de", "Es ging um Energie, Finanzen usw. Dann sprach Xi.")]
    [InlineData("no", "De snakket om energi, finans osv. Deretter talte Xi.")]
    [InlineData("en", "They discussed energy, finance, etc. Then Xi spoke.")]
    public void A_list_ender_at_the_end_of_a_sentence_ends_it(string lang, string text) =>
        Assert.Equal(2, Sentences(text, lang).Length);

    [Fact]
    public void Initialisms_end_a_sentence_only_before_a_sentence_opener()
    {
        Assert.Equal(["He moved to the U.S. Senate last year."], Sentences("He moved to the U.S. Senate last year.", "en"));
        Assert.Equal(["He moved to the U.S.", "He liked it."], Sentences("He moved to the U.S. He liked it.", "en"));
    }

    [Fact]
    public void An_acronym_after_an_initialism_is_no_sentence_opener() =>
        Assert.Single(Sentences("Published March 3, 2024, 10:15 a.m. ET", "en"));

    [Theory]
    [InlineData("it")]
    [InlineData("und")]
    public void Titles_that_are_no_word_anywhere_work_whatever_the_language_verdict(string lang)
    {
        // Language identification may call a Spanish or Dutch paragraph Italian, or nothing at all.
        Assert.Equal(["La Dra. López habló con el presidente.", "Nadie lo sabe."], Sentences("La Dra. López habló con el presidente. Nadie lo sabe.", lang));
        Assert.Equal(["Dhr. Rutte reageerde niet.", "Zij spraken bijv. over energie."], Sentences("Dhr. Rutte reageerde niet. Zij spraken bijv. over energie.", lang));
    }

    [Fact]
    public void Words_that_are_abbreviations_in_one_language_are_words_in_another()
    {
        // Danish "sig" is a pronoun; Italian "sig." is signor.
        Assert.Equal(["Han satte sig.", "Derefter talte Xi."], Sentences("Han satte sig. Derefter talte Xi.", "da"));
        // Norwegian "sen" means late; English "Sen." is a senator.
        Assert.Equal(["Han kom for sen.", "Møtet var over."], Sentences("Han kom for sen. Møtet var over.", "no"));
        Assert.Single(Sentences("Sen. Warren spoke.", "en"));
    }

    [Theory]
    [InlineData("de", "Anlässlich seines 69. Geburtstages versprach Xi Hilfe.")]
    [InlineData("de", "Das Treffen findet am 15. Juni statt.")]
    [InlineData("de", "Am 3. Oktober feiert man die Einheit.")]
    [InlineData("no", "Møtet er den 3. mars i Oslo.")]
    [InlineData("no", "Han kom på 2. plass i løpet.")]
    [InlineData("da", "Mødet er den 9. januar i København.")]
    public void Dotted_ordinals_do_not_end_sentences(string lang, string text) => Assert.Single(Sentences(text, lang));

    [Fact]
    public void A_year_at_the_end_of_a_sentence_ends_it()
    {
        Assert.Equal(["Her er de sammen i Vladivostok i 2018.", "Foto: POOL New / Reuters"],
            Sentences("Her er de sammen i Vladivostok i 2018. Foto: POOL New / Reuters", "no"));
        Assert.Equal(["Das Ergebnis war 3.", "Die Mannschaft jubelte."], Sentences("Das Ergebnis war 3. Die Mannschaft jubelte.", "de"));
    }

    [Theory]
    [InlineData("J. R. R. Tolkien skrev boken. Den ble populær.", "J. R. R. Tolkien skrev boken.")]
    [InlineData("President George W. Bush met Putin. They talked.", "President George W. Bush met Putin.")]
    [InlineData("Die Autorin A. Merkel schrieb. Dann kam Xi.", "Die Autorin A. Merkel schrieb.")]
    public void Initials_do_not_end_sentences(string text, string firstSentence)
    {
        var s = Sentences(text);
        Assert.Equal(2, s.Length);
        Assert.Equal(firstSentence, s[0]);
    }

    [Fact]
    public void A_single_letter_after_a_lower_case_word_can_end_a_sentence() =>
        Assert.Equal(["De valgte plan B.", "Han var fornøyd."], Sentences("De valgte plan B. Han var fornøyd.", "no"));

    [Fact]
    public void Numbers_with_dots_do_not_end_sentences()
    {
        Assert.Single(Sentences("Veksten var 3.5 prosent i fjor, og 1.000 mennesker mistet jobben.", "no"));
        Assert.Single(Sentences("(Bild: kremlin.ru, CC BY 4.0 , via Wikimedia Commons)", "sv"));
    }

    [Theory]
    [InlineData("no", "«Vi må samarbeide», sa hun. Han nikket.", "«Vi må samarbeide», sa hun.")]
    [InlineData("no", "«Kommer du?» spurte hun. Han nikket.", "«Kommer du?» spurte hun.")]
    [InlineData("en", "“We will win,” he said. The crowd cheered.", "“We will win,” he said.")]
    [InlineData("en", "“Will we win?” Smith asked. The crowd cheered.", "“Will we win?” Smith asked.")]
    [InlineData("de", "„Kommst du?“, fragte sie. Er nickte.", "„Kommst du?“, fragte sie.")]
    [InlineData("fr", "« Nous gagnerons ! » a-t-il dit. La foule applaudit.", "« Nous gagnerons ! » a-t-il dit.")]
    [InlineData("it", "“Vinceremo!” ha detto Xi. La folla applaude.", "“Vinceremo!” ha detto Xi.")]
    public void Quoted_speech_and_its_attribution_are_one_sentence(string lang, string text, string firstSentence)
    {
        var s = Sentences(text, lang);
        Assert.Equal(2, s.Length);
        Assert.Equal(firstSentence, s[0]);
    }

    [Theory]
    [InlineData("Ifølge Kreml var tonen «varm og hjertelig.» Samtalen varte en time.", "Ifølge Kreml var tonen «varm og hjertelig.»")]
    [InlineData("The talks were “a success.” Both sides agreed.", "The talks were “a success.”")]
    [InlineData("Der Präsident verwies auf „äußere Kräfte.“ Danach sprach Putin.", "Der Präsident verwies auf „äußere Kräfte.“")]
    [InlineData("Han sa att det var ”en seger.” Sedan talade Putin.", "Han sa att det var ”en seger.”")]
    [InlineData("Il a parlé d'une « victoire. » Ensuite, Poutine a parlé.", "Il a parlé d'une « victoire. »")]
    [InlineData("Han kom sent (som vanlig.) Møtet startet.", "Han kom sent (som vanlig.)")]
    public void A_sentence_ending_inside_quotes_or_brackets_ends_after_the_closing_mark(string text, string firstSentence)
    {
        var s = Sentences(text);
        Assert.Equal(2, s.Length);
        Assert.Equal(firstSentence, s[0]);
    }

    [Fact]
    public void A_quotation_of_several_sentences_is_split_inside_it()
    {
        Assert.Equal(["«Vi må samarbeide.", "Det er viktig for oss alle», sa hun."],
            Sentences("«Vi må samarbeide. Det er viktig for oss alle», sa hun.", "no"));
    }

    [Fact]
    public void Dash_quotes_are_sentences_like_any_other()
    {
        Assert.Equal(["– Kina vil fortsette å støtte Russland i saker som handler om kjerneinteresser, skal Xi ha sagt, ifølge statlige kinesiske medier."],
            Sentences("– Kina vil fortsette å støtte Russland i saker som handler om kjerneinteresser, skal Xi ha sagt, ifølge statlige kinesiske medier.", "no"));
        Assert.Equal(["– Vi må samarbeide.", "Det er viktig, sier hun."], Sentences("– Vi må samarbeide. Det er viktig, sier hun.", "no"));
        Assert.Equal(["Hun var tydelig.", "– Vi må samarbeide, sier hun."], Sentences("Hun var tydelig. – Vi må samarbeide, sier hun.", "no"));
    }

    [Fact]
    public void Ellipses_end_sentences_only_before_a_new_sentence()
    {
        Assert.Single(Sentences("“La Cina è pronta a collaborare con la Russia per promuovere l’unità… e per spostare l’ordine internazionale”, ha affermato.", "it"));
        Assert.Equal(["Og så…", "Ingenting skjedde."], Sentences("Og så… Ingenting skjedde.", "no"));
        Assert.Equal(["Han sa (…) at det var over."], Sentences("Han sa (…) at det var over.", "no"));
        Assert.Equal(["Og så...", "Ingenting skjedde."], Sentences("Og så... Ingenting skjedde.", "no"));
    }

    [Fact]
    public void A_lower_case_word_after_a_question_mark_starts_a_new_sentence_unless_it_attributes()
    {
        Assert.Equal(["Hva skjer nå?", "ingen vet det."], Sentences("Hva skjer nå? ingen vet det.", "no"));
        Assert.Single(Sentences("Hvorfor? spurte hun.", "no"));
        Assert.Single(Sentences("Why? he asked.", "en"));
        Assert.Single(Sentences("Yahoo! announced a deal.", "en"));
        Assert.Equal(["Was kostet das?", "iPhone-Käufer fragen sich das."], Sentences("Was kostet das? iPhone-Käufer fragen sich das.", "de"));
    }

    [Fact]
    public void Sentences_in_caseless_scripts_start_after_a_full_stop()
    {
        Assert.Equal(["Ha usato nella sua telefonata al presidente Joe a marzo.", "பிடன்."], Sentences("Ha usato nella sua telefonata al presidente Joe a marzo. பிடன்.", "it"));
    }

    [Fact]
    public void A_heading_without_final_punctuation_is_one_sentence()
    {
        Assert.Equal(["Møttes i Beijing"], Sentences("Møttes i Beijing", "no"));
    }

    [Fact]
    public void A_list_number_does_not_end_a_sentence() =>
        Assert.Single(Sentences("1. Kina og Russland styrker samarbeidet.", "no"));

    [Fact]
    public void A_stray_quotation_mark_joins_the_sentence_before_it()
    {
        Assert.Equal(["Die Politik ist komplizierter geworden. „"], Sentences("Die Politik ist komplizierter geworden. „", "de"));
    }

    [Fact]
    public void A_missing_space_after_a_full_stop_still_separates_sentences()
    {
        Assert.Equal(["Møtet er slutt.", "Neste møte er i mai."], Sentences("Møtet er slutt.Neste møte er i mai.", "no"));
        Assert.Single(Sentences("Se mer på www.Example.com for detaljer.", "no"));
    }

    [Fact]
    public void Sentences_lie_inside_the_paragraph_and_cover_its_text_in_order()
    {
        var text = "Før.  \n\n  Xi og Putin møttes. «Vi er venner», sa Xi. \n Slutt.  \n\nEtter.";
        int start = text.IndexOf("Xi", StringComparison.Ordinal), end = text.IndexOf("Slutt.", StringComparison.Ordinal) + 6;
        var ranges = new List<TextRange> { new(0, 4) };
        SentenceSplitter.Split(text, new TextRange(start, end), "no", ranges);
        Assert.Equal(new TextRange(0, 4), ranges[0]);
        Assert.Equal(["Xi og Putin møttes.", "«Vi er venner», sa Xi.", "Slutt."], ranges.Skip(1).Select(r => r.Slice(text)));
    }

    [Fact]
    public void Sentences_of_random_paragraphs_cover_all_non_blank_text_once_in_order()
    {
        var rng = new Random(7);
        string[] pieces = ["Ord", "ord", " ", " ", "\n", ". ", "? ", "! ", "…", "«", "» ", "“", "” ", "„", "(", ")", "1", "69", ".", "z. B.", "Dr.", "U.S.", "– ", ",", "J."];
        foreach (var lang in new[] { "no", "de", "en", "und" })
            for (int n = 0; n < 400; n++)
            {
                var text = string.Concat(Enumerable.Range(0, rng.Next(1, 30)).Select(_ => pieces[rng.Next(pieces.Length)]));
                var (s, e) = (0, text.Length);
                while (s < e && char.IsWhiteSpace(text[s])) s++;
                while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                if (s == e) continue;
                var ranges = new List<TextRange>();
                SentenceSplitter.Split(text, new TextRange(s, e), lang, ranges);
                int pos = s;
                foreach (var r in ranges)
                {
                    Assert.True(r.Start >= pos && r.End > r.Start && r.End <= e, $"bad range {r} in [{text}]");
                    Assert.True(string.IsNullOrWhiteSpace(text[pos..r.Start]), $"skipped text before {r} in [{text}]");
                    Assert.False(char.IsWhiteSpace(text[r.Start]) || char.IsWhiteSpace(text[r.End - 1]), $"untrimmed {r} in [{text}]");
                    pos = r.End;
                }
                Assert.True(string.IsNullOrWhiteSpace(text[pos..e]), $"skipped text at the end of [{text}]");
            }
    }
}
