using System.Text;
using Cql.Engine.Ingest;
using Cql.Engine.Quotes;
using Cql.Tests.Support;
using Xunit.Abstractions;

namespace Cql.Tests.Quoting;

/// <summary>
/// The quality bar of quote extraction, measured against hand-annotated gold: the seed corpus, the test articles
/// written for each language, and a held-out batch evaluated once. Prints precision, recall and attribution per
/// language and fails below the floors. Each floor sits just under the score measured when it was set (recall,
/// precision, attribution in the order of the arguments; 2026-12-07: seeds 1.000/1.000/0.983, articles
/// 1.000/1.000/0.994, held-out 1.000/1.000/0.961, 1.000/1.000/0.972, 1.000/0.957/0.991, 0.950/0.867/0.875), so a
/// real drop fails; raise them when the extractor gets better, and lower one only with the reason in the commit.
/// The gold annotates quotations in marks only (kinds full, partial, dash, block), so the score reads those kinds: a
/// found indirect row is no false positive here, and a found mixed row matches each gold partial (its fragment) lying
/// inside it (<see cref="QuoteScorer"/>); indirect speech is scored on annotated news by scripts/quote-eval.
/// </summary>
public class QuoteQualityTests(ITestOutputHelper output)
{
    static readonly string QuotesDir = Path.Combine(RepoPaths.Root, "Cql.Tests", "Quotes");

    [Fact]
    public void Seeds_meet_the_quality_bar() =>
        Evaluate(GoldSet.Load(RepoPaths.Seeds, Path.Combine(QuotesDir, "Gold", "seeds.gold.tsv")),
            minRecall: 0.98, minPrecision: 0.98, minAttribution: 0.96);

    [Fact]
    public void Test_articles_in_nine_languages_meet_the_quality_bar() =>
        Evaluate(GoldSet.Load(Path.Combine(QuotesDir, "Articles"), Path.Combine(QuotesDir, "Gold", "articles.gold.tsv")),
            minRecall: 0.98, minPrecision: 0.98, minAttribution: 0.97);

    /// <summary>Articles written after tuning and scored once (see the report in the commit that added them).</summary>
    [Fact]
    public void Held_out_articles_stay_above_a_floor() =>
        Evaluate(GoldSet.Load(Path.Combine(QuotesDir, "HeldOut"), Path.Combine(QuotesDir, "Gold", "heldout.gold.tsv")),
            minRecall: 0.98, minPrecision: 0.98, minAttribution: 0.94);

    /// <summary>A second held-out batch, written after the fixes the first one prompted, scored once.</summary>
    [Fact]
    public void Second_held_out_articles_stay_above_a_floor() =>
        Evaluate(GoldSet.Load(Path.Combine(QuotesDir, "HeldOut2"), Path.Combine(QuotesDir, "Gold", "heldout2.gold.tsv")),
            minRecall: 0.98, minPrecision: 0.98, minAttribution: 0.95);

    /// <summary>A third batch, two articles per language, written and annotated blind (without reading the extractor,
    /// its lexicons or the earlier articles). Its one blind run scored precision 0.948, recall 0.990, attribution
    /// 0.679; the extractor was then improved with its failures in view, so it is a development set now and its
    /// score no longer says how unseen text fares.</summary>
    [Fact]
    public void Third_held_out_articles_stay_above_a_floor() =>
        Evaluate(GoldSet.Load(Path.Combine(QuotesDir, "HeldOut3"), Path.Combine(QuotesDir, "Gold", "heldout3.gold.tsv")),
            minRecall: 0.98, minPrecision: 0.94, minAttribution: 0.97);

    /// <summary>A fourth batch, two articles per language, written and annotated blind by someone who had not read the
    /// extractor, its lexicons or the earlier articles (the numbers of its one blind run are in the commit that added
    /// it); a development set since.</summary>
    [Fact]
    public void Fourth_held_out_articles_stay_above_a_floor() =>
        Evaluate(GoldSet.Load(Path.Combine(QuotesDir, "HeldOut4"), Path.Combine(QuotesDir, "Gold", "heldout4.gold.tsv")),
            minRecall: 0.93, minPrecision: 0.85, minAttribution: 0.85);

    void Evaluate(GoldSet set, double minRecall, double minPrecision, double minAttribution)
    {
        var extractor = new QuoteExtractor(Gazetteer.Default);
        var context = new AnalysisContext();
        var byLang = new SortedDictionary<string, QuoteScore>(StringComparer.Ordinal);
        var notes = new StringBuilder();
        foreach (var (doc, text) in set.Texts)
        {
            var gold = set.Quotes.Where(q => q.Doc == doc).ToList();
            var analyzed = DocumentAnalyzer.Analyze(new RawArticle(doc, text, "utf-8"), context);
            var found = extractor.Extract(analyzed, context.Quotes).Quotes;
            var docNotes = new List<string>();
            var score = QuoteScorer.ScoreDocument(text, gold, found, docNotes);
            var lang = gold.GroupBy(q => q.Lang).OrderByDescending(g => g.Count()).First().Key;
            if (!byLang.TryGetValue(lang, out var acc)) byLang[lang] = acc = new QuoteScore();
            acc.Add(score);
            if (docNotes.Count > 0) notes.Append(doc).Append('\n').AppendJoin('\n', docNotes).Append('\n');
        }
        var all = new QuoteScore();
        foreach (var s in byLang.Values) all.Add(s);

        var table = new StringBuilder();
        table.AppendLine("lang  gold named found  precision  recall  attribution  attr(named)  kind  lang-id");
        foreach (var (lang, s) in byLang) Row(table, lang, s);
        Row(table, "all", all);
        output.WriteLine(table.ToString());
        output.WriteLine(notes.ToString());

        Assert.True(all.Recall >= minRecall, $"recall {all.Recall:0.000} < {minRecall}\n{table}");
        Assert.True(all.Precision >= minPrecision, $"precision {all.Precision:0.000} < {minPrecision}\n{table}");
        Assert.True(all.Attribution >= minAttribution, $"attribution {all.Attribution:0.000} < {minAttribution}\n{table}");
    }

    static void Row(StringBuilder sb, string lang, QuoteScore s) =>
        sb.AppendLine($"{lang,-5} {s.Gold,4} {s.GoldNamed,5} {s.Extracted,5}  {s.Precision,9:0.000}  {s.Recall,6:0.000}  {s.Attribution,11:0.000}  {s.NamedAttribution,11:0.000}  {s.KindAccuracy,4:0.00}  {s.LangAccuracy,7:0.00}");
}
