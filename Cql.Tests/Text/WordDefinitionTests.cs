using Cql.Engine.Core;
using Cql.Engine.Quotes;
using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>The tokens table (<see cref="Tokenizer"/>) and quote attribution (<see cref="QuoteTokenizer"/>) split
/// Italian and French elisions by one list (<see cref="Elisions"/>): "l’Ucraina" is "l’" + "Ucraina" for both, so a
/// count of the noun and a speaker named after an elided article agree.</summary>
public sealed class WordDefinitionTests
{
    static string[] TableWords(string text)
    {
        var ranges = new List<TextRange>();
        Tokenizer.Tokenize(text, new TextRange(0, text.Length), ranges);
        return ranges.Select(r => r.Slice(text)).ToArray();
    }

    static string[] QuoteWords(string text)
    {
        var tokens = new List<Token>();
        QuoteTokenizer.Tokenize(text, 0, text.Length, tokens, new TokenStringPool());
        return tokens.Where(t => t.IsWord).Select(t => t.Text).ToArray();
    }

    [Theory]
    [InlineData("l’Ucraina dell'invasione nell’ambito all'ONU un'altra quest'anno sull’accordo senz'altro quand'è cos'è")]
    [InlineData("L'Europe d’après jusqu’à lorsqu'il qu’elle c'est n’a j'ai s'il quelqu'un presqu’île")]
    public void Both_tokenizers_split_elided_articles_alike(string text) =>
        Assert.Equal(TableWords(text), QuoteWords(text));

    [Fact]
    public void Every_elided_form_splits_off_in_both_tokenizers_in_any_case()
    {
        foreach (var form in Elisions.Forms)
            foreach (var written in new[] { form + "’anno", form + "'Europa", char.ToUpperInvariant(form[0]) + form[1..] + "'altro" })
            {
                int cut = written.IndexOfAny(['\'', '’']) + 1;
                string[] expected = [written[..cut], written[cut..]];
                Assert.Equal(expected, TableWords(written));
                Assert.Equal(expected, QuoteWords(written));
            }
    }

    [Fact]
    public void An_apostrophe_after_other_letters_stays_inside_the_word()
    {
        Assert.Equal(["Moscow’s", "don't", "O'Brien"], TableWords("Moscow’s don't O'Brien"));
        Assert.Equal(["Moscow’s", "don't", "O'Brien"], QuoteWords("Moscow’s don't O'Brien"));
    }
}
