using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>What the writer puts on disk decides how fast a scan is: short text columns must be dictionary-encoded
/// (a predicate then runs once per distinct value), long text must not.</summary>
public sealed class WriterEncodingTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Theory]
    [InlineData("quotes", "lang", true)]
    [InlineData("quotes", "speaker", true)]
    [InlineData("quotes", "kind", true)]
    [InlineData("docs", "lang", true)]
    [InlineData("quotes", "text", false)]
    [InlineData("sentences", "text", false)]
    public void Short_text_is_dictionary_encoded(string table, string column, bool dictionary)
    {
        var encodings = corpus.DuckRows($"""
            SELECT DISTINCT encodings FROM parquet_metadata('{Path.Combine(corpus.Dir, table)}/*.parquet')
            WHERE path_in_schema = '{column}'
            """);
        Assert.NotEmpty(encodings);
        Assert.All(encodings, e => Assert.Equal(dictionary, e.Contains("DICTIONARY")));
    }
}
