using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>Semi-joins as users write them — <c>doc_id in LET</c>, <c>in (LET)</c>, <c>in (QUERY)</c>, <c>not in</c> —
/// on three small articles whose quotes are known: Xi and Trump in the first, Trump twice in the second, an
/// unnamed observer in the third (<see cref="SmallNewsCorpus"/>).</summary>
public sealed class SemiJoinTests(SmallNewsCorpus corpus) : IClassFixture<SmallNewsCorpus>
{
    List<string> Rows(string script) => corpus.Rows(script);

    const string XiDocs = "let xidocs = quotes where speaker = \"Xi\"\n";

    [Fact]
    public void Quotes_by_one_speaker_in_the_documents_where_another_speaks()
    {
        var inXiDocs = Rows(XiDocs + "quotes where speaker = \"Trump\" and doc_id in xidocs | select text");
        Assert.Equal(["It was a great meeting"], inXiDocs);
        Assert.Equal(inXiDocs, Rows(XiDocs + "quotes where speaker = \"Trump\" and doc_id in (xidocs) | select text"));
        Assert.Equal(inXiDocs, Rows(XiDocs + "quotes where speaker = \"Trump\" and doc_id in xidocs.doc_id | select text"));
        Assert.Equal(inXiDocs, Rows("quotes where speaker = \"Trump\" and doc_id in (quotes where speaker = \"Xi\" | select doc_id) | select text"));
        Assert.Equal(["We will win big", "Nobody does it better"], Rows(XiDocs + "quotes where speaker = \"Trump\" and doc_id not in xidocs | select text"));
    }

    [Fact]
    public void A_null_among_the_values_makes_not_in_unknown_as_in_sql()
    {
        // The observer's quote has no speaker, so "speaker not in (every speaker)" holds for no row; without the null
        // it holds for none either, but "in" still finds the named ones.
        Assert.Equal("0", Rows("quotes where speaker not in (quotes where doc_id = 2 | select speaker) | count")[0]);
        Assert.Equal("4", Rows("quotes where speaker in (quotes | select speaker) | count")[0]);
        Assert.Equal("3", Rows("quotes where speaker not in (quotes where speaker = \"Xi\" | select speaker) and speaker is not null | count")[0]);
    }

    [Fact]
    public void Explain_shows_the_semi_join_without_running_it()
    {
        var plan = string.Join("\n", Rows(XiDocs + "explain quotes where doc_id in xidocs"));
        Assert.Contains("doc_id in xidocs.doc_id", plan);
    }
}
