using Cql.Engine.Language;

namespace Cql.Tests.Language;

/// <summary>The feature extraction the trainer and the runtime share: what counts as the same word, what separates
/// words, and that reading a text in small batches gives exactly what one big batch gives.</summary>
public sealed class LanguageFeaturesTests
{
    static List<ulong> Features(string text, int batch = 4096, bool keepNameFlag = false)
    {
        var buffer = new ulong[batch];
        var result = new List<ulong>();
        int letters = 0;
        ReadOnlySpan<char> rest = text;
        while (rest.Length > 0)
        {
            int used = LanguageFeatures.Extract(rest, buffer, out int count, ref letters);
            Assert.True(used > 0);
            for (int i = 0; i < count; i++) result.Add(keepNameFlag ? buffer[i] : LanguageFeatures.WithoutWeight(buffer[i]));
            rest = rest[used..];
        }
        return result;
    }

    static int Letters(string text)
    {
        int letters = 0;
        LanguageFeatures.Extract(text, new ulong[4096], out _, ref letters);
        return letters;
    }

    [Fact]
    public void Case_and_punctuation_do_not_change_the_features()
    {
        Assert.Equal(Features("det er ikke sant"), Features("DET, er «ikke» sant!"));
        Assert.Equal(Features("säger hon"), Features("Säger HON."));
        Assert.Equal(Features("предложение"), Features("ПРЕДЛОЖЕНИЕ"));
    }

    [Fact]
    public void Words_are_letters_only_and_every_word_gives_its_n_grams_and_itself()
    {
        // " og " has n-grams o, g, " o", og, "g ", " og", "og ", " og " and the word: 8 + 1.
        Assert.Equal(9, Features("og").Count);
        Assert.Equal(Features("og og"), Features("og-og"));
        Assert.Equal(Features("og og"), Features("og 2022 og"));
        Assert.NotEqual(Features("og"), Features("ok"));
        Assert.Equal(2, Letters("og"));
        Assert.Equal(0, Letters("2022 – 12:30"));
        Assert.Empty(Features("2022 – 12:30"));
    }

    [Fact]
    public void An_apostrophe_between_letters_stays_inside_the_word()
    {
        Assert.NotEqual(Features("dell anno"), Features("dell'anno"));
        Assert.Equal(Features("dell'anno"), Features("dell\u2019anno"));
        Assert.Equal(Features("l'homme"), Features("L'HOMME"));
        // Quoting apostrophes are not part of a word.
        Assert.Equal(Features("hei"), Features("'hei'"));
    }

    [Fact]
    public void Orders_run_from_words_to_five_grams()
    {
        var orders = Features("menneskerettighetene").Select(LanguageFeatures.OrderOf).Distinct().OrderBy(o => o);
        Assert.Equal([0, 1, 2, 3, 4, 5], orders);
    }

    [Fact]
    public void Capitalised_words_inside_a_sentence_count_as_names_and_at_its_start_count_half()
    {
        int[] Shifts(string text) => Features(text, keepNameFlag: true).Select(LanguageFeatures.WeightShiftOf).Distinct().Order().ToArray();
        Assert.Equal([0, 2], Shifts("han møtte Putin i går"));
        Assert.Equal([0, 1], Shifts("Putin møtte han i går"));
        Assert.Equal([0, 1], Shifts("Det var kaldt. Han gikk hjem."));
        Assert.Equal([0, 1], Shifts("Han sa: «Det er kaldt.»"));
        Assert.Equal([0], Shifts("det var kaldt"));
        Assert.Contains(2, Shifts("Foto: Alexander Zemlianichenko / AP"));
    }

    [Fact]
    public void Small_batches_give_exactly_the_features_of_one_batch()
    {
        var text = string.Join(" ", HeldOutText.Sentences("nn").Take(12));
        Assert.Equal(Features(text), Features(text, batch: LanguageFeatures.MinBatch));
        Assert.Equal(Features(text), Features(text, batch: LanguageFeatures.MinBatch + 37));
    }
}
