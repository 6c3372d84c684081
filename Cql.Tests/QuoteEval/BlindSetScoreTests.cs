using System.Globalization;
using System.Text;
using Cql.Engine.Ingest;
using Cql.Engine.Quotes;
using Cql.Tests.Support;
using QuoteEval;
using Xunit.Abstractions;

namespace Cql.Tests.QuoteEvaluation;

/// <summary>
/// The fifth and sixth batches of annotated articles (direct, mixed and indirect speech and terms), scored with
/// scripts/quote-eval's rules (0.8 symmetric token overlap) per kind. Written and annotated blind by someone who had
/// not read the extractor; its README gives the one blind run. Both folders are development data since, so each
/// floor sits just under the score measured after tuning (2026-12-07, the README's quote-eval table), and a real
/// drop fails; raise them when the extractor gets better, lower one only with the reason in the commit.
/// </summary>
public class BlindSetScoreTests(ITestOutputHelper output)
{
    static readonly string QuotesDir = Path.Combine(RepoPaths.Root, "Cql.Tests", "Quotes");

    [Fact]
    public void Fifth_held_out_batch_stays_above_its_floors() =>
        Evaluate("HeldOut5", new Floors(Direct: 0.93, Mixed: 0.91, Indirect: 0.83, All: 0.89, Precision: 0.95, Speaker: 0.86));

    // The sixth batch (20 articles: nine English house styles, five German, one each in no, sv, da, fr, es, it) was
    // scored blind twice in the third session of 2026-12-07 (README) and tuned on after: floors under the score with
    // "said that A and that B" as two rows (h-en-indirect), raised under the score with English clause shapes (h-en5).
    [Fact]
    public void Sixth_batch_stays_above_its_floors() =>
        Evaluate("Batch6", new Floors(Direct: 0.95, Mixed: 0.69, Indirect: 0.83, All: 0.84, Precision: 0.85, Speaker: 0.80));

    [Fact]
    public void Fifth_development_batch_stays_above_its_floors() =>
        Evaluate("Dev5", new Floors(Direct: 0.94, Mixed: 0.86, Indirect: 0.68, All: 0.80, Precision: 0.89, Speaker: 0.84));

    /// <summary>The lowest recall per kind (direct, mixed, indirect, all), precision and strict speaker accuracy that pass.</summary>
    sealed record Floors(double Direct, double Mixed, double Indirect, double All, double Precision, double Speaker);

    void Evaluate(string folder, Floors floors)
    {
        var extractor = new QuoteExtractor(Gazetteer.Default);
        var score = new SplitScore();
        var errors = new StringBuilder();
        foreach (var (lang, docs) in GoldTsvReader.Read(Path.Combine(QuotesDir, folder)))
        {
            var (opening, closing) = QuoteMarks.Of(lang);
            var options = new ScoringOptions(0.8, OverlapRule.Symmetric, OneToOne: false, opening, closing);
            var context = new AnalysisContext();
            foreach (var doc in docs)
            {
                var analyzed = DocumentAnalyzer.Analyze(new RawArticle(doc.Name, doc.Text, "utf-8"), context);
                errors.Append("## ").Append(doc.Name).Append('\n');
                Scorer.ScoreDocument(doc, extractor.Extract(analyzed, context.Quotes).Quotes, options, score, errors);
            }
        }
        double direct = Ratio(score.Matched[0], score.Gold[0]), mixed = Ratio(score.Matched[1], score.Gold[1]),
            indirect = Ratio(score.Matched[2], score.Gold[2]), all = Ratio(score.Matched.Sum(), score.Gold.Sum()),
            precision = Ratio(score.FoundMatched, score.Found), speaker = Ratio(score.SpeakerStrict, score.SpeakerScored);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"recall direct {direct:0.000} mixed {mixed:0.000} indirect {indirect:0.000} all {all:0.000}, precision {precision:0.000}, speaker {speaker:0.000}");
        output.WriteLine(line);
        output.WriteLine(errors.ToString());

        Assert.True(direct >= floors.Direct, $"direct recall under {floors.Direct}: {line}");
        Assert.True(mixed >= floors.Mixed, $"mixed recall under {floors.Mixed}: {line}");
        Assert.True(indirect >= floors.Indirect, $"indirect recall under {floors.Indirect}: {line}");
        Assert.True(all >= floors.All, $"recall under {floors.All}: {line}");
        Assert.True(precision >= floors.Precision, $"precision under {floors.Precision}: {line}");
        Assert.True(speaker >= floors.Speaker, $"speaker accuracy under {floors.Speaker}: {line}");
    }

    static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
