using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Engine.Syntax;

namespace Cql.Tests.Statistics;

/// <summary>What collocations, keywords and cooccur say to a mistake: the code, the place and what would work.</summary>
public sealed class StatisticsErrorTests : IDisposable
{
    readonly CqlSession _session = CqlSession.Open(DefaultCorpus.EnsureBuilt());

    public void Dispose() => _session.Dispose();

    ErrorOutcome Error(string script) =>
        Assert.IsType<ErrorOutcome>(Assert.Single(_session.Run(script, CancellationToken.None)));

    [Theory]
    [InlineData("""collocations "samarbeid" by logdise""", "CQL0213", "logdise", "did you mean 'logdice'?")]
    [InlineData("""collocations "samarbeid" window 0""", "CQL0319", "0", "window needs a whole number of 1 or more")]
    [InlineData("""collocations "samarbeid" min 0""", "CQL0319", "0", "min needs a whole number of 1 or more")]
    [InlineData("""collocations "*" """, "CQL0310", "\"*\"", "at least one word")]
    [InlineData("""collocations "x" in entities""", "CQL0212", "entities", "collocations needs rows with text")]
    [InlineData("""quotes | count by lang | collocations "x" """, "CQL0212", "collocations \"x\"", "and the result of count by has not")]
    [InlineData("""cooccur in words""", "CQL0214", "words", "units: sentences, paragraphs, docs")]
    [InlineData("""quotes | cooccur""", "CQL0212", "cooccur", "cooccur needs rows with doc_id, entity_id, start")]
    [InlineData("""keywords in tokens where norm = "x" """, "CQL0212", "tokens", "keywords needs rows with text")]
    [InlineData("""keywords where lang = de vs where lenght(text) > 3""", "CQL0206", "lenght", "unknown function")]
    public void A_mistake_is_named_with_its_place(string script, string code, string underlined, string says)
    {
        var e = Error(script);
        Assert.Contains($"error {code}", e.Rendered);
        Assert.Contains(says, e.Rendered);
        // The caret sits under the offending words.
        var lines = e.Rendered.Split('\n');
        int source = Array.FindIndex(lines, l => l.StartsWith("  1 | ", StringComparison.Ordinal));
        int at = lines[source].IndexOf(underlined, StringComparison.Ordinal);
        Assert.True(at >= 0, e.Rendered);
        Assert.Equal('^', lines[source + 1][at]);
    }

    [Fact]
    public void Keywords_needs_its_where_and_collocations_as_a_stage_takes_no_table()
    {
        Assert.Contains("expected 'where'", Error("keywords lang = de").Rendered);
        Assert.Contains("CQL0102", Error("""sentences | collocations "x" in quotes""").Rendered);
    }

    [Fact]
    public void The_new_words_start_statements_and_vs_continues_one()
    {
        Assert.True(SyntaxFacts.StartsStatement("collocations"));
        Assert.True(SyntaxFacts.StartsStatement("keywords"));
        Assert.True(SyntaxFacts.StartsStatement("cooccur"));
        Assert.True(SyntaxFacts.Continues("vs"));
        Assert.False(SyntaxFacts.Continues("collocations")); // a new line starting with it is a new statement
    }
}
