using Cql.Engine.Binding;
using Cql.Engine.Core;
using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Tests.Binding;

/// <summary>bucket, fill and chart as the binder reads them: defaults, periods followed through stages, and each
/// mistake with its code, place and suggestion.</summary>
public class ChartBindingTests
{
    static BindResult Bind(string script)
    {
        var parsed = Assert.Single(SpracheQueryParser.Instance.Parse(script));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics.Select(d => DiagnosticRenderer.Render(d, script))));
        return Binder.Bind(parsed.Statement!, new Catalog(new SpeakerAliases([])), script);
    }

    static BoundQuery Query(string script)
    {
        var r = Bind(script);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics.Select(d => DiagnosticRenderer.Render(d, script))));
        return (BoundQuery)r.Statement!;
    }

    static Diagnostic Error(string script, string code, string underlined)
    {
        var r = Bind(script);
        Assert.False(r.Succeeded, $"'{script}' bound without error");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(underlined, script.Substring(d.Span.Start, d.Span.Length));
        return d;
    }

    [Fact]
    public void Bucket_takes_a_unit_as_a_word_or_text()
    {
        var q = Query("quotes | select bucket(doc.date, week) as w, bucket(doc.date, 'quarter') as q");
        var p = (Project)q.Plan;
        Assert.Equal(new DateBucket(new ColumnRef("doc.date", ColumnType.Date), PeriodUnit.Week), p.Columns[0].Expr);
        Assert.Equal(PeriodUnit.Quarter, ((DateBucket)p.Columns[1].Expr).Unit);
        Assert.Equal(ColumnType.String, p.Columns[0].Expr.Type);
    }

    [Fact]
    public void Count_by_a_period_sorts_by_the_period_then_by_count()
    {
        var sort = (Sort)Query("quotes | count by bucket(doc.date, month), lang").Plan;
        Assert.Equal(["bucket(doc.date, month)", "count desc", "lang"], sort.Keys.Select(k => k.ToString()));
        var plain = (Sort)Query("quotes | count by lang").Plan;
        Assert.Equal(["count desc", "lang"], plain.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void Chart_defaults_x_to_the_first_text_column_y_to_the_numbers_and_by_to_the_one_other_text_column()
    {
        var c = Query("quotes | count by bucket(doc.date, month) as m, lang | chart line").Chart!;
        Assert.Equal("m", c.X);
        Assert.Equal(["count"], c.Y);
        Assert.Equal("lang", c.By);
        Assert.Equal(PeriodUnit.Month, c.XPeriod);

        var bar = Query("quotes | count by speaker | chart bar title \"Who speaks\"").Chart!;
        Assert.Equal(("speaker", "Who speaks", (string?)null, (PeriodUnit?)null), (bar.X, bar.Title, bar.By, bar.XPeriod));

        var hist = Query("quotes | select length(text) as n, lang | chart hist").Chart!;
        Assert.Equal(("n", 0), (hist.X, hist.Y.Count));

        var named = Query("quotes | group by lang aggregate count() as n, avg(length(text)) as len | chart bar x lang y len").Chart!;
        Assert.Equal(["len"], named.Y);
    }

    [Fact]
    public void A_period_is_followed_through_select_and_renaming()
    {
        var c = Query("quotes | count by bucket(doc.date, year) as y | select y as period, count | chart bar").Chart!;
        Assert.Equal(("period", PeriodUnit.Year), (c.X, c.XPeriod!.Value));
        Assert.IsType<Fill>(Query("quotes | count by bucket(doc.date, year) as y | select y as period, count | fill").Plan);
    }

    [Fact]
    public void A_let_keeps_its_periods_for_fill_and_chart()
    {
        var catalog = new Catalog(new SpeakerAliases([]));
        const string script = "let m = quotes | count by bucket(doc.date, week) as w\nm | fill | chart area";
        BindResult? last = null;
        foreach (var p in SpracheQueryParser.Instance.Parse(script))
        {
            last = Binder.Bind(p.Statement!, catalog, script);
            Assert.True(last.Succeeded, string.Join("; ", last.Diagnostics.Select(d => d.Message)));
            if (last.Statement is BoundLet l) catalog.SetLet(l.Binding);
        }
        var q = (BoundQuery)last!.Statement!;
        Assert.IsType<Fill>(q.Plan);
        Assert.Equal(PeriodUnit.Week, q.Chart!.XPeriod);
    }

    [Fact]
    public void An_image_export_goes_with_the_chart()
    {
        var q = Query("quotes | count by lang | chart bar | export \"x.svg\"");
        Assert.Equal(ChartImageFormat.Svg, q.Export!.Image);
        // After a chart, a text format still exports the rows.
        Assert.Null(Query("quotes | count by lang | chart bar | export \"x.csv\"").Export!.Image);
    }

    [Fact]
    public void Mistakes_are_named_where_they_are()
    {
        Assert.Contains("did you mean 'month'", Error("quotes | count by bucket(doc.date, mnth)", "CQL0320", "mnth").Suggestion);
        Error("quotes | count by bucket(doc.date)", "CQL0307", "bucket");
        Error("quotes | count by bucket(quote_id, month)", "CQL0308", "quote_id");
        Error("quotes | count by lang | fill", "CQL0321", "fill");
        Error("quotes | count by bucket(doc.date, month) as m, lang | fill lang", "CQL0321", "lang");
        Assert.Contains("fill m", Error("quotes | count by bucket(doc.date, month) as m, bucket(doc.date, year) as y | fill", "CQL0321", "fill").Suggestion);
        Assert.Contains("did you mean 'line'", Error("quotes | count by lang | chart lines", "CQL0322", "lines").Suggestion);
        Error("quotes | count by lang | chart bar | limit 3", "CQL0323", "limit 3");
        Error("quotes | count by lang | chart bar y lang", "CQL0324", "lang");
        Error("quotes | count by lang | chart hist x lang", "CQL0324", "lang");
        Error("quotes | count by lang | export \"x.png\"", "CQL0325", "\"x.png\"");
        Error("quotes | select speaker, lang | chart line", "CQL0326", "chart line");
        Error("quotes | select length(text) as n | chart hist y n", "CQL0327", "n");
        Error("quotes | count by lang | chart bar x language", "CQL0202", "language");
    }
}
