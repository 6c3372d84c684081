using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>Which paragraphs are the article's own prose, and what the others are.</summary>
public class BoilerplateDetectorTests
{
    const string Body1 = "Statsministeren sier at samarbeidet med Kina er godt, og at regjeringen vil fortsette dialogen i årene som kommer.";
    const string Body2 = "Hun la til at det er viktig å holde kontakten, selv om landene er uenige om mye, og at neste møte blir i Beijing.";
    const string Body3 = "Opposisjonen mener regjeringen har vært for forsiktig, og krever at Stortinget får en redegjørelse før sommeren.";

    /// <summary>The kind of every paragraph of <paramref name="text"/> ("body" for the article's prose).</summary>
    static string[] Kinds(string text)
    {
        var paragraphs = ParagraphSplitter.Split(text);
        var flags = BoilerplateDetector.Classify(text, paragraphs, HeaderDetector.Detect(text, paragraphs));
        Assert.All(flags, f => Assert.Equal(f.IsBoilerplate, f.Kind is not null));
        return flags.Select(f => f.Kind ?? "body").ToArray();
    }

    [Fact]
    public void Every_kind_flagged_on_the_seeds_is_a_documented_kind()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
            foreach (var p in SeedText.Analyze(prefix).Paragraphs)
                if (p.BoilerplateKind is { } kind) Assert.Contains(kind, BoilerplateKind.All);
    }

    static string KindOf(string paragraph) => Kinds($"Tittel på saken\n\n{Body1}\n\n{paragraph}\n\n{Body2}\n\n{Body3}")[2];

    [Fact]
    public void Norwegian_seed_captions_are_flagged_also_one_that_repeats_a_quote()
    {
        var doc = SeedText.Analyze("000");
        string Kind(int p) => doc.Paragraphs[p].BoilerplateKind ?? "body";
        Assert.Equal("caption", Kind(2));   // "Situasjonen i Ukraina var utgangspunktet … Foto: Mikhail Metzel / AP"
        Assert.Equal("caption", Kind(5));   // "«Siden starten på året …», sa Xi … ifølge CNN. Foto: Alexander Zemlianichenko / AP"
        Assert.Equal("caption", Kind(14));  // "Xi har beskrevet Putin … Her er de sammen i Vladivostok i 2018. Foto: POOL New / Reuters"
        Assert.Equal(4, doc.Paragraphs.Count(p => p.Boilerplate) + 1);
        Assert.Equal("body", Kind(0));
        Assert.Equal("body", Kind(6));      // the subheading "Møttes i Beijing"
    }

    [Fact]
    public void Swedish_seed_opens_with_a_caption_then_the_title_and_has_an_elision()
    {
        var doc = SeedText.Analyze("001");
        Assert.Equal(["caption", "title", "body", "body", "body", "ellipsis", "body"],
            doc.Paragraphs.Take(7).Select(p => p.BoilerplateKind ?? "body"));
        Assert.All(doc.Paragraphs.Skip(7), p => Assert.False(p.Boilerplate));
    }

    [Fact]
    public void Norwegian_seed_with_a_german_banner_has_title_banner_repeated_title_and_a_contributor_byline()
    {
        var doc = SeedText.Analyze("002");
        string Kind(int p) => doc.Paragraphs[p].BoilerplateKind ?? "body";
        Assert.Equal("title", Kind(0));
        Assert.Equal("Transparenz: Redaktionell erstellt und geprüft.", doc.Paragraphs[1].Range.Slice(doc.Text));
        Assert.Equal("banner", Kind(1));
        Assert.Equal("banner", Kind(2));           // "Veröffentlicht am", its date missing
        Assert.Equal("body", Kind(3));
        Assert.Equal("repeated_title", Kind(4));
        Assert.Equal("byline", Kind(doc.Paragraphs.Count - 1));  // "Denne artikkelen ble medforfatter av CNNs Betsy Klein og Fred He."
        Assert.Equal(5, doc.Paragraphs.Count(p => p.Boilerplate));
    }

    [Fact]
    public void German_seed_ends_with_an_author_bio_and_a_list_of_other_stories()
    {
        var doc = SeedText.Analyze("003");
        var kinds = doc.Paragraphs.Select(p => p.BoilerplateKind ?? "body").ToArray();
        Assert.Equal(["body", "bio", "related_links", "related_links", "related_links", "related_links"], kinds[17..]);
        Assert.All(kinds[..17], k => Assert.Equal("body", k));
    }

    [Fact]
    public void Italian_seed_is_a_title_and_body()
    {
        var doc = SeedText.Analyze("004");
        Assert.Equal("title", doc.Paragraphs[0].BoilerplateKind);
        Assert.All(doc.Paragraphs.Skip(1), p => Assert.False(p.Boilerplate));
    }

    [Theory]
    [InlineData("Foto: NTB")]
    [InlineData("(Foto: Reuters)")]
    [InlineData("Photo: AP Photo/Evan Vucci")]
    [InlineData("Bild: dpa")]
    [InlineData("REUTERS/Maxim Shemetov")]
    [InlineData("Statsministeren på pressekonferansen i Oslo. Foto: Ole Berg-Rusten / NTB")]
    [InlineData("Xi Jinping und Wladimir Putin in Moskau (Bild: kremlin.ru, CC BY 4.0)")]
    [InlineData("Xi Jinping e Vladimir Putin a Mosca. Foto di Alexander Zemlianichenko")]
    public void Photo_credits_and_short_captions_with_a_credit_are_captions(string paragraph) =>
        Assert.Equal("caption", KindOf(paragraph));

    [Fact]
    public void A_dash_quote_that_ends_with_a_credit_stays_body() =>
        Assert.Equal("body", KindOf("– Vi må samarbeide tettere med Kina om klima og handel, sier statsministeren. Foto: NTB"));

    /// <summary>Issue 12: a caption that quotes someone is a caption; its quote is still extracted, flagged
    /// in_boilerplate, so a statement repeated under a photo is not counted twice.</summary>
    [Fact]
    public void A_short_quote_in_marks_that_ends_with_a_credit_is_a_caption() =>
        Assert.Equal("caption", KindOf("«Vi må samarbeide tettere med Kina om klima og handel», sier statsministeren til NRK. Foto: NTB"));

    [Fact]
    public void A_long_body_paragraph_that_ends_with_a_credit_stays_body()
    {
        var paragraph = string.Join(" ", Enumerable.Repeat(Body1, 5)) + " Foto: NTB";
        Assert.Equal("body", KindOf(paragraph));
    }

    [Theory]
    [InlineData("Av Ola Nordmann")]
    [InlineData("Av Ola Nordmann og Kari Nordmann, NTB")]
    [InlineData("Von Max Mustermann, dpa")]
    [InlineData("By Jane Doe and John Roe")]
    [InlineData("Di Mario Rossi")]
    [InlineData("Par Jean Dupont")]
    [InlineData("Tekst: Ola Nordmann")]
    [InlineData("(NTB)")]
    [InlineData("Av Ola Nordmann | 9. januar 2025")]
    public void Bylines_are_flagged(string paragraph) => Assert.Equal("byline", KindOf(paragraph));

    [Theory]
    [InlineData("Di Maio ha detto che il governo è pronto.")]
    [InlineData("By Monday, the talks had collapsed.")]
    [InlineData("Av hensyn til sikkerheten ble møtet flyttet.")]
    [InlineData("Von der Leyen sagte, Europa stehe zusammen.")]
    [InlineData("Av Kinas 1,4 milliarder innbyggere bor de fleste i byene")]
    [InlineData("Par Moscou, la Russie a répondu.")]
    public void Sentences_that_start_like_bylines_stay_body(string paragraph) => Assert.Equal("body", KindOf(paragraph));

    [Theory]
    [InlineData("Annonse")]
    [InlineData("Anzeige")]
    [InlineData("Artikkelen er over ett år gammel")]
    [InlineData("This article is more than 2 years old")]
    [InlineData("Lesetid: 3 min")]
    [InlineData("Del artikkelen")]
    [InlineData("Lytt til saken")]
    [InlineData("Transparenz: Redaktionell erstellt und geprüft.")]
    [InlineData("Veröffentlicht am")]
    [InlineData("Abonner på nyhetsbrevet vårt")]
    [InlineData("© 2024 NTB")]
    [InlineData("Updated 3 hours ago")]
    [InlineData("Oppdatert for 5 minutter siden")]
    [InlineData("Aktualisiert vor 2 Stunden")]
    [InlineData("Bilde 1 av 5")]
    public void Site_notices_are_banners(string paragraph) => Assert.Equal("banner", KindOf(paragraph));

    [Theory]
    [InlineData("Anzeige gegen Putin erstattet")]
    [InlineData("Copyright-loven ble endret i fjor")]
    [InlineData("Live-sendingen ble avbrutt")]
    [InlineData("Siste nytt: Putin har landet i Beijing")]
    public void Prose_that_starts_with_a_banner_word_stays_body(string paragraph) => Assert.Equal("body", KindOf(paragraph));

    [Fact]
    public void A_link_list_under_its_heading_is_related_links_until_the_prose_resumes()
    {
        var text = $"Tittel på saken\n\n{Body1}\n\nLes også:\n\nPutin ringte Xi på bursdagen\n\nKina og Russland styrker samarbeidet\n\n{Body2}\n\n{Body3}";
        Assert.Equal(["title", "body", "related_links", "related_links", "related_links", "body", "body"], Kinds(text));
    }

    [Theory]
    [InlineData("Les også: Putin ringte Xi på bursdagen")]
    [InlineData("Läs också: Xi stärker stödet för Putin")]
    [InlineData("Lesen Sie auch: Xi telefoniert mit Putin")]
    [InlineData("Leggi anche: Xi chiama Putin")]
    [InlineData("Lire aussi : Xi appelle Poutine")]
    [InlineData("Read more: Xi calls Putin")]
    public void A_link_heading_with_its_link_is_related_links(string paragraph) => Assert.Equal("related_links", KindOf(paragraph));

    [Theory]
    [InlineData("Ola Nordmann er journalist i Dagbladet og har dekket Kina siden 2015.")]
    [InlineData("Jane Doe is a senior correspondent for the BBC in Beijing.")]
    [InlineData("Spieler. Bedauerliche Twitter-Lehrer. Zombie-Pioniere. Internet-Fanatiker.")]
    [InlineData("Følg Ola Nordmann på X: @olanordmann")]
    public void Author_bios_at_the_end_are_bio(string paragraph)
    {
        var text = $"Tittel på saken\n\n{Body1}\n\n{Body2}\n\n{Body3}\n\n{paragraph}";
        Assert.Equal("bio", Kinds(text)[^1]);
    }

    [Fact]
    public void The_paragraph_under_an_about_the_author_heading_is_bio()
    {
        var text = $"Tittel på saken\n\n{Body1}\n\n{Body2}\n\n{Body3}\n\nOm forfatteren\n\nOla har skrevet om Kina i tjue år og bor i Shanghai.\n\nLes også:\n\nPutin ringte Xi";
        Assert.Equal(["title", "body", "body", "body", "bio", "bio", "related_links", "related_links"], Kinds(text));
    }

    [Fact]
    public void Short_lines_of_dialogue_at_the_end_are_not_a_bio()
    {
        var text = $"Titre de l'article\n\n{Body1}\n\n{Body2}\n\n« Allons-nous gagner ? » a demandé Poutine. « Oui ! » a répondu Xi.";
        Assert.Equal("body", Kinds(text)[^1]);
    }

    [Fact]
    public void A_bio_like_sentence_in_the_body_is_reporting()
    {
        var text = $"Tittel på saken\n\nOla Nordmann er journalist i Dagbladet og ble arrestert i Beijing.\n\n{Body1}\n\n{Body2}\n\n{Body3}\n\n{Body1}\n\n{Body2}";
        Assert.Equal("body", Kinds(text)[1]);
    }

    [Fact]
    public void Date_lines_are_datelines_and_elisions_and_separators_have_their_own_kinds()
    {
        var text = $"Tittel på saken\n\nPublisert 9. januar 2025 kl. 14.32\n\n{Body1}\n\n(…)\n\n{Body2}\n\n* * *\n\n{Body3}";
        Assert.Equal(["title", "dateline", "body", "ellipsis", "body", "separator", "body"], Kinds(text));
    }

    [Fact]
    public void The_title_repeated_later_is_repeated_title_even_with_other_spacing_or_a_full_stop()
    {
        var text = $"Xi og Putin feirer tette bånd\n\n{Body1}\n\nXi og  Putin feirer tette bånd.\n\n{Body2}";
        Assert.Equal(["title", "body", "repeated_title", "body"], Kinds(text));
    }

    [Fact]
    public void Subheadings_are_the_articles_own_words()
    {
        var text = $"Tittel på saken\n\n{Body1}\n\nMøttes i Beijing\n\n{Body2}\n\nUSA følger med\n\n{Body3}";
        Assert.Equal(["title", "body", "body", "body", "body", "body"], Kinds(text));
    }
}
