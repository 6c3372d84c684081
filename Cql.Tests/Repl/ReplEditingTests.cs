using Cql.Repl.Editing;
using Cql.Repl.Scripting;
using Cql.Tests.Support;

namespace Cql.Tests.Repl;

public sealed class ReplEditingTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Theory]
    [InlineData("> int Words(string s) {", true)]
    [InlineData("> int Words(string s) {\n return s.Length; }", false)]
    [InlineData("> var s = @\"one", true)]
    [InlineData("> new[] { 1,", true)]
    [InlineData("> 1 + 1", false)]
    [InlineData("quotes |", true)]
    [InlineData("quotes where lang in (de,", true)]
    [InlineData("quotes", false)]
    [InlineData(":schema quotes", false)]
    public void Enter_reads_on_while_the_statement_or_the_csharp_is_unfinished(string text, bool needsMore) =>
        Assert.Equal(needsMore, StatementCompleteness.NeedsMore(text));

    [Fact]
    public void Checks_go_into_every_loop_and_errors_keep_the_typed_positions()
    {
        var code = "while (true) { }\nfor (;;) x++;\nint y = \"s\";";
        var c = CancellationChecks.Insert(code);
        Assert.Equal(2, CountOf(c.Code, "SubmissionCancellation.Check()"));
        // The error in the last line maps back to where the user typed it.
        int atRewritten = c.Code.IndexOf("\"s\"", StringComparison.Ordinal);
        Assert.Equal(code.IndexOf("\"s\"", StringComparison.Ordinal), c.ToOriginal(atRewritten));
    }

    [Fact]
    public void A_multi_line_method_compiles_and_a_compile_error_points_at_the_typed_column()
    {
        var evaluator = new CSharpEvaluator(new ScriptGlobals(corpus.Session));
        Assert.Null(evaluator.Evaluate("int Words(string s) {\n  while (false) { }\n  return s.Split(' ').Length; }", CancellationToken.None).Error);
        Assert.Equal(3, evaluator.Evaluate("Words(\"a b c\")", CancellationToken.None).Value);
        var error = evaluator.Evaluate("while (true) { } int z = \"s\";", CancellationToken.None).Error;
        Assert.Contains("at 1:26", error);
    }

    [Fact]
    public void Cancelling_an_endless_loop_stops_it_and_the_session_goes_on()
    {
        var evaluator = new CSharpEvaluator(new ScriptGlobals(corpus.Session));
        Assert.Null(evaluator.Evaluate("var kept = 41;", CancellationToken.None).Error);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        // OperationCanceledException, not RunawaySubmissionException: the loop itself saw the token and ended.
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate("long n = 0; while (true) { n++; }", cts.Token));
        Assert.Equal(42, evaluator.Evaluate("kept + 1", CancellationToken.None).Value);
    }

    [Fact]
    public void Dump_prints_a_value_where_it_stands_and_returns_it()
    {
        var evaluator = new CSharpEvaluator(new ScriptGlobals(corpus.Session));
        var shown = new List<object?>();
        var r = evaluator.Evaluate("Quotes.Where(q => q.Lang == \"de\").Dump(\"German\").Count()", CancellationToken.None, shown.Add);
        Assert.Null(r.Error);
        Assert.Equal("German", shown[0]);
        var dumped = Assert.IsAssignableFrom<IEnumerable<Cql.Engine.Records.Quote>>(shown[1]).ToList();
        Assert.Equal(r.Value, dumped.Count);
        Assert.All(dumped, q => Assert.Equal("de", q.Lang));
    }

    [Fact]
    public void The_typed_tables_stream_the_same_rows_the_language_counts()
    {
        var globals = new ScriptGlobals(corpus.Session);
        var byLanguage = ((long)globals.Query("quotes | count").Get<long>(0, "count")!);
        Assert.Equal(byLanguage, globals.Quotes.Count);
        Assert.Equal(byLanguage, globals.Quotes.LongCount());
        Assert.Equal(globals.Quotes.First().QuoteId, globals.Quotes[0].QuoteId);
        var speakers = globals.Query("quotes where speaker = \"Vladimir Putin\" | count").Get<long>(0, "count");
        Assert.Equal(speakers, globals.Quotes.Count(q => q.Speaker == "Vladimir Putin"));
    }

    static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
