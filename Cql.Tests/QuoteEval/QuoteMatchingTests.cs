using QuoteEval;

namespace Cql.Tests.QuoteEvaluation;

/// <summary>The rules of scripts/quote-eval, on snippets written for the test: the kind of a gold content by its
/// marks, the token overlap rule, greedy one-to-one matching and quotes in pieces, the speaker rule, and the reader
/// text given for PolNeAR's two-apostrophe marks.</summary>
public class QuoteMatchingTests
{
    const string En = "“", EnClose = "”";

    static QuoteKind KindOf(string text, string content, string opening = En, string closing = EnClose)
    {
        int start = text.IndexOf(content, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{content}' not in the snippet");
        var tokens = QuoteMatching.WordTokens(text);
        var inside = QuoteMatching.InsideMarks(text, tokens, opening, closing);
        return QuoteMatching.Classify(QuoteMatching.TokensIn(tokens, [new Span(start, start + content.Length)]), inside);
    }

    [Fact]
    public void Content_wholly_in_marks_is_direct_partly_mixed_else_indirect()
    {
        Assert.Equal(QuoteKind.Direct, KindOf("“We will win,” she said.", "We will win,"));
        Assert.Equal(QuoteKind.Mixed, KindOf("He said the deal was “dead on arrival” on Monday.", "the deal was “dead on arrival”"));
        Assert.Equal(QuoteKind.Indirect, KindOf("He said the plan would be delayed, and “soon” was all.", "the plan would be delayed"));
    }

    [Fact]
    public void Marks_follow_the_language_and_a_line_break_closes_an_open_quote()
    {
        const string german = "„Wir schaffen das“, sagte sie. Er meinte, es sei zu spät.";
        Assert.Equal(QuoteKind.Direct, KindOf(german, "Wir schaffen das", "„»", "“«"));
        Assert.Equal(QuoteKind.Indirect, KindOf(german, "es sei zu spät", "„»", "“«"));
        // Read with English marks, the German closing “ would open a quote over the rest of the sentence.
        Assert.Equal(QuoteKind.Direct, KindOf(german, "es sei zu spät"));
        Assert.Equal(QuoteKind.Indirect, KindOf("“The first paragraph runs on\nShe said it rained.", "it rained"));
        Assert.Equal(QuoteKind.Direct, KindOf("He said: \"It rained all day\" and left.", "It rained all day"));
    }

    [Theory]
    [InlineData(8, 10, 10, OverlapRule.Symmetric, true)]
    [InlineData(7, 10, 10, OverlapRule.Symmetric, false)]
    [InlineData(10, 10, 13, OverlapRule.Symmetric, false)]
    [InlineData(10, 10, 13, OverlapRule.Gold, true)]
    [InlineData(4, 5, 5, OverlapRule.Gold, true)]
    [InlineData(0, 0, 0, OverlapRule.Gold, false)]
    public void Overlap_is_shared_tokens_over_gold_and_over_found(int shared, int gold, int found, OverlapRule rule, bool expected) =>
        Assert.Equal(expected, QuoteMatching.Overlaps(shared, gold, found, 0.8, rule));

    static HashSet<int> Tokens(int from, int to) => [.. Enumerable.Range(from, to - from)];

    [Fact]
    public void Matching_is_one_to_one_and_takes_the_best_overlap_first()
    {
        var gold = new[] { Tokens(0, 10), Tokens(20, 30) };
        var found = new[] { Tokens(0, 9), Tokens(0, 10), Tokens(20, 31), Tokens(40, 45) };
        Assert.Equal([-1, 0, 1, -1], QuoteMatching.Match(gold, found, 0.8, OverlapRule.Symmetric));
    }

    [Fact]
    public void A_quote_in_pieces_matches_its_gold_unless_one_to_one_is_asked()
    {
        // “A …,” she said, “B ….”: gold tokens 0–9 (the cue's tokens are not content), found 0–4 and 6–9.
        var gold = new[] { new HashSet<int> { 0, 1, 2, 3, 4, 6, 7, 8, 9 } };
        var found = new[] { Tokens(0, 5), Tokens(6, 10), Tokens(12, 14) };
        Assert.Equal([0, 0, -1], QuoteMatching.Match(gold, found, 0.8, OverlapRule.Symmetric));
        Assert.Equal([-1, -1, -1], QuoteMatching.Match(gold, found, 0.8, OverlapRule.Symmetric, oneToOne: true));
        // A fragment of a mixed quote covers too little of the gold to match, alone or with nothing else.
        Assert.Equal([-1, -1], QuoteMatching.Match([Tokens(0, 10)], [Tokens(6, 9), Tokens(20, 22)], 0.8, OverlapRule.Symmetric));
    }

    [Fact]
    public void The_speaker_is_right_when_our_words_hold_the_gold_sources_head()
    {
        Assert.Equal("Blumenthal", QuoteMatching.SourceHead("Sen. Richard Blumenthal"));
        Assert.Equal("Traeger", QuoteMatching.SourceHead("UFCW Local 832 president Jeff Traeger"));
        Assert.Equal("source", QuoteMatching.SourceHead("a source"));
        Assert.Equal("Baer", QuoteMatching.SourceHead("Kenneth Baer, a former Obama administration official who runs Crosscut Strategies"));
        Assert.Equal("Clyburn", QuoteMatching.SourceHead("Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus"));
        Assert.Equal("Rangel", QuoteMatching.SourceHead("Representative Charles B. Rangel of New York"));
        Assert.Equal("Tribe", QuoteMatching.SourceHead("Another critic, Laurence H. Tribe,"));
        Assert.Equal("mother", QuoteMatching.SourceHead("the 34-year-old mother of three"));
        Assert.False(QuoteMatching.SpeakerStrict("Sen. Richard Blumenthal", null, "Sen"));
        Assert.True(QuoteMatching.SpeakerStrict("Sen. Richard Blumenthal", "Richard Blumenthal", "Blumenthal"));
        Assert.True(QuoteMatching.SpeakerStrict("the company", "Google", "the company"));
        Assert.False(QuoteMatching.SpeakerStrict("Hillary Clinton", "Hillary", "Hillary"));
        Assert.True(QuoteMatching.SpeakerLenient("Hillary Clinton", "Hillary", "Hillary"));
        Assert.False(QuoteMatching.SpeakerLenient("the company", null, "the minister"));
    }

    [Fact]
    public void PolNeAR_two_apostrophes_become_curly_marks_with_offsets_kept()
    {
        const string raw = "He said, ''Yes, we can.'' (''No'') Then ''x''.";
        var (text, map) = PolnearReader.ReaderText(raw);
        Assert.Equal("He said, “Yes, we can.” (“No”) Then “x”.", text);
        int yes = raw.IndexOf("Yes", StringComparison.Ordinal), then = raw.IndexOf("Then", StringComparison.Ordinal);
        Assert.Equal("Yes, we can.", text[map[yes]..map[yes + "Yes, we can.".Length]]);
        Assert.Equal("Then", text[map[then]..map[then + 4]]);
        Assert.Equal(text.Length, map[raw.Length]);
    }
}
