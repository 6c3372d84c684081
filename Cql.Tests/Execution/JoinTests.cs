using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>The join stage, top-N per group (<c>limit N by</c>) and sent./para. navigation as users write them, on
/// three small articles whose quotes are known: Xi and Trump in the first, Trump twice in the second, an unnamed
/// observer in the third.</summary>
public sealed class JoinTests(SmallNewsCorpus corpus) : IClassFixture<SmallNewsCorpus>
{
    List<string> Rows(string script) => corpus.Rows(script);

    [Fact]
    public void A_join_with_the_entities_brings_the_speakers_kind()
    {
        Assert.Equal(["Xi Jinping|person", "Donald Trump|person", "Donald Trump|person", "Donald Trump|person"],
            Rows("quotes | join entities on speaker = name | select speaker, entities.kind"));
        // The quote without a speaker matches no entity: gone from an inner join, kept with nulls by a left join.
        Assert.Equal(["Xi Jinping|person", "Donald Trump|person", "Donald Trump|person", "Donald Trump|person", "∅|∅"],
            Rows("quotes | left join entities on speaker = name | select speaker, entities.kind"));
        Assert.Equal(["Nobody knows what comes next"],
            Rows("quotes | left join entities on speaker = name | where entities.entity_id is null | select text"));
    }

    [Fact]
    public void A_join_with_a_let_pairs_every_match_in_order()
    {
        // Each of Trump's quotes with every quote of its own document, in the documents' order.
        var pairs = Rows("let all = quotes | select doc_id, text\nquotes where speaker = \"Trump\" | join all on doc_id | select text, all.text");
        Assert.Equal([
            "It was a great meeting|We will talk again", "It was a great meeting|It was a great meeting",
            "We will win big|We will win big", "We will win big|Nobody does it better",
            "Nobody does it better|We will win big", "Nobody does it better|Nobody does it better"], pairs);
        Assert.Equal(["Donald Trump|3", "Xi Jinping|1"],
            Rows("quotes | join entities on speaker = name as e | count by e.name"));
    }

    [Fact]
    public void Limit_by_keeps_the_top_rows_of_each_group()
    {
        Assert.Equal(["1|Donald Trump|2", "0|Donald Trump|1", "2|∅|1"],
            Rows("quotes | count by doc_id, speaker | order by count desc | limit 1 by doc_id"));
        // Without a sort: the first rows of each group as they come.
        Assert.Equal(["We will talk again", "We will win big", "Nobody knows what comes next"],
            Rows("quotes | limit 1 by doc_id | select text"));
        Assert.Equal(["We will talk again", "It was a great meeting", "We will win big", "Nobody does it better", "Nobody knows what comes next"],
            Rows("quotes | limit 2 by doc_id | select text"));
    }

    [Fact]
    public void A_quotes_sentence_and_paragraph_are_one_dot_away()
    {
        Assert.Equal(["\"We will talk again,\" Xi Jinping said on Monday."],
            Rows("quotes where speaker = \"Xi\" | select sent.text"));
        Assert.Equal(Rows("quotes | count"), Rows("quotes where para.boilerplate = false | count"));
        Assert.Equal(["0"], Rows("quotes where para.boilerplate = true | count"));
        Assert.Equal(["3"], Rows("tokens where sent.text contains \"Monday\" and word in (Xi, Jinping, said) | count"));
    }

    [Fact]
    public void Explain_shows_the_hash_join_the_per_group_top_n_and_the_paragraph_join()
    {
        var join = string.Join("\n", Rows("explain quotes | join entities on speaker = name | select text, entities.kind"));
        Assert.Contains("HashJoin inner on speaker = entities.name (builds entities, streams the rows)", join);
        Assert.Contains("Scan entities columns=[name, kind]", join); // only what the query uses
        var top = string.Join("\n", Rows("explain quotes | count by lang, speaker | order by count desc | limit 3 by lang"));
        Assert.Contains("LimitBy 3 by [lang]", top);
        var para = string.Join("\n", Rows("explain quotes where para.boilerplate = false | count"));
        Assert.Contains("ParaJoin on para_id (inner", para);
    }
}
