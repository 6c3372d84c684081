using Cql.Engine.Core;
using Cql.Engine.Binding;
using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Tests.Binding;

/// <summary>What names, values and types mean in a query: checked on the plan the binder builds, and on the
/// message, place and suggestion of each mistake.</summary>
public class BinderTests
{
    static readonly SpeakerAliases Speakers = new([
        ("Xi Jinping", ["Xi", "Kinas president", "Chinese President"]),
        ("Vladimir Putin", ["Putin", "Russlands president"]),
        ("Putin Fan Club", ["Putin"]),
    ]);

    static (BindResult Result, string Script) Bind(string script, Catalog? catalog = null)
    {
        catalog ??= new Catalog(Speakers);
        BindResult? last = null;
        foreach (var p in SpracheQueryParser.Instance.Parse(script))
        {
            Assert.True(p.Succeeded, string.Join("\n", p.Diagnostics.Select(d => DiagnosticRenderer.Render(d, script))));
            last = Binder.Bind(p.Statement!, catalog, script);
            if (last.Statement is BoundLet l) catalog.SetLet(l.Binding);
        }
        return (last!, script);
    }

    static BoundQuery Query(string script)
    {
        var (r, s) = Bind(script);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics.Select(d => DiagnosticRenderer.Render(d, s))));
        return (BoundQuery)r.Statement!;
    }

    /// <summary>The predicate of the first Filter in the plan, as text.</summary>
    static string Where(string script)
    {
        for (LogicalPlan p = Query(script).Plan; ; p = p.Inputs[0])
            if (p is Filter f) return f.Predicate.ToString();
    }

    static Diagnostic Error(string script, string code, string underlined)
    {
        var (r, s) = Bind(script);
        Assert.False(r.Succeeded, $"'{script}' bound without error");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(underlined, s.Substring(d.Span.Start, d.Span.Length));
        return d;
    }

    [Fact]
    public void A_bare_word_that_names_no_column_is_text()
    {
        Assert.Equal("lang in (\"sv\", \"de\")", Where("quotes where lang in (sv, de)"));
        Assert.Equal("lang = \"de\"", Where("quotes where lang = de"));
        Assert.Equal("lang = \"de\"", Where("quotes where de = lang"));
    }

    [Fact]
    public void A_bare_word_that_names_a_column_is_that_column()
    {
        Assert.Equal("speaker = speaker_text", Where("quotes where speaker = speaker_text"));
    }

    [Fact]
    public void Speaker_names_go_through_the_entity_aliases_and_say_so()
    {
        var q = Query("quotes where speaker = \"xi\"");
        Assert.Contains("speaker = \"Xi Jinping\"", q.Plan.ToString() + PlanText(q.Plan));
        var note = Assert.Single(q.Notes);
        Assert.Equal(Severity.Note, note.Severity);
        Assert.Contains("Xi Jinping", note.Message);
        Assert.Equal("speaker in (\"Xi Jinping\", \"Vladimir Putin\")", Where("quotes where speaker in (Xi, \"Russlands president\")"));
        // An alias two entities share stands for both; a name nobody has is compared as written.
        Assert.Equal("speaker in (\"Vladimir Putin\", \"Putin Fan Club\")", Where("quotes where speaker = Putin"));
        Assert.Equal("not speaker in (\"Vladimir Putin\", \"Putin Fan Club\")", Where("quotes where speaker != Putin"));
        Assert.Equal("speaker = \"Ola Nordmann\"", Where("quotes where speaker = \"Ola Nordmann\""));
        // The words as written are compared as written.
        Assert.Equal("speaker_text = \"Xi\"", Where("quotes where speaker_text = \"Xi\""));
    }

    static string PlanText(LogicalPlan p) => p is Filter f ? f.Predicate.ToString() : string.Concat(p.Inputs.Select(PlanText));

    [Theory]
    [InlineData("docs where date = 2022-06-15", "date = 2022-06-15")]
    [InlineData("docs where date = 2022-06", "(date >= 2022-06 and date < 2022-07)")]
    [InlineData("docs where date = 2022-12", "(date >= 2022-12 and date < 2023-01)")]
    [InlineData("docs where date <= 2022", "date < 2023")]
    [InlineData("docs where date > 2022-06", "date >= 2022-07")]
    [InlineData("docs where date < 2022-06", "date < 2022-06")]
    [InlineData("docs where date >= \"2022-06\"", "date >= 2022-06")]
    [InlineData("docs where 2022 < date", "date >= 2023")]
    public void A_partial_date_means_its_whole_period(string script, string predicate) => Assert.Equal(predicate, Where(script));

    [Fact]
    public void Doc_fields_join_the_documents_and_docs_read_their_own()
    {
        var plan = Query("quotes where doc.lang = de | select text").Plan;
        Assert.Contains(Flatten(plan), p => p is ContextJoin);
        Assert.Equal("doc.lang = \"de\"", Where("quotes where doc.lang = de"));
        Assert.DoesNotContain(Flatten(Query("docs where doc.lang = de").Plan), p => p is ContextJoin);
        Assert.Equal("lang = \"de\"", Where("docs where doc.lang = de"));
    }

    [Theory]
    [InlineData("quotes where doc.lang = de", "quotes")]
    [InlineData("quotes | order by doc.date desc", "quotes")]
    [InlineData("quotes where doc.lang = de and doc.title contains \"Xi\" | order by doc.date", "quotes")]
    [InlineData("sentences where doc.date >= 2022", "sentences")]
    public void Filtering_or_ordering_by_a_doc_field_adds_no_columns(string script, string table)
    {
        // The rows keep the table's own columns: no doc.text on every quote, no 24-column kwic.
        var expected = CorpusSchema.Find(table)!.Columns.Select(c => c.Name);
        Assert.Equal(expected, Query(script).Plan.Schema.Select(c => c.Name));
    }

    [Fact]
    public void Kwic_filtered_by_a_doc_field_keeps_its_columns_and_select_adds_what_it_names()
    {
        var kwic = Query("kwic \"samarbeid\"").Plan.Schema.Select(c => c.Name).ToList();
        Assert.Equal(kwic, Query("kwic \"samarbeid\" | where doc.lang = no").Plan.Schema.Select(c => c.Name));
        Assert.Equal(["text", "doc.title"], Query("quotes where doc.lang = de | select text, doc.title").Plan.Schema.Select(c => c.Name));
    }

    static IEnumerable<LogicalPlan> Flatten(LogicalPlan p) => new[] { p }.Concat(p.Inputs.SelectMany(Flatten));

    [Fact]
    public void Lets_are_sources_for_later_statements()
    {
        var plan = Query("let de = quotes where lang = de\nde | where kind = full | count").Plan;
        Assert.Contains(Flatten(plan), p => p is Filter { Predicate: Compare { Left: ColumnRef { Name: "lang" } } });
    }

    [Fact]
    public void Select_names_columns_by_alias_by_name_or_by_their_text()
    {
        var plan = Query("quotes | select speaker, doc.title, length(text), lower(cue) as c").Plan;
        Assert.Equal(["speaker", "doc.title", "length(text)", "c"], plan.Schema.Select(c => c.Name));
        Assert.Equal(["lang", "count"], Query("quotes | count by lang").Plan.Schema.Select(c => c.Name));
        Assert.Equal(["kind", "n", "min_doc_date", "avg(length(text))"],
            Query("quotes | group by kind aggregate count() as n, min(doc.date), avg(length(text))").Plan.Schema.Select(c => c.Name));
    }

    // ---------------------------------------------------------------- mistakes

    [Fact]
    public void An_unknown_column_suggests_the_nearest_and_lists_the_rest()
    {
        var d = Error("quotes where speker = \"Xi\"", "CQL0202", "speker");
        Assert.Equal("unknown column 'speker' in quotes", d.Message);
        Assert.StartsWith("did you mean 'speaker'?", d.Suggestion);
        Assert.Contains("speaker_text", d.Suggestion);
    }

    [Fact]
    public void An_unknown_table_suggests_the_nearest()
    {
        var d = Error("quots | count", "CQL0201", "quots");
        Assert.StartsWith("did you mean 'quotes'?", d.Suggestion);
    }

    [Fact]
    public void Columns_gone_after_a_stage_are_unknown_there()
    {
        var d = Error("quotes | count by lang | where speaker = x", "CQL0202", "speaker");
        Assert.Contains("the result of count by", d.Message);
    }

    [Fact]
    public void Doc_navigation_needs_a_doc_id_and_a_real_field()
    {
        Error("quotes | count by lang | where doc.lang = de", "CQL0204", "doc.lang");
        var d = Error("quotes where doc.titel = \"x\"", "CQL0203", "titel");
        Assert.StartsWith("did you mean 'title'?", d.Suggestion);
        Error("quotes where speaker.name = \"x\"", "CQL0205", "speaker");
    }

    [Theory]
    [InlineData("quotes where lang = 5", "CQL0302", "lang = 5", "quotes")]
    [InlineData("quotes where quote_id = \"5\"", "CQL0302", "quote_id = \"5\"", "without quotes")]
    [InlineData("quotes where speaker = null", "CQL0303", "speaker = null", "is null")]
    [InlineData("quotes where speaker != null", "CQL0303", "speaker != null", "is not null")]
    [InlineData("quotes where lang", "CQL0301", "lang", "compare it")]
    [InlineData("quotes where quote_id contains \"1\"", "CQL0304", "quote_id", "text column")]
    [InlineData("quotes where text contains 5", "CQL0305", "5", "in quotes")]
    [InlineData("quotes where text matches \"(unclosed\"", "CQL0306", "\"(unclosed\"", ".NET")]
    [InlineData("quotes | select lenght(text)", "CQL0206", "lenght", "did you mean 'length'?")]
    [InlineData("quotes | select count(text)", "CQL0206", "count", "aggregate")]
    [InlineData("quotes | select year(quote_id)", "CQL0308", "quote_id", null)]
    [InlineData("quotes | group by lang aggregate mean(quote_id)", "CQL0207", "mean", "aggregates")]
    [InlineData("quotes | group by lang aggregate avg(text)", "CQL0315", "text", null)]
    [InlineData("quotes | group by lang aggregate max()", "CQL0314", "max", "max(")]
    [InlineData("quotes | group by lang aggregate median(text)", "CQL0315", "text", null)]
    [InlineData("quotes | group by lang aggregate median(quote_id, 5)", "CQL0307", "median", null)]
    [InlineData("quotes | group by lang aggregate percentile(quote_id)", "CQL0307", "percentile", null)]
    [InlineData("quotes | group by lang aggregate percentile(quote_id, 101)", "CQL0308", "101", null)]
    [InlineData("quotes | group by lang aggregate percentile(quote_id, doc_id)", "CQL0308", "doc_id", null)]
    [InlineData("quotes | group by lang aggregate arg_max(text)", "CQL0307", "arg_max", null)]
    [InlineData("quotes | group by lang aggregate arg_min(text, in_boilerplate)", "CQL0308", "in_boilerplate", null)]
    [InlineData("quotes | group by lang aggregate list(text, quote_id)", "CQL0307", "list", null)]
    [InlineData("quotes | select lang, lang", "CQL0208", "lang", "'as'")]
    [InlineData("quotes | count by lang | count by count", "CQL0208", "count", "'as'")]
    [InlineData("quotes | limit 2.5", "CQL0309", "2.5", null)]
    [InlineData("quotes | export \"out.xlsx\"", "CQL0312", "\"out.xlsx\"", ".parquet")]
    [InlineData("quotes | export \"a.csv\" | count", "CQL0311", "count", "end")]
    [InlineData("kwic \"samarbeid\" in tokens", "CQL0211", "tokens", "sentences")]
    [InlineData("kwic \"* *\"", "CQL0310", "\"* *\"", null)]
    [InlineData("quotes where lang in (de, 5)", "CQL0302", "5", null)]
    [InlineData("quotes | select coalesce(speaker)", "CQL0307", "coalesce", null)]
    [InlineData("quotes | select coalesce(speaker, quote_id)", "CQL0308", "quote_id", null)]
    [InlineData("quotes | select substring(text, 1)", "CQL0307", "substring", null)]
    [InlineData("quotes | select substring(text, \"1\", 2)", "CQL0308", "\"1\"", null)]
    [InlineData("quotes | select substring(text, 1.5, 2)", "CQL0308", "1.5", null)]
    [InlineData("quotes | select replace(text, \"a\")", "CQL0307", "replace", null)]
    [InlineData("quotes | select replace(text, 1, \"b\")", "CQL0308", "1", null)]
    [InlineData("quotes | select trim(text, text)", "CQL0307", "trim", null)]
    [InlineData("quotes | select trim(quote_id)", "CQL0308", "quote_id", null)]
    [InlineData("quotes where starts(text)", "CQL0307", "starts", null)]
    [InlineData("quotes where starts(text, 5)", "CQL0308", "5", null)]
    [InlineData("quotes where ends(quote_id, \"a\")", "CQL0308", "quote_id", null)]
    [InlineData("quotes | select word_count()", "CQL0307", "word_count", null)]
    [InlineData("quotes | select split(text, \" \")", "CQL0307", "split", null)]
    [InlineData("quotes | select split(text, \" \", \"2\")", "CQL0308", "\"2\"", null)]
    [InlineData("quotes | select extract(text, speaker)", "CQL0308", "speaker", null)]
    [InlineData("quotes | select extract(text, \"(a\")", "CQL0306", "\"(a\"", null)]
    [InlineData("quotes | select extract(text, \"(a)\", 2)", "CQL0308", "2", null)]
    [InlineData("quotes | select date_diff(hour, doc.date, now())", "CQL0320", "hour", null)]
    [InlineData("quotes | select date_diff(day, quote_id, now())", "CQL0308", "quote_id", null)]
    [InlineData("quotes | select now(1)", "CQL0307", "now", null)]
    [InlineData("quotes | select log(text)", "CQL0308", "text", null)]
    [InlineData("quotes | select case(quote_id > 1, 1, 2, 3)", "CQL0307", "case", null)]
    [InlineData("quotes | select case(quote_id, 1, 2)", "CQL0308", "quote_id", null)]
    [InlineData("quotes | select case(quote_id > 1, 1, \"x\")", "CQL0308", "\"x\"", null)]
    [InlineData("quotes | select word_count(quote_id)", "CQL0308", "quote_id", null)]
    [InlineData("docs | select round(lang_confidence, 1, 2)", "CQL0307", "round", null)]
    [InlineData("docs | select round(text)", "CQL0308", "text", null)]
    [InlineData("docs | select round(lang_confidence, doc_id)", "CQL0308", "doc_id", null)]
    [InlineData("docs | select abs()", "CQL0307", "abs", null)]
    [InlineData("docs | select abs(lang)", "CQL0308", "lang", null)]
    [InlineData("docs | select floor(lang)", "CQL0308", "lang", null)]
    [InlineData("docs | select day(doc_id)", "CQL0308", "doc_id", null)]
    [InlineData("docs | select weekday(date, 1)", "CQL0307", "weekday", null)]
    [InlineData("docs | select weekday(lang_confidence)", "CQL0308", "lang_confidence", null)]
    [InlineData("quotes | select if(lang = de, 1)", "CQL0307", "if", null)]
    [InlineData("quotes | select if(lang, 1, 2)", "CQL0308", "lang", null)]
    [InlineData("quotes | select if(lang = de, \"x\", 2)", "CQL0308", "2", null)]
    public void Mistakes_are_named_at_their_place_with_what_to_do(string script, string code, string underlined, string? suggestionPart)
    {
        var d = Error(script, code, underlined);
        if (suggestionPart is not null) Assert.Contains(suggestionPart, d.Suggestion);
    }

    [Fact]
    public void A_let_cannot_take_a_tables_name()
    {
        Error("let quotes = docs", "CQL0209", "quotes");
    }

    [Fact]
    public void A_word_one_letter_from_a_column_is_read_as_text_with_a_note()
    {
        var q = Query("quotes where speaker = speakr");
        Assert.Contains(q.Notes, n => n.Code == "CQL0903");
    }

    [Fact]
    public void In_a_let_takes_the_column_of_the_same_name_and_in_a_query_its_only_column()
    {
        Assert.Contains(Flatten(Query("let x = quotes where speaker = \"Xi\"\nquotes where doc_id in x").Plan),
            p => p is Filter { Predicate: InSubquery { Column: "doc_id", Label: "x.doc_id" } });
        Assert.Contains(Flatten(Query("quotes where speaker in (quotes where lang = de | select speaker)").Plan),
            p => p is Filter { Predicate: InSubquery { Column: "speaker" } });
        Assert.Contains(Flatten(Query("let x = quotes | count by doc_id\nquotes where doc_id not in (x)").Plan),
            p => p is Filter { Predicate: Not { Operand: InSubquery { Column: "doc_id" } } });
    }

    [Fact]
    public void A_semi_join_says_which_column_to_name_and_when_the_key_types_differ()
    {
        Error("quotes where doc_id in nosuch", "CQL0316", "nosuch");
        Error("quotes where doc_id in (quotes | count by speaker, lang)", "CQL0317", "quotes | count by speaker, lang");
        var d = Error("let x = quotes\nquotes where doc_id in x.speaker", "CQL0318", "doc_id in x.speaker");
        Assert.Contains("quote_id", d.Suggestion);
    }

    [Fact]
    public void Extend_keeps_the_columns_in_order_replaces_a_named_one_in_place_and_adds_the_rest()
    {
        var columns = CorpusSchema.Quotes.Columns.Select(c => c.Name).ToList();
        Assert.Equal([.. columns, "n", "lower(cue)"], Query("quotes | extend n = length(text), lower(cue)").Plan.Schema.Select(c => c.Name));
        var replaced = Query("quotes | extend text = upper(text)").Plan.Schema.Select(c => c.Name).ToList();
        Assert.Equal(columns, replaced);
        Error("quotes | extend n = 1, n = 2", "CQL0208", "n");
    }

    [Fact]
    public void A_join_brings_the_other_rows_columns_named_by_the_join_after_this_sides()
    {
        var plan = Query("quotes | join entities on speaker = name").Plan;
        var names = plan.Schema.Select(c => c.Name).ToList();
        Assert.Equal([.. CorpusSchema.Quotes.Columns.Select(c => c.Name), .. CorpusSchema.Entities.Columns.Select(c => "entities." + c.Name)], names);
        var join = Assert.IsType<Join>(plan);
        Assert.Equal(("speaker", "name", false), (join.Key.ToString(), join.OtherKey, join.Left));
        // Keys written the other way round, qualified, or named once for both sides mean the same join.
        Assert.Equal("speaker", Assert.IsType<Join>(Query("quotes | join entities on name = speaker").Plan).Key.ToString());
        Assert.Equal("name", Assert.IsType<Join>(Query("quotes | join entities on speaker = entities.name").Plan).OtherKey);
        var let = Assert.IsType<Join>(Query("let big = docs where chars > 100\nquotes | left join big on doc_id as d").Plan);
        Assert.Equal(("doc_id", "d", true), (let.OtherKey, let.Name, let.Left));
        Assert.Contains(Query("quotes | join entities on speaker = name as e | select e.kind").Plan.Schema, c => c.Name == "e.kind");
        // A key that reads a document field joins the documents first.
        Assert.Contains(Flatten(Query("quotes | join docs on doc.lang = lang as same").Plan), p => p is ContextJoin);
    }

    [Fact]
    public void A_join_says_what_is_wrong_with_its_keys_and_names()
    {
        var types = Error("quotes | join entities on quote_id = name", "CQL0340", "join entities on quote_id = name");
        Assert.Contains("number", types.Message);
        Assert.Contains("text", types.Message);
        Assert.Contains("entity_id", types.Suggestion);
        Error("quotes | join entitis on speaker = name", "CQL0201", "entitis");
        var unknown = Error("quotes | join entities on speaker = nme", "CQL0202", "nme");
        Assert.Contains("'name'", unknown.Suggestion);
        Error("quotes | join entities on speakr = name", "CQL0202", "speakr");
        Error("quotes | join entities on speaker = name | join entities on speaker_text = name", "CQL0341", "entities");
        Error("quotes | join entities on speaker = name as doc", "CQL0341", "doc");
        Error("quotes | join entities on speaker = lower(name)", "CQL0342", "lower(name)");
        Error("quotes | join entities on speaker = name | where entities.knd = person", "CQL0202", "knd");
    }

    [Fact]
    public void Limit_by_keeps_the_first_rows_of_each_group_and_its_columns()
    {
        var plan = Query("quotes | count by lang, speaker | order by count desc | limit 3 by lang").Plan;
        var limit = Assert.IsType<LimitBy>(plan);
        Assert.Equal((3L, "lang"), (limit.Count, Assert.Single(limit.Keys).ToString()));
        Assert.Equal(["lang", "speaker", "count"], plan.Schema.Select(c => c.Name));
        // By a document field: the documents are joined for the test, not added to the rows.
        Assert.Equal(CorpusSchema.Quotes.Columns.Select(c => c.Name), Query("quotes | limit 1 by doc.lang").Plan.Schema.Select(c => c.Name));
    }

    [Theory]
    [InlineData("quotes where para.boilerplate = false", "quotes")]
    [InlineData("quotes | order by sent.position", "quotes")]
    [InlineData("tokens where sent.text contains \"Xi\"", "tokens")]
    [InlineData("sentences where para.boilerplate = true and doc.lang = de", "sentences")]
    public void Navigating_to_the_sentence_or_paragraph_adds_no_columns(string script, string table) =>
        Assert.Equal(CorpusSchema.Find(table)!.Columns.Select(c => c.Name), Query(script).Plan.Schema.Select(c => c.Name));

    [Fact]
    public void Sent_and_para_fields_join_their_table_and_select_names_them()
    {
        var plan = Query("quotes | select text, sent.text, para.boilerplate").Plan;
        Assert.Equal(["text", "sent.text", "para.boilerplate"], plan.Schema.Select(c => c.Name));
        var joins = Flatten(plan).OfType<ContextJoin>().Select(j => j.Link.Qualifier).Order();
        Assert.Equal(["para", "sent"], joins);
        // The row's own id needs no join.
        Assert.DoesNotContain(Flatten(Query("quotes | select sent.sent_id").Plan), p => p is ContextJoin);
        Error("tokens where para.boilerplate = false", "CQL0204", "para.boilerplate");
        var d = Error("quotes where sent.txt = \"x\"", "CQL0203", "txt");
        Assert.StartsWith("sentences have no field", d.Message);
    }
}
