using Cql.Engine.Core;
using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>The words a user finds with kwic, `has` and the tokens table.</summary>
public class TokenizerTests
{
    static string[] Words(string text)
    {
        var ranges = new List<TextRange>();
        Tokenizer.Tokenize(text, new TextRange(0, text.Length), ranges);
        return ranges.Select(r => r.Slice(text)).ToArray();
    }

    [Fact]
    public void Words_are_separated_by_spaces_and_punctuation()
    {
        Assert.Equal(["Ifølge", "Kreml", "skal", "samtalen", "ha", "vært", "holdt", "i", "en", "varm", "og", "hjertelig", "tone"],
            Words("Ifølge Kreml skal samtalen ha vært holdt i en «varm og hjertelig tone»."));
    }

    [Fact]
    public void Hyphenated_compounds_are_one_word()
    {
        Assert.Equal(["samarbetet", "Kina-Ryssland", "vinter-OS", "80-årsjubileet", "USA-ledda"],
            Words("samarbetet Kina-Ryssland, vinter-OS; 80-årsjubileet (USA-ledda)"));
        Assert.Equal(["der", "Ukraine-Krise"], Words("der Ukraine-Krise“"));
    }

    [Fact]
    public void A_dash_between_words_or_a_dangling_hyphen_is_not_part_of_a_word()
    {
        Assert.Equal(["zu", "drängen", "eine", "Sprache"], Words("zu drängen – eine Sprache"));
        Assert.Equal(["for", "og", "etterarbeid"], Words("for- og etterarbeid"));
        Assert.Equal(["2019", "2022"], Words("2019–2022"));
    }

    [Fact]
    public void Italian_and_French_elisions_split_after_the_apostrophe()
    {
        Assert.Equal(["la", "Russia", "ha", "invaso", "l’", "Ucraina"], Words("la Russia ha invaso l’Ucraina."));
        Assert.Equal(["dell’", "invasione", "un’", "opportunità", "c’", "era", "quest’", "anno"],
            Words("dell’invasione, un’opportunità: c’era quest’anno"));
        Assert.Equal(["L'", "Ukraine", "qu'", "il", "jusqu'", "à", "aujourd'hui"], Words("L'Ukraine qu'il jusqu'à aujourd'hui"));
    }

    [Fact]
    public void Other_apostrophes_inside_words_are_kept()
    {
        Assert.Equal(["Moscow’s", "sovereignty"], Words("Moscow’s “sovereignty"));
        Assert.Equal(["don't", "O'Brien", "rock'n'roll", "auto's"], Words("don't O'Brien rock'n'roll auto's"));
        Assert.Equal(["Xis", "ord"], Words("'Xis' ord"));
    }

    [Fact]
    public void Numbers_keep_their_separators()
    {
        Assert.Equal(["3.5", "prosent", "av", "1.000", "kroner", "3,5", "kl", "10:30", "24/7", "2022-06-15"],
            Words("3.5 prosent av 1.000 kroner, 3,5. kl. 10:30 24/7 2022-06-15."));
        Assert.Equal(["1\u00A0000\u00A0000", "innbyggere"], Words("1\u00A0000\u00A0000 innbyggere"));
        Assert.Equal(["i", "2013", "2", "personer"], Words("i 2013 2 personer"));
        Assert.Equal(["4.0"], Words("4.0 ,"));
    }

    [Fact]
    public void Dotted_abbreviations_and_domains_are_one_word()
    {
        Assert.Equal(["the", "U.S.", "and", "z.B.", "f.eks.", "bl.a."], Words("the U.S. and z.B. f.eks. bl.a."));
        Assert.Equal(["Bild", "kremlin.ru", "CC", "BY", "4.0"], Words("(Bild: kremlin.ru, CC BY 4.0 ,"));
        // A missing space after a full stop does not glue two sentences into one word.
        Assert.Equal(["slutt", "Neste", "setning"], Words("slutt.Neste setning"));
    }

    [Fact]
    public void Letters_with_marks_in_any_script_are_words()
    {
        Assert.Equal(["a", "marzo", "பிடன்"], Words("a marzo. பிடன்."));
        Assert.Equal(["Говорит", "Москва"], Words("«Говорит Москва»"));
        Assert.Equal(["Sa\u0301o"], Words("Sa\u0301o"));
    }

    [Fact]
    public void Han_ideographs_are_one_word_each()
    {
        Assert.Equal(["Xi", "习", "近", "平", "2022"], Words("Xi习近平 2022"));
        Assert.Equal(["𠀀", "ok"], Words("𠀀 ok"));
    }

    [Fact]
    public void Only_the_given_range_is_tokenised()
    {
        var text = "Før. Xi og Putin. Etter.";
        var ranges = new List<TextRange>();
        Tokenizer.Tokenize(text, new TextRange(5, 17), ranges);
        Assert.Equal(["Xi", "og", "Putin"], ranges.Select(r => r.Slice(text)));
    }

    [Fact]
    public void Normalize_lowercases_any_script()
    {
        Assert.Equal("ærlig", Tokenizer.Normalize("ÆRLIG"));
        Assert.Equal("ukraine-krise", Tokenizer.Normalize("Ukraine-Krise"));
        Assert.Equal("москва", Tokenizer.Normalize("МОСКВА"));
        Assert.Equal("l’ucraina", Tokenizer.Normalize("L’Ucraina"));
    }
}
