using Cql.Engine.Core;
using Cql.Engine.Language;
using Cql.Tests.Support;
using System.Text;

namespace Cql.Tests.Language;

/// <summary>Identification scores texts word by word from a cache of word evidence; the verdicts and confidences
/// must be exactly those of scoring feature by feature.</summary>
public sealed class WordScorerTests
{
    static readonly LanguageGuess[] Priors = [LanguageGuess.Unknown, new("no", 0.9f), new("it", 0.5f), new("de", 1f)];

    /// <summary>One cache for a test's texts, so later texts are scored from words earlier ones cached (xunit runs a
    /// class's tests one at a time).</summary>
    readonly LanguageWorkspace _words = new();

    void AssertSame(string text)
    {
        var model = LanguageModel.Default;
        // The evidence itself: confidences of long texts round to 1 and would hide a difference.
        if (WordScorer.TryScore(model, model.Table, text, LanguageModel.BatchFeatures, _words, out var cached))
        {
            var exact = model.Score(text);
            for (int l = 0; l < model.Languages.Count; l++) Assert.Equal(exact.Penalty(l), cached.Penalty(l));
            Assert.Equal((exact.Hits, exact.Letters, exact.UnknownLetters), (cached.Hits, cached.Letters, cached.UnknownLetters));
        }
        foreach (var prior in Priors)
            Assert.Equal(model.IdentifyByFeatures(text, prior), model.Identify(text, prior, _words));
    }

    [Fact]
    public void Held_out_sentences_and_paragraphs_get_the_same_verdicts()
    {
        foreach (var lang in HeldOutText.Languages)
            foreach (var t in HeldOutText.Sentences(lang).Concat(HeldOutText.Paragraphs(lang)).Concat(HeldOutText.Paragraphs(lang, 3000)))
                AssertSame(t);
    }

    [Fact]
    public void Seed_articles_their_paragraphs_and_lines_get_the_same_verdicts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpora", "seeds"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            AssertSame(text[..Math.Min(text.Length, 8192)]);
            foreach (var line in text.Split('\n')) AssertSame(line);
        }
    }

    [Fact]
    public void Batch_boundaries_capitals_apostrophes_long_words_and_other_scripts_get_the_same_verdicts()
    {
        // Texts of several batches whose words are mostly capitalised (a batch boundary makes the next word open a
        // sentence), with apostrophes in and around words, words as long as a batch keeps whole, letters outside the
        // lower-case table, digits and punctuation. (A longer word is scored feature by feature: see below.)
        string[] words =
        [
            "Putin", "Xi", "og", "Kreml", "sa", "dell'anno", "l’Ucraina", "don't", "'", "’", "rock'n'roll", "ÆRLIG", "Øst",
            "Überraschungsmoment", "abcdefghijklmnopqrstuvwxyzabcd", "Ελλάδα", "Москва",
            "北京", "ǅemal", "2022", "–", "«", "»", ".", ",", "!", "\n", "Mikhail", "Metzel", "AP", "NATO",
        ];
        var rng = new Random(11);
        var sb = new StringBuilder();
        for (int n = 0; n < 400; n++)
        {
            sb.Clear();
            int count = rng.Next(1, 1500);
            for (int i = 0; i < count && sb.Length < 8192 - 40; i++)
            {
                sb.Append(words[rng.Next(words.Length)]);
                if (rng.Next(4) > 0) sb.Append(' ');
            }
            AssertSame(sb.ToString());
        }
    }

    [Fact]
    public void A_word_longer_than_a_batch_keeps_whole_is_scored_feature_by_feature()
    {
        var text = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz ist ein Wort.";
        Assert.False(WordScorer.TryScore(LanguageModel.Default, LanguageModel.Default.Table, text, LanguageModel.BatchFeatures, _words, out _));
        AssertSame(text);
    }
}
