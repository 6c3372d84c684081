using Cql.Engine.Binding;
using Cql.Engine.Generation;
using Cql.Engine.Session;
using Cql.Engine.Syntax;
using Cql.Repl.Editing;
using Cql.Repl.Interactive;
using Cql.Tests.Support;

namespace Cql.Tests.Syntax;

/// <summary>
/// The table of words (<see cref="SyntaxFacts"/>) and every place that reads it agree: a stage the table lists is
/// parsed as a stage, coloured as a keyword and offered after '|'; a reserved word is never read as a column; the
/// binder knows exactly the functions the table names. Adding a word to the table without its rule fails here.
/// </summary>
public sealed class SyntaxFactsTests : IDisposable
{
    readonly TempDir _dir = new();

    // A complete stage for each stage word, as a user would write it.
    static readonly Dictionary<string, string> StageExamples = new()
    {
        ["where"] = "where lang = de",
        ["select"] = "select text",
        ["extend"] = "extend n = length(text)",
        ["order"] = "order by text desc",
        ["limit"] = "limit 3",
        ["count"] = "count by speaker",
        ["group"] = "group by speaker aggregate count()",
        ["distinct"] = "distinct speaker",
        ["sample"] = "sample 2 seed 1",
        ["fill"] = "fill",
        ["chart"] = "chart bar x speaker y n by lang title \"t\"",
        ["export"] = "export \"x.csv\"",
        ["collocations"] = "collocations \"samarbeid*\" window 3 min 1 by mi",
        ["cooccur"] = "cooccur in paragraphs",
        ["join"] = "join entities on speaker = name",
        ["left"] = "left join entities on speaker = name as e",
    };

    static Statement Parse(string script)
    {
        var parsed = Assert.Single(SpracheQueryParser.Instance.Parse(script));
        Assert.True(parsed.Succeeded, script + ": " + string.Join("; ", parsed.Diagnostics.Select(d => d.Message)));
        return parsed.Statement!;
    }

    [Fact]
    public void Every_stage_word_has_a_rule_and_parses_as_that_stage()
    {
        Assert.Equal(SyntaxFacts.StageWords.Order(), StageExamples.Keys.Order());
        foreach (var word in SyntaxFacts.StageWords)
        {
            var query = ((QueryStatement)Parse("quotes | " + StageExamples[word])).Query;
            Assert.StartsWith(word, Assert.Single(query.Stages).Keyword);
        }
    }

    [Fact]
    public void An_unknown_stage_lists_every_stage_of_the_table()
    {
        var d = Assert.Single(SpracheQueryParser.Instance.Parse("quotes | frobnicate")[0].Diagnostics);
        Assert.Equal("CQL0103", d.Code);
        Assert.All(SyntaxFacts.StageWords, w => Assert.Contains(w, d.Suggestion));
    }

    [Fact]
    public void Every_reserved_word_is_refused_as_a_column_and_as_a_let_name()
    {
        var catalog = new Catalog(new SpeakerAliases([]));
        foreach (var w in SyntaxFacts.Words.Where(w => w.Has(WordRoles.Reserved)).Select(w => w.Text))
        {
            var parsed = SpracheQueryParser.Instance.Parse($"quotes | select {w}")[0];
            // A literal word (true, null) is read as its value; anything else fails to parse.
            if (parsed.Succeeded)
                Assert.IsNotType<NameExpr>(((SelectStage)((QueryStatement)parsed.Statement!).Query.Stages[0]).Items[0].Expr);

            var let = SpracheQueryParser.Instance.Parse($"let {w} = quotes")[0];
            Assert.True(let.Succeeded, w);
            var bound = Binder.Bind(let.Statement!, catalog, $"let {w} = quotes");
            Assert.Equal("CQL0210", Assert.Single(bound.Diagnostics).Code);
        }
    }

    [Fact]
    public void The_binder_knows_exactly_the_functions_and_aggregates_of_the_table()
    {
        Assert.Equal(SyntaxFacts.FunctionNames.Order(), Binder.Functions.Keys.Order());
        Assert.Equal(SyntaxFacts.AggregateNames.Order(), Binder.Aggregates.Keys.Order());
    }

    [Fact]
    public void Every_word_is_coloured_as_a_keyword()
    {
        var colours = new SyntaxHighlighter();
        foreach (var w in SyntaxFacts.AllWords)
        {
            var line = "quotes | " + w;
            Assert.Contains("\x1b[1;34m" + w, colours.Render(line, 0, line.Length));
        }
    }

    [Fact]
    public async Task Completion_after_a_pipe_offers_every_stage()
    {
        var corpus = _dir.File("corpus");
        await CorpusGenerator.RunAsync(new GenerateOptions(40, corpus, 1, Speakers: 5), null, CancellationToken.None);
        using var session = CqlSession.Open(corpus);
        var values = new ColumnValues(session);
        var completion = new ReplCompletion(() => session, () => values);
        foreach (var w in SyntaxFacts.StageWords)
            Assert.Contains(w, completion.Complete("quotes | " + w[..2], w[..2]));
    }

    [Fact]
    public void The_splitter_reads_the_roles_of_the_table()
    {
        foreach (var w in SyntaxFacts.Words)
        {
            Assert.Equal(w.Has(WordRoles.NeedsMore), StatementSplitter.NeedsMore("quotes " + w.Text));
            if (w.Has(WordRoles.Continues)) Assert.Single(StatementSplitter.Split($"quotes\n{w.Text} x"));
        }
    }

    public void Dispose() => _dir.Dispose();
}
