using Cql.Engine.Planning;

namespace Cql.Tests.Execution;

/// <summary>Keyword in context over sentences.</summary>
public sealed class KwicTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    [Fact]
    public void Finds_whole_words_case_insensitively_with_context()
    {
        var rows = Q.Run(Kwic.OverSentences(["moscow"], 2), _c.Files);
        // Context is the text between whole words, punctuation included, trimmed of spaces.
        Assert.Equal([
            "1|10|met in|Moscow|on Tuesday",
            "2|20|speaking in|Moscow|, said cooperation",
            "3|30||Moscow|. Moscow again",
            "3|30|Moscow.|Moscow|again: cooperation",
            "3|30|cooperation in|Moscow|",
        ], rows);
    }

    [Fact]
    public void Wildcards_and_phrases()
    {
        var coop = Q.Run(Kwic.OverSentences(["cooperati*"], 0), _c.Files);
        Assert.Equal(["1|11||cooperation|", "2|20||cooperation|", "2|21||cooperative|", "3|30||cooperation|"], coop);

        var phrase = Q.Run(Kwic.OverSentences(["xi", "*", "and"], 1), _c.Files);
        Assert.Equal(["1|10||Xi Jinping and|Vladimir"], phrase);
    }
}
