using Cql.Engine.Diagnostics;
using Cql.Engine.Syntax;

namespace Cql.Tests.Syntax;

/// <summary>The parser as a user meets it: every form of grammar.md parses, and every mistake is reported at its
/// place, with a caret and, where one exists, the word that was meant.</summary>
public class ParserTests
{
    static IReadOnlyList<ParsedStatement> Parse(string script) => SpracheQueryParser.Instance.Parse(script);

    static Statement One(string script)
    {
        var parsed = Parse(script);
        Assert.Single(parsed);
        Assert.True(parsed[0].Succeeded, string.Join("\n", parsed[0].Diagnostics.Select(d => DiagnosticRenderer.Render(d, script))));
        return parsed[0].Statement!;
    }

    static Diagnostic Error(string script)
    {
        var parsed = Parse(script);
        var failed = parsed.FirstOrDefault(p => !p.Succeeded) ?? throw new Xunit.Sdk.XunitException($"'{script}' parsed without error");
        return Assert.Single(failed.Diagnostics);
    }

    [Theory]
    [InlineData("quotes")]
    [InlineData("quotes where speaker = \"Xi\" and lang in (sv, de)")]
    [InlineData("QUOTES WHERE lang = de | COUNT")]
    [InlineData("quotes | where doc.date >= 2025-01-01 and doc.date < 2025-02")]
    [InlineData("quotes | select speaker, length(text) as n, doc.title | order by n desc, speaker asc | limit 10")]
    [InlineData("quotes | count")]
    [InlineData("quotes | count by lang, kind")]
    [InlineData("quotes | group by speaker aggregate count() as n, min(doc.date), max(doc.date), avg(length(text)), sum(length(text)), count_distinct(lang)")]
    [InlineData("quotes | count distinct statement_id by speaker")]
    [InlineData("quotes | count distinct doc.outlet")]
    [InlineData("quotes | distinct")]
    [InlineData("quotes | distinct speaker, lang")]
    [InlineData("quotes | sample 10")]
    [InlineData("quotes | sample 10 seed 42")]
    [InlineData("quotes | export \"out.parquet\"")]
    [InlineData("quotes where text contains \"samarbeid\" or text has 'Putin' or text matches \"^«\" or speaker startswith \"Xi\"")]
    [InlineData("quotes where not (lang = de) and speaker is not null and cue is null and lang not in (no) and text not has \"x\"")]
    [InlineData("quotes where quote_id <= -1.5e3 or quote_id >= 10 or quote_id != 3 or quote_id <> 4 or quote_id == 5 or quote_id < 1 or quote_id > 2")]
    [InlineData("quotes where true or false or speaker = null")]
    [InlineData("kwic \"bilateral* samarbeid\"")]
    [InlineData("kwic \"samarbeid\" in paragraphs width 3 | order by right")]
    [InlineData("let x = quotes where lang = de")]
    [InlineData("explain quotes where lang = de | count")]
    [InlineData("show tables")]
    [InlineData("describe quotes")]
    [InlineData("quotes -- every quote\n| where lang = de -- German ones\n| count")]
    public void Every_form_parses(string script) => One(script);

    [Fact]
    public void A_query_keeps_its_stages_in_order_with_the_where_after_the_source_first()
    {
        var q = ((QueryStatement)One("quotes where lang = de | select text | limit 3")).Query;
        Assert.Equal("quotes", ((NamedSource)q.Source).Name.Text);
        Assert.Collection(q.Stages,
            s => Assert.IsType<WhereStage>(s),
            s => Assert.IsType<SelectStage>(s),
            s => Assert.Equal(3, ((LimitStage)s).Count.Value));
    }

    [Fact]
    public void And_binds_tighter_than_or_and_not_applies_to_one_comparison()
    {
        var w = (WhereStage)((QueryStatement)One("quotes where not a = 1 or b = 2 and c = 3")).Query.Stages[0];
        var or = Assert.IsType<BinaryExpr>(w.Condition);
        Assert.Equal(BinaryOp.Or, or.Op);
        Assert.IsType<NotExpr>(or.Left);
        Assert.Equal(BinaryOp.And, Assert.IsType<BinaryExpr>(or.Right).Op);
    }

    [Fact]
    public void Keywords_are_whole_words_so_a_column_may_start_with_one()
    {
        // "in" must not match the start of "india", nor "or" the start of "order_no", nor "is" of "issue".
        var w = (WhereStage)((QueryStatement)One("quotes where india = 1 and order_no = 2 and issue = 3")).Query.Stages[0];
        var names = new List<string>();
        void Walk(SyntaxExpr e) { if (e is BinaryExpr b) { Walk(b.Left); Walk(b.Right); } else if (e is NameExpr n) names.Add(n.FullName); }
        Walk(w.Condition);
        Assert.Equal(["india", "order_no", "issue"], names);
    }

    [Fact]
    public void Numbers_are_read_culture_invariantly_and_dates_keep_their_precision()
    {
        var w = (WhereStage)((QueryStatement)One("quotes where x = 1.5 and d = 2022-06 and e = 2022-06-15 and y = 2022")).Query.Stages[0];
        var values = new List<SyntaxExpr>();
        void Walk(SyntaxExpr e) { if (e is BinaryExpr { Op: BinaryOp.And } b) { Walk(b.Left); Walk(b.Right); } else values.Add(((BinaryExpr)e).Right); }
        Walk(w.Condition);
        Assert.Equal(1.5, Assert.IsType<NumberLiteral>(values[0]).Value);
        Assert.Equal("2022-06", Assert.IsType<DateLiteral>(values[1]).Iso);
        Assert.Equal("2022-06-15", Assert.IsType<DateLiteral>(values[2]).Iso);
        Assert.True(Assert.IsType<NumberLiteral>(values[3]).IsInteger);
    }

    [Fact]
    public void Strings_take_escapes_and_either_quote()
    {
        var w = (WhereStage)((QueryStatement)One("""quotes where a = "say \"hi\"\n\u00e5" and b = 'it\'s'""")).Query.Stages[0];
        var and = (BinaryExpr)w.Condition;
        Assert.Equal("say \"hi\"\nå", ((StringLiteral)((BinaryExpr)and.Left).Right).Value);
        Assert.Equal("it's", ((StringLiteral)((BinaryExpr)and.Right).Right).Value);
    }

    [Fact]
    public void Statements_split_at_semicolons_and_line_ends_but_not_inside_strings_brackets_or_open_lines()
    {
        var script = "let a = quotes where text contains \"x; y\"\n" +
                     "a | count; docs\n" +
                     "quotes\n  | where lang in (sv,\n de)\n  | count\n" +
                     "quotes where lang = de and\n   kind = full\n" +
                     "-- only a comment\n" +
                     "docs | select title, \n date";
        var parsed = Parse(script);
        Assert.All(parsed, p => Assert.True(p.Succeeded));
        Assert.Equal(6, parsed.Count);
        Assert.IsType<LetStatement>(parsed[0].Statement);
        Assert.Equal("docs", ((NamedSource)((QueryStatement)parsed[2].Statement!).Query.Source).Name.Text);
        Assert.Equal(2, ((QueryStatement)parsed[3].Statement!).Query.Stages.Count);
    }

    [Theory]
    [InlineData("quotes |", true)]
    [InlineData("quotes where lang in (sv,", true)]
    [InlineData("quotes where text contains \"abc", true)]
    [InlineData("quotes where lang = de and", true)]
    [InlineData("quotes | count by", true)]
    [InlineData("quotes where lang = de", false)]
    [InlineData("quotes | count -- done |", false)]
    [InlineData("quotes |\n where lang = de", false)]
    public void The_repl_waits_for_more_only_when_the_statement_is_unfinished(string text, bool needsMore) =>
        Assert.Equal(needsMore, StatementSplitter.NeedsMore(text));

    // ---------------------------------------------------------------- errors: where, what, and what was meant

    static void AssertAt(Diagnostic d, string script, int line, int column, int length)
    {
        var (l, c) = DiagnosticRenderer.LineColumn(script, d.Span.Start);
        Assert.True((line, column, length) == (l, c, d.Span.Length), $"expected {line}:{column} (length {length}), got {l}:{c} (length {d.Span.Length}): {d.Message}");
    }

    [Fact]
    public void An_unknown_stage_is_named_with_the_nearest_one()
    {
        const string s = "quotes | wher lang = de";
        var d = Error(s);
        Assert.Equal("CQL0103", d.Code);
        AssertAt(d, s, 1, 10, 4);
        Assert.Contains("'wher'", d.Message);
        Assert.StartsWith("did you mean 'where'?", d.Suggestion);
    }

    [Theory]
    [InlineData("quotes | sort by lang", "order by")]
    [InlineData("quotes | take 5", "limit")]
    [InlineData("quotes | summarize count() by lang", "count by")]
    [InlineData("quotes | filter lang = de", "where")]
    public void Words_from_sql_and_kql_point_to_our_stage(string script, string meant) =>
        Assert.Contains(meant, Error(script).Suggestion);

    [Theory]
    [InlineData("quotes where text like \"%gränslöst%\"", "contains")]
    [InlineData("quotes | where speaker ilike \"xi%\" | count", "startswith")]
    [InlineData("quotes where text regexp \"^Vi\"", "matches")]
    public void Sql_text_operators_point_to_ours(string script, string meant)
    {
        var d = Error(script);
        Assert.Equal("CQL0102", d.Code);
        Assert.Contains(meant, d.Suggestion);
    }

    [Fact]
    public void A_mistyped_operator_after_a_condition_suggests_the_keyword()
    {
        const string s = "quotes where lang = de adn kind = full";
        var d = Error(s);
        AssertAt(d, s, 1, 24, 3);
        Assert.Equal("did you mean 'and'?", d.Suggestion);
    }

    [Fact]
    public void A_mistyped_where_after_the_source_suggests_where()
    {
        var d = Error("quotes wher lang = de");
        Assert.Equal("did you mean 'where'?", d.Suggestion);
    }

    [Fact]
    public void An_unclosed_string_points_at_its_opening_quote()
    {
        const string s = "quotes where speaker = \"Xi and lang = de";
        var d = Error(s);
        Assert.Equal("CQL0104", d.Code);
        AssertAt(d, s, 1, 24, 1);
    }

    [Fact]
    public void A_missing_bracket_is_reported_where_the_statement_ends()
    {
        const string s = "quotes where lang in (sv, de";
        var d = Error(s);
        AssertAt(d, s, 1, 29, 1);
        Assert.Contains("')'", d.Message);
    }

    [Fact]
    public void Errors_on_later_lines_have_their_own_line_and_column()
    {
        const string s = "docs | count\nquotes\n  | where lang = de\n  | limt 5";
        var d = Error(s);
        AssertAt(d, s, 4, 5, 4);
        Assert.StartsWith("did you mean 'limit'?", d.Suggestion);
    }

    [Theory]
    [InlineData("quotes where d = 2022-13", "CQL0107")]
    [InlineData("quotes where d = 2023-02-29", "CQL0107")]
    [InlineData("quotes where t = \"\\u12\"", "CQL0106")]
    public void Malformed_values_get_their_own_message(string script, string code) => Assert.Equal(code, Error(script).Code);

    [Fact]
    public void A_backslash_that_is_no_escape_is_kept_so_regexes_read_naturally()
    {
        var w = (WhereStage)((QueryStatement)One("""quotes where text matches "\bXi\b \d+\." """)).Query.Stages[0];
        Assert.Equal("\\bXi\\b \\d+\\.", ((StringLiteral)((TextPredicateExpr)w.Condition).Pattern).Value);
    }

    [Fact]
    public void Only_ascii_digits_make_numbers()
    {
        // Arabic-Indic three is a letter-like character to char.IsDigit, never a number to us.
        var d = Error("quotes | limit \u0663");
        Assert.Equal("CQL0101", d.Code);
    }

    [Fact]
    public void The_rendered_error_shows_the_line_a_caret_and_the_suggestion()
    {
        const string s = "quotes | wher lang = de";
        var text = DiagnosticRenderer.Render(Error(s), s);
        Assert.Equal("""
            error CQL0103 at 1:10: unknown stage 'wher'
              1 | quotes | wher lang = de
                |          ^^^^
              = did you mean 'where'? Stages: where, select, extend, order by, limit, count, count by, count distinct, group by, distinct, sample, fill, chart, export, join, left join, collocations, cooccur
            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void A_bad_statement_does_not_hide_the_good_ones_around_it()
    {
        var parsed = Parse("docs | count\nquotes | bogus\nquotes | count");
        Assert.Equal([true, false, true], parsed.Select(p => p.Succeeded));
    }
}
