using Cql.Engine.Core;
using System.Diagnostics;
using Cql.Engine.Ingest;
using Cql.Engine.Quotes;
using Cql.Engine.Text;

namespace Cql.Tests.Quoting;

/// <summary>What a user relies on from quote extraction, one behaviour a test: conventions of marks, broken marks,
/// attribution traps, coreference, entities, the language callback, boilerplate, threads and linear time.</summary>
public class QuoteExtractorTests
{
    static readonly QuoteExtractor Extractor = new(Gazetteer.Default);

    static QuoteExtraction Extract(string text) => Extract(DocumentAnalyzer.Analyze("test.txt", text));

    /// <summary>Extracts with an analysis context of its own, as each ingest worker has.</summary>
    static QuoteExtraction Extract(AnalyzedDocument doc) => Extractor.Extract(doc, new AnalysisContext().Quotes);

    static ExtractedQuote Quote(QuoteExtraction e, string startsWith) =>
        e.Quotes.Single(q => q.Text.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void Every_convention_of_marks_is_read_and_apostrophes_are_not_marks()
    {
        var e = Extract("""
            Title line

            Han sa «norsk stil» om l’Ucraina. Hun sa »dansk stil« om Moscow’s plan.

            Er nannte es „deutsch“ und ‚einfach‘. Hon kallade det ”svenskt” och sa “english” and "plain".

            Il a dit « français » et ‹ guillemets simples ›. They don’t call it 'straight' in the leaders’ meeting.
            """);
        Assert.Equal(["norsk stil", "dansk stil", "deutsch", "einfach", "svenskt", "english", "plain", "français", "guillemets simples", "straight"],
            e.Quotes.Select(q => q.Text));
    }

    [Fact]
    public void Transcript_turns_are_the_labelled_guests_words_and_the_host_is_the_journalist()
    {
        var e = Extract("""
            Interview with the mayor

            Mayor Helen Varga spoke to us about the budget.

            HOST: Mayor, is the budget balanced?

            VARGA: (LAUGHS) It is balanced for the first time in a decade.

            We cut nothing that people use every day.

            HOST: And the pools?

            VARGA: The pools stay open all summer.

            The council votes on Monday. Varga said she expects a majority.
            """);
        Assert.Equal("Helen Varga", Quote(e, "It is balanced").Speaker);
        Assert.Equal("Helen Varga", Quote(e, "We cut nothing").Speaker);
        Assert.Equal("Helen Varga", Quote(e, "The pools stay open").Speaker);
        Assert.DoesNotContain(e.Quotes, q => q.Text.Contains("budget balanced", StringComparison.Ordinal) || q.Text.Contains("council votes", StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_offsets_point_at_the_quoted_words_without_their_marks()
    {
        const string text = "Ein Titel\n\n„Wir sind bereit“, sagte Olaf Scholz am Montag.";
        var q = Assert.Single(Extract(text).Quotes);
        Assert.Equal("Wir sind bereit", text[q.Range.Start..q.Range.End]);
        Assert.Equal(q.Text, text[q.Range.Start..q.Range.End]);
    }

    [Fact]
    public void A_mark_never_closed_does_not_swallow_the_rest_of_the_document()
    {
        var e = Extract("""
            Overskrift

            Statsministeren sa at regjeringen vil «gjøre alt som trengs. Det er ikke nok, mener opposisjonen.

            «Vi krever svar», sier Per Hansen.

            Han la til at saken er «alvorlig».
            """);
        var broken = Quote(e, "gjøre alt");
        Assert.Equal("gjøre alt som trengs.", broken.Text);
        Assert.Equal("Per Hansen", Quote(e, "Vi krever svar").Speaker);
        // "Han la til at saken er «alvorlig»": one mixed statement, its fragment inside.
        Assert.Equal(("mixed", "Per Hansen"), (Quote(e, "saken er «alvorlig»").Kind, Quote(e, "saken er").Speaker));
    }

    [Fact]
    public void A_broken_low_mark_closes_a_German_quote()
    {
        var e = Extract("Titel\n\nDer Minister sagte: „Wir handeln im Interesse aller Bürger. „ Die Opposition widersprach.");
        Assert.Equal("Wir handeln im Interesse aller Bürger.", Assert.Single(e.Quotes).Text);
    }

    [Fact]
    public void Nested_quotes_are_rows_of_their_own()
    {
        var e = Extract("Title\n\n“My neighbour calls our street ‘the rubbish tip’,” said Janet Hughes.");
        Assert.Equal("Janet Hughes", Quote(e, "My neighbour").Speaker);
        var inner = Quote(e, "the rubbish tip");
        Assert.Equal("partial", inner.Kind);
        Assert.Null(inner.Speaker);
    }

    [Fact]
    public void A_dash_quote_is_attributed_to_the_speaker_after_it_and_continues_to_the_next_dash_paragraph()
    {
        var e = Extract("""
            Ny plan for Oslo

            – Vi må bygge flere boliger, sier byrådsleder Eirik Lae Solberg til NTB.

            – Og vi må gjøre det raskt.

            Opposisjonen er skeptisk.

            – Dette er ikke nok.
            """);
        var first = Quote(e, "Vi må bygge");
        Assert.Equal(("dash", "Eirik Lae Solberg", "sier", "NTB"), (first.Kind, first.Speaker, first.Cue, first.Via));
        Assert.Equal("Vi må bygge flere boliger", first.Text);
        Assert.Equal("Eirik Lae Solberg", Quote(e, "Og vi må").Speaker);
        // Narration intervenes: nobody is named for the last one.
        Assert.Null(Quote(e, "Dette er ikke nok").Speaker);
    }

    [Fact]
    public void The_outlet_a_speaker_talks_to_is_the_medium_never_the_speaker()
    {
        var e = Extract("""
            Title

            “Prices will fall,” Anna Berg told Reuters on Monday.

            „Wir bleiben dabei“, sagte Thomas Weber der dpa.

            «Det er feil», sier Ola Nordmann til NTB.
            """);
        Assert.Equal(("Anna Berg", "Reuters"), (Quote(e, "Prices").Speaker, Quote(e, "Prices").Via));
        Assert.Equal(("Thomas Weber", "dpa"), (Quote(e, "Wir bleiben").Speaker, Quote(e, "Wir bleiben").Via));
        Assert.Equal(("Ola Nordmann", "NTB"), (Quote(e, "Det er feil").Speaker, Quote(e, "Det er feil").Via));
    }

    [Fact]
    public void Impersonal_reports_name_nobody()
    {
        var e = Extract("""
            Titel

            Aus Regierungskreisen hieß es, eine Einigung sei „in greifbarer Nähe“.

            It was reported that the talks had reached “a critical stage”.

            Förslaget uppges vara ”helt klart”.
            """);
        Assert.All(e.Quotes, q => Assert.Null(q.Speaker));
        Assert.Equal(3, e.Quotes.Count);
    }

    [Fact]
    public void Surnames_pronouns_and_offices_resolve_to_the_full_name_met_before()
    {
        var e = Extract("""
            Strid om skatt

            Finansminister Lars Kjeldsen la fram budsjettet tirsdag.

            «Dette er et ansvarlig budsjett», sier Kjeldsen.

            Han la til at skattene «ikke skal øke».

            Opposisjonsleder Mona Dahl er uenig. «Budsjettet er urettferdig», sier hun.

            «Vi står fast», gjentok finansministeren.
            """);
        Assert.Equal("Lars Kjeldsen", Quote(e, "Dette er").Speaker);
        Assert.Equal("Lars Kjeldsen", Quote(e, "skattene «ikke skal øke»").Speaker);
        Assert.Equal("Mona Dahl", Quote(e, "Budsjettet").Speaker);
        Assert.Equal("Lars Kjeldsen", Quote(e, "Vi står").Speaker);
    }

    [Fact]
    public void Known_people_are_named_canonically_whatever_alias_the_article_uses()
    {
        var e = Extract("Titel\n\n„Wir stehen zusammen“, sagte der russische Präsident am Montag. Chinas Präsident antwortete: „Wir auch.“");
        Assert.Equal("Vladimir Putin", Quote(e, "Wir stehen").Speaker);
        Assert.Equal("Xi Jinping", Quote(e, "Wir auch").Speaker);
    }

    [Fact]
    public void People_the_gazetteer_does_not_know_become_person_entities_with_their_mentions()
    {
        var e = Extract("Title\n\nMayor Jane Doe opened the bridge. “It is a great day,” Doe said.");
        var jane = Assert.Single(e.NewEntities);
        Assert.Equal(("Jane Doe", "person", 'f'), (jane.Name, jane.Kind, jane.Gender));
        Assert.Contains("Doe", jane.Aliases);
        Assert.Equal(["Jane Doe", "Doe"], e.Mentions.Where(m => m.EntityName == "Jane Doe").Select(m => m.Text));
    }

    [Fact]
    public void Mentions_cover_every_known_entity_with_its_offsets()
    {
        const string text = "Titel\n\nXi og Putin snakket sammen, ifølge Kreml og CNN.";
        var e = Extract(text);
        Assert.Equal(["Xi Jinping", "Vladimir Putin", "Kremlin", "CNN"], e.Mentions.Select(m => m.EntityName));
        Assert.All(e.Mentions, m => Assert.Equal(m.Text, text[m.Range.Start..m.Range.End]));
    }

    [Fact]
    public void A_quote_takes_its_language_from_the_callback_and_a_short_fragment_that_of_the_words_around_it()
    {
        var seen = new List<(string, string)>();
        var work = new QuoteWorkspace(new TokenStringPool(), (text, prior) =>
        {
            lock (seen) seen.Add((text.ToString(), prior));
            return text.Span.Contains("the", StringComparison.Ordinal) ? "en" : prior;
        });
        var doc = DocumentAnalyzer.Analyze(new RawArticle("t.txt", "Rubrik\n\nHan skrev: ”The talks went well for both of the sides”. Hon sa ”bra jobbat”.", "utf-8", Lang: "sv"));
        var e = Extractor.Extract(doc, work);
        Assert.Equal("en", e.Quotes.Single(q => q.Text.StartsWith("The talks")).Lang);
        Assert.Equal("sv", e.Quotes.Single(q => q.Text == "bra jobbat").Lang);
        // The prior is the language of the narration, not of a paragraph the long quotation dominates.
        Assert.Contains(seen, s => s.Item1.StartsWith("The talks") && s.Item2 == "sv");
    }

    [Fact]
    public void Boilerplate_such_as_an_author_bio_is_attributed_to_nobody()
    {
        const string text = "„Wir sind bereit“, sagte Olaf Scholz.\n\n„Leser. Denker. Kaffeetrinker.“";
        var body = new TextRange(0, text.IndexOf('\n'));
        var bio = new TextRange(text.LastIndexOf('„'), text.Length);
        var de = new LanguageGuess("de", 1f);
        var doc = new AnalyzedDocument("t.txt", text, null, null, de,
            [new ParagraphInfo(body, de, false, null), new ParagraphInfo(bio, de, true, "bio")],
            [new SentenceInfo(body, 0, de), new SentenceInfo(bio, 1, de)]);
        var e = Extract(doc);
        Assert.Equal("Olaf Scholz", Assert.Single(e.Quotes).Speaker);
    }

    [Fact]
    public void Gazetteer_lines_carry_kind_aliases_and_an_optional_gender()
    {
        var g = Gazetteer.Load(new StringReader("# comment\nMette Frederiksen\tperson\tFrederiksen | statsministeren Mette Frederiksen\tf\nNTB\tmedium\tNTB\n"));
        Assert.Equal(2, g.Entities.Count);
        Assert.Equal(('f', "person"), (g.Entities[0].Gender!.Value, g.Entities[0].Kind));
        Assert.Equal(["Frederiksen", "statsministeren Mette Frederiksen"], g.Entities[0].Aliases);
        Assert.Null(g.Entities[1].Gender);
    }

    [Fact]
    public void The_shipped_gazetteer_knows_the_seed_speakers_under_their_aliases()
    {
        var xi = Gazetteer.Default.Entities.Single(e => e.Name == "Xi Jinping");
        Assert.Contains("Xi", xi.Aliases);
        Assert.Contains("Kinas president", xi.Aliases);
        Assert.Contains("il presidente cinese", xi.Aliases);
        Assert.Contains(Gazetteer.Default.Entities, e => e.Name == "Reuters" && e.Kind == "medium");
    }

    [Fact]
    public void Extraction_gives_the_same_answer_from_many_threads_at_once()
    {
        var dir = Path.Combine(Support.RepoPaths.Root, "Cql.Tests", "Quotes", "Articles");
        var docs = Directory.GetFiles(dir, "*.txt").Select(f => DocumentAnalyzer.Analyze(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        static string Render(QuoteExtraction e) => string.Join('\n', e.Quotes.Select(q => $"{q.Range}|{q.Speaker}|{q.Cue}|{q.Via}|{q.Kind}|{q.Lang}"));
        var expected = docs.Select(d => Render(Extract(d))).ToArray();
        var got = new string[docs.Length * 8];
        // A context per thread, reused from document to document as an ingest worker's is.
        using var contexts = new ThreadLocal<AnalysisContext>(() => new AnalysisContext());
        Parallel.For(0, got.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => got[i] = Render(Extractor.Extract(docs[i % docs.Length], contexts.Value!.Quotes)));
        for (int i = 0; i < got.Length; i++) Assert.Equal(expected[i % docs.Length], got[i]);
    }

    [Fact]
    public void A_long_document_of_unbalanced_marks_is_read_in_linear_time()
    {
        var para = "«Vi må handle nå», sier Per Hansen til NTB. Han mener regjeringen «svikter og at «ingen tar ansvar. “Half open ‘marks\n\n";
        var text = "Tittel\n\n" + string.Concat(Enumerable.Repeat(para, 4000));
        var doc = DocumentAnalyzer.Analyze("big.txt", text);
        var clock = Stopwatch.StartNew();
        var e = Extract(doc);
        clock.Stop();
        Assert.True(e.Quotes.Count >= 8000, $"{e.Quotes.Count} quotes");
        Assert.All(e.Quotes, q => Assert.True(q.Range.Length < para.Length));
        // ~0.5 MB: a quadratic pass would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
