using Cql.Engine.Core;
using Cql.Engine.Language;
using Cql.Engine.Text;
using System.Text;

namespace Cql.Tests.Language;

/// <summary>Ingest scores a document's body, paragraphs and sentences by replaying the words it read once; every range
/// must get exactly the evidence of scoring its own text.</summary>
public sealed class WordReplayTests
{
    static readonly string[] Words =
    [
        "Putin", "Xi", "og", "Kreml", "sa", "dell'anno", "l’Ucraina", "don't", "'", "’", "rock'n'roll", "ÆRLIG", "Øst",
        "Überraschungsmoment", "abcdefghijklmnopqrstuvwxyzabcd",
        "Ελλάδα", "Москва", "北京", "2022", "–", "«", "»", ".", ",", "!", "\n", "Mikhail", "AP", "NATO",
    ];

    static string RandomText(Random rng, int words)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            sb.Append(Words[rng.Next(Words.Length)]);
            if (rng.Next(4) > 0) sb.Append(' ');
        }
        return sb.ToString();
    }

    static LanguageEvidence Scored(string text, out bool scored)
    {
        var model = LanguageModel.Default;
        scored = WordScorer.TryScore(model, model.Table, text, LanguageModel.BatchFeatures, new LanguageWorkspace(), out var e);
        return e;
    }

    static void AssertSameEvidence(LanguageEvidence expected, LanguageEvidence actual)
    {
        for (int l = 0; l < LanguageModel.Default.Languages.Count; l++) Assert.Equal(expected.Penalty(l), actual.Penalty(l));
        Assert.Equal((expected.Hits, expected.Letters, expected.UnknownLetters), (actual.Hits, actual.Letters, actual.UnknownLetters));
    }

    [Fact]
    public void A_replayed_range_has_the_evidence_of_its_own_text_or_declines()
    {
        var model = LanguageModel.Default;
        var rng = new Random(5);
        var workspace = new LanguageWorkspace();
        var into = new WordScorer.TextWords();
        int replayed = 0;
        for (int n = 0; n < 300; n++)
        {
            var text = RandomText(rng, rng.Next(1, 600));
            var words = model.ReadWords(text, workspace, into);
            for (int r = 0; r < 10; r++)
            {
                // Half the ranges start and end at spaces, as paragraphs and sentences do; the rest anywhere.
                int s = rng.Next(text.Length), e = s + rng.Next(text.Length - s + 1);
                if (rng.Next(2) == 0)
                {
                    s = Math.Max(0, text.LastIndexOf(' ', s) + 1);
                    e = text.IndexOf(' ', e) is int space && space >= 0 ? space : text.Length;
                    e = Math.Max(e, s);
                }
                var state = new WordScorer.ReplayState();
                LanguageEvidence evidence = default;
                if (!WordScorer.TryReplay(words, s, e, LanguageModel.BatchFeatures, ref state, ref evidence)) continue;
                evidence.Letters = state.Letters;
                var expected = Scored(text[s..e], out bool scored);
                Assert.True(scored);
                AssertSameEvidence(expected, evidence);
                Assert.Equal(model.Identify(text.AsSpan(s, e - s), new LanguageGuess("no", 0.9f)), model.Identify(words, s, e, new LanguageGuess("no", 0.9f)));
                replayed++;
            }
        }
        Assert.True(replayed > 300, $"only {replayed} ranges replayed");
    }

    [Fact]
    public void Words_read_through_a_token_pool_identify_as_words_read_without_one_and_carry_their_evidence()
    {
        // Ingest reads a document's words through the worker's token pool, which keeps each word's evidence from
        // document to document; every verdict must be the one reading without the pool gives.
        var model = LanguageModel.Default;
        var rng = new Random(11);
        var pool = new TokenStringPool();
        var pooledSpace = new LanguageWorkspace();
        var plainSpace = new LanguageWorkspace();
        var pooledInto = new WordScorer.TextWords();
        var plainInto = new WordScorer.TextWords();
        var prior = new LanguageGuess("no", 0.9f);
        for (int n = 0; n < 300; n++)
        {
            var text = RandomText(rng, rng.Next(1, 600));
            pool.BeginDocument(text);
            var pooled = model.ReadWords(text, pooledSpace, pooledInto, pool);
            var plain = model.ReadWords(text, plainSpace, plainInto);
            Assert.Equal(plain.Count, pooled.Count);
            for (int k = 0; k < pooled.Count; k++)
            {
                Assert.Equal((plain.Starts[k], plain.Ends[k], plain.Flags[k]), (pooled.Starts[k], pooled.Ends[k], pooled.Flags[k]));
                // The pool now knows the word by its range, with its evidence: the quote tokenizer takes it from there.
                if (pooled.Evidence[k] is { } evidence) Assert.Same(evidence, pool.Word(text, pooled.Starts[k], pooled.Ends[k]).LanguageNotes);
            }
            Assert.Equal(model.Identify(plain, 0, text.Length, prior), model.Identify(pooled, 0, text.Length, prior));
            for (int r = 0; r < 10; r++)
            {
                int s = rng.Next(text.Length), e = s + rng.Next(text.Length - s + 1);
                Assert.Equal(model.Identify(plain, s, e, prior), model.Identify(pooled, s, e, prior));
            }
        }
    }

    [Fact]
    public void Ranges_joined_by_line_breaks_replay_as_the_joined_text()
    {
        var model = LanguageModel.Default;
        var rng = new Random(7);
        var workspace = new LanguageWorkspace();
        var into = new WordScorer.TextWords();
        int replayed = 0;
        for (int n = 0; n < 200; n++)
        {
            // Paragraph-like ranges: cut at line breaks, some left out (boilerplate).
            var text = RandomText(rng, rng.Next(1, 600));
            var ranges = new List<TextRange>();
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '\n') continue;
                if (i > start && rng.Next(3) > 0) ranges.Add(new TextRange(start, i));
                start = i + 1;
            }
            if (ranges.Count == 0) continue;
            if (!model.TryIdentifyJoined(model.ReadWords(text, workspace, into), ranges.ToArray(), out var guess)) continue;
            var joined = new StringBuilder();
            foreach (var r in ranges) joined.Append(text, r.Start, r.Length).Append('\n');
            Assert.Equal(model.Identify(joined.ToString(), LanguageGuess.Unknown), guess);
            replayed++;
        }
        Assert.True(replayed > 20, $"only {replayed} texts replayed");
    }

    [Fact]
    public void A_range_holding_a_word_too_long_to_score_word_by_word_declines()
    {
        var text = "Das Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz ist ein Wort. Kurz.";
        var words = LanguageModel.Default.ReadWords(text, new LanguageWorkspace(), new WordScorer.TextWords());
        var state = new WordScorer.ReplayState();
        LanguageEvidence evidence = default;
        Assert.False(WordScorer.TryReplay(words, 0, text.Length, LanguageModel.BatchFeatures, ref state, ref evidence));
        int kurz = text.IndexOf("Kurz", StringComparison.Ordinal);
        Assert.True(WordScorer.TryReplay(words, kurz, text.Length, LanguageModel.BatchFeatures, ref state, ref evidence));
    }
}
