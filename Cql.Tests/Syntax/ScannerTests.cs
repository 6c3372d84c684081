using Cql.Engine.Diagnostics;
using Cql.Engine.Syntax;

namespace Cql.Tests.Syntax;

/// <summary>The one scanner of query text that the grammar, the splitter, the nesting check and the REPL's colours
/// read: each token's kind and extent.</summary>
public class ScannerTests
{
    static string Tokens(string text) => string.Join(" ", Scanner.Tokens(text, 0, text.Length)
        .Where(t => t.Kind is not TokenKind.Whitespace)
        .Select(t => $"{t.Kind}:{text.Substring(t.Span.Start, t.Span.Length).Replace("\n", "\\n")}{(t.Unterminated ? "(open)" : "")}"));

    [Theory]
    [InlineData("quotes | where x >= -2.5e3", "Word:quotes Symbol:| Word:where Word:x Symbol:> Symbol:= Number:-2.5e3")]
    [InlineData("doc.date = 2022-06-15 -- a note\nlimit 12abc", "Word:doc Symbol:. Word:date Symbol:= Date:2022-06-15 Comment:-- a note LineBreak:\\n Word:limit Number:12abc")]
    [InlineData("""text contains "say \"hi\"; -- not a comment" or 'it\'s'""", """Word:text Word:contains String:"say \"hi\"; -- not a comment" Word:or String:'it\'s'""")]
    [InlineData("where text = \"open\\", "Word:where Word:text Symbol:= String:\"open\\(open)")]
    [InlineData("2022-06-1 1.5x 1e ٣where", "Date:2022-06 Number:-1 Number:1.5x Number:1e Symbol:٣where")]
    public void Text_is_cut_into_tokens(string text, string tokens) => Assert.Equal(tokens, Tokens(text));

    [Fact]
    public void A_string_token_gives_its_value_with_escapes_and_points_at_a_bad_one()
    {
        const string good = """ "a\"b\n\u00e5\bX" """;
        var token = Scanner.Next(good, 1, good.Length);
        Assert.Equal("a\"b\nå\\bX", Scanner.StringValue(good, token, out _));

        const string bad = "\"x\\u12\"";
        Assert.Null(Scanner.StringValue(bad, Scanner.Next(bad, 0, bad.Length), out var at));
        Assert.Equal(new TextSpan(2, 2), at);
    }
}
