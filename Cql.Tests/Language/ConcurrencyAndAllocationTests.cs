using Cql.Engine.Core;
using Cql.Engine.Language;

namespace Cql.Tests.Language;

/// <summary>Ingest calls the identifier from several threads for every paragraph, sentence and quote: parallel calls
/// must agree with serial ones, and a call must not allocate (with a worker's word cache, once its words are in).</summary>
public sealed class ConcurrencyAndAllocationTests
{
    static readonly LanguageGuess[] Priors = [LanguageGuess.Unknown, new("no", 0.9f), new("sv", 0.5f), new("de", 1f)];

    static List<string> Texts() =>
        HeldOutText.Languages.SelectMany(l => HeldOutText.Sentences(l).Concat(HeldOutText.Paragraphs(l))).ToList();

    [Fact]
    public void Parallel_calls_agree_with_serial_calls()
    {
        var texts = Texts();
        var serial = new LanguageGuess[texts.Count * Priors.Length];
        for (int i = 0; i < serial.Length; i++) serial[i] = LanguageIdentifier.Identify(texts[i / Priors.Length], Priors[i % Priors.Length]);

        for (int round = 0; round < 4; round++)
        {
            var parallel = new LanguageGuess[serial.Length];
            Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                i => parallel[i] = LanguageIdentifier.Identify(texts[i / Priors.Length], Priors[i % Priors.Length]));
            Assert.Equal(serial, parallel);
        }
    }

    [Fact]
    public void A_call_allocates_nothing()
    {
        var texts = Texts();
        foreach (var t in texts) LanguageIdentifier.Identify(t, Priors[1]); // load the model, JIT everything
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var t in texts) LanguageIdentifier.Identify(t, Priors[1]);
        foreach (var t in texts) LanguageIdentifier.Identify(t);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_call_with_a_workspace_allocates_nothing_once_its_words_are_cached()
    {
        var texts = Texts();
        var words = new LanguageWorkspace();
        foreach (var t in texts) LanguageIdentifier.Identify(t, Priors[1], words); // cache the words, JIT everything
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var t in texts) LanguageIdentifier.Identify(t, Priors[1], words);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_long_document_is_identified_although_scoring_stops_once_decisive()
    {
        // Scoring stops early on long documents once the verdict cannot change; the answer must be the same language.
        var text = string.Join(" ", Enumerable.Repeat(string.Join(" ", HeldOutText.Sentences("da")), 30));
        Assert.True(text.Length > 40_000);
        var guess = LanguageIdentifier.Identify(text);
        Assert.Equal("da", guess.Code);
        Assert.True(guess.Confidence > 0.999f);
    }
}
