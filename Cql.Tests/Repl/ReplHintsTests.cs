using Cql.Repl.Interactive;
using Cql.Repl.Scripting;
using Cql.Tests.Support;

namespace Cql.Tests.Repl;

public sealed class ReplHintsTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Theory]
    [InlineData("help", ":help")]
    [InlineData("exit", ":quit")]
    [InlineData("quit;", ":quit")]
    [InlineData("quotes", null)]
    public void Help_exit_and_quit_do_what_they_say(string text, string? meta) => Assert.Equal(meta, ReplHints.MetaFor(text));

    [Fact]
    public void Sql_habits_get_the_cql_form()
    {
        Assert.Contains("quotes | select speaker", ReplHints.Before("select speaker from quotes"));
        Assert.Contains("quotes where lang = de | select speaker, text", ReplHints.Before("SELECT speaker, text FROM quotes where lang = de"));
        Assert.Contains("quotes where lang = de and kind = full", ReplHints.Before("quotes where lang = de && kind = full"));
        Assert.Contains("where lang = de or lang = sv", ReplHints.Before("quotes where lang = de || lang = sv"));
        Assert.Null(ReplHints.Before("quotes where text contains \"a || b\""));
        Assert.Null(ReplHints.Before("quotes | select speaker"));
    }

    [Fact]
    public void An_empty_result_of_a_misspelt_value_gets_the_nearest_value()
    {
        var values = new ColumnValues(corpus.Session);
        var speaker = values.Of("quotes", "speaker").First(s => s.Length > 6);
        var misspelt = speaker[..^2] + speaker[^1] + speaker[^2];
        var notes = ReplHints.ForEmptyResult($"quotes where speaker = \"{misspelt}\"", values);
        Assert.DoesNotContain(misspelt, values.Of("quotes", "speaker"));
        var note = Assert.Single(notes);
        Assert.StartsWith("note: no speaker is ", note);
        Assert.EndsWith($"did you mean speaker = {(speaker.Contains(' ') ? $"\"{speaker}\"" : speaker)}?", note);
        var lang = values.Of("quotes", "lang")[0];
        Assert.Contains($"did you mean lang = {lang}?", Assert.Single(ReplHints.ForEmptyResult($"quotes where lang = {lang.ToUpperInvariant()}", values)));
        Assert.Empty(ReplHints.ForEmptyResult($"quotes where lang = {lang}", values));
    }

    [Fact]
    public void Completion_offers_what_fits_the_position()
    {
        var values = new ColumnValues(corpus.Session);
        var completion = new ReplCompletion(() => corpus.Session, () => values);
        var afterBy = completion.Complete("quotes | count by ", "");
        Assert.Contains("speaker", afterBy);
        Assert.DoesNotContain("where", afterBy);
        Assert.DoesNotContain("docs", afterBy);
        var stages = completion.Complete("quotes | ", "");
        Assert.Contains("where", stages);
        Assert.DoesNotContain("speaker", stages);
        var lang = new ColumnValues(corpus.Session).Of("quotes", "lang")[0];
        Assert.Contains(lang, completion.Complete("quotes where lang = ", ""));
        Assert.Contains(lang, completion.Complete("quotes where lang in (", ""));
        var start = completion.Complete("", "");
        Assert.Contains("quotes", start);
        Assert.DoesNotContain("speaker", start);
        // The analysis sources offer their own columns after where.
        Assert.Contains("logdice", completion.Complete("collocations \"samarbeid*\" | where ", ""));
        Assert.Contains("log_ratio", completion.Complete("keywords where lang = de | order by ", ""));
        Assert.Contains("logdice", completion.Complete("cooccur in docs | where ", ""));
        Assert.Contains("para.boilerplate", completion.Complete("quotes where para.bo", "para.bo"));
        Assert.Contains("sent.text", completion.Complete("quotes | select sent.", "sent."));
    }

    [Fact]
    public void Completion_after_a_csharp_dot_offers_the_members_of_that_expressions_type()
    {
        var evaluator = new CSharpEvaluator(new ScriptGlobals(corpus.Session));
        Assert.Null(evaluator.Evaluate("var de = Quotes.Where(q => q.Lang == \"de\").ToList();", CancellationToken.None).Error);
        var completion = new ReplCompletion(() => corpus.Session, () => new ColumnValues(corpus.Session), () => evaluator);

        // A record's properties after the lambda's parameter, LINQ on a table, a List's own members on a variable of an earlier line.
        var members = completion.Complete("> Quotes.Where(q => q.Sp", "q.Sp");
        Assert.Contains("q.Speaker", members);
        Assert.Contains("q.SpeakerText", members);
        Assert.All(members, m => Assert.StartsWith("q.Sp", m));
        var onTable = completion.Complete("> Quotes.", "Quotes.");
        Assert.Contains("Quotes.Where", onTable);
        Assert.Contains("Quotes.Count", onTable);
        Assert.DoesNotContain("Quotes.Speaker", onTable);
        Assert.Contains("de.Capacity", completion.Complete("> de.", "de."));
        Assert.Contains("de", completion.Complete("> var n = d", "d"));
        Assert.Contains("Docs", completion.Complete("> var n = 1; D", "D"));
    }
}
