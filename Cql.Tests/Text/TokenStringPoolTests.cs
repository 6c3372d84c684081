using Cql.Engine.Text;

namespace Cql.Tests.Text;

/// <summary>The token pool's memory of the document being analysed, by offset: a range taken again gives the same
/// word, and a different range at the same start, or another text, is looked up by its characters.</summary>
public sealed class TokenStringPoolTests
{
    [Fact]
    public void A_range_of_the_begun_document_is_the_word_of_its_characters()
    {
        var pool = new TokenStringPool();
        var doc = "Putin’s aides said l’Ucraina";
        pool.BeginDocument(doc);
        var first = pool.Word(doc, 0, 7);
        Assert.Equal("Putin’s", first.Text);
        Assert.Equal("putin’s", first.Lower);
        Assert.Same(first, pool.Word(doc, 0, 7));
        // The same start, another end: "Putin", not the remembered "Putin’s".
        Assert.Equal("Putin", pool.Get(doc, 0, 5).Text);
        Assert.Equal("Putin’s", pool.Get(doc, 0, 7).Text);
        Assert.Equal(("l’Ucraina", "l’ucraina"), pool.Get(doc, 19, 28));
    }

    [Fact]
    public void Another_document_does_not_see_the_last_ones_words()
    {
        var pool = new TokenStringPool();
        var a = "Xi said";
        pool.BeginDocument(a);
        Assert.Equal("Xi", pool.Word(a, 0, 2).Text);
        var b = "We said";
        pool.BeginDocument(b);
        Assert.Equal("We", pool.Word(b, 0, 2).Text);
        // A text that is not the begun document (equal characters, another string) is looked up by its characters.
        var copy = new string("Xi said".AsSpan());
        Assert.Equal("Xi", pool.Word(copy, 0, 2).Text);
        Assert.Equal("sa", pool.Word(copy, 3, 5).Text);
    }
}
