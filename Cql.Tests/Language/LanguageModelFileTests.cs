using Cql.Engine.Core;
using Cql.Engine.Language;

namespace Cql.Tests.Language;

/// <summary>The shipped model file: what it covers, and that writing and reading it keeps every verdict.</summary>
public sealed class LanguageModelFileTests
{
    [Fact]
    public void The_shipped_model_covers_the_required_languages_and_stays_small()
    {
        var model = LanguageModel.Default;
        foreach (var lang in new[] { "no", "nn", "sv", "da", "de", "it", "en", "fr", "es", "nl", "pt", "pl", "fi", "ru" })
            Assert.Contains(lang, model.Languages);
        Assert.InRange(model.FeatureCount, 50_000, 400_000);
        using var resource = typeof(LanguageModel).Assembly.GetManifestResourceStream("Cql.Engine.Language.Data.langid.bin");
        Assert.NotNull(resource);
        Assert.InRange(resource.Length, 100_000, 4_000_000);
    }

    [Fact]
    public void Writing_and_reading_the_model_keeps_every_verdict()
    {
        var model = LanguageModel.Default;
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var copy = LanguageModel.Read(stream);
        Assert.Equal(model.Languages, copy.Languages);
        Assert.Equal(model.FeatureCount, copy.FeatureCount);
        Assert.Equal((model.CalibrationScale, model.CalibrationHalfEvidence), (copy.CalibrationScale, copy.CalibrationHalfEvidence));
        foreach (var lang in HeldOutText.Languages)
            foreach (var s in HeldOutText.Sentences(lang))
                Assert.Equal(model.Identify(s, LanguageGuess.Unknown), copy.Identify(s, LanguageGuess.Unknown));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write("not a model at all"u8);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => LanguageModel.Read(stream));
    }
}
