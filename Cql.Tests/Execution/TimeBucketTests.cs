using Cql.Engine.Binding;
using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Tests.Execution;

/// <summary>bucket() and fill: the periods of dates at every unit against DuckDB's calendar (ISO weeks included),
/// the edges of weeks and years, partial dates, and count by bucket | fill over a corpus, against DuckDB.</summary>
public sealed class TimeBucketTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    static LogicalPlan Plan(string query)
    {
        var parsed = Assert.Single(SpracheQueryParser.Instance.Parse(query));
        var bound = Binder.Bind(parsed.Statement!, new Catalog(new SpeakerAliases([])), query);
        Assert.True(bound.Succeeded, string.Join("; ", bound.Diagnostics.Select(d => d.Message)));
        return ((BoundQuery)bound.Statement!).Plan;
    }

    [Fact]
    public void Every_day_of_thirty_years_falls_in_the_periods_duckdb_gives_it()
    {
        // DuckDB's %G-W%V is the ISO year and week; quarters and months from its own date parts.
        var duck = fx.Corpus.DuckRows("""
            SELECT strftime(d, '%Y-%m-%d'), strftime(d, '%G-W%V'), strftime(d, '%Y-%m'),
                   strftime(d, '%Y') || '-Q' || quarter(d)::VARCHAR, strftime(d, '%Y')
            FROM range(DATE '1998-12-20', DATE '2029-01-10', INTERVAL 1 DAY) t(d) ORDER BY d
            """);
        Assert.True(duck.Count > 10_900);
        foreach (var line in duck)
        {
            var p = line.Split('|');
            var day = p[0];
            Assert.Equal(p[0], DatePeriods.Bucket(day, PeriodUnit.Day));
            Assert.Equal(p[1], DatePeriods.Bucket(day, PeriodUnit.Week));
            Assert.Equal(p[2], DatePeriods.Bucket(day, PeriodUnit.Month));
            Assert.Equal(p[3], DatePeriods.Bucket(day, PeriodUnit.Quarter));
            Assert.Equal(p[4], DatePeriods.Bucket(day, PeriodUnit.Year));
        }
    }

    [Theory]
    [InlineData("2020-12-31", "2020-W53")] // a year with 53 weeks (2020 starts on a Wednesday, and is a leap year)
    [InlineData("2021-01-03", "2020-W53")] // the first days of January can belong to the last week of the year before
    [InlineData("2021-01-04", "2021-W01")]
    [InlineData("2024-12-30", "2025-W01")] // and the last days of December to the first week of the next
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-01", "2026-W53")]
    public void Iso_weeks_cross_the_year_where_the_calendar_says(string date, string week) =>
        Assert.Equal(week, DatePeriods.Bucket(date, PeriodUnit.Week));

    [Fact]
    public void A_date_known_only_coarser_than_the_unit_has_no_period_of_it()
    {
        Assert.Null(DatePeriods.Bucket("2022-06", PeriodUnit.Day));
        Assert.Null(DatePeriods.Bucket("2022-06", PeriodUnit.Week));
        Assert.Equal("2022-06", DatePeriods.Bucket("2022-06", PeriodUnit.Month));
        Assert.Equal("2022-Q2", DatePeriods.Bucket("2022-06", PeriodUnit.Quarter));
        Assert.Null(DatePeriods.Bucket("2022", PeriodUnit.Month));
        Assert.Null(DatePeriods.Bucket("2022", PeriodUnit.Quarter));
        Assert.Equal("2022", DatePeriods.Bucket("2022", PeriodUnit.Year));
        // Not dates at all: no period, never an error.
        foreach (var bad in new[] { "2022-13", "2022-02-30", "22-06", "2022/06", "", "0000" })
            foreach (var unit in Enum.GetValues<PeriodUnit>())
                Assert.Null(DatePeriods.Bucket(bad, unit));
    }

    [Theory]
    [InlineData("2020-W52", PeriodUnit.Week, "2020-W53")]
    [InlineData("2020-W53", PeriodUnit.Week, "2021-W01")]
    [InlineData("2021-W52", PeriodUnit.Week, "2022-W01")] // 2021 has 52 weeks
    [InlineData("2022-Q4", PeriodUnit.Quarter, "2023-Q1")]
    [InlineData("2022-12", PeriodUnit.Month, "2023-01")]
    [InlineData("2024-02-28", PeriodUnit.Day, "2024-02-29")]
    [InlineData("2023-12-31", PeriodUnit.Day, "2024-01-01")]
    [InlineData("2022", PeriodUnit.Year, "2023")]
    public void The_next_period_crosses_years_and_leap_days(string period, PeriodUnit unit, string next) =>
        Assert.Equal(next, DatePeriods.Next(period, unit));

    [Fact]
    public void Count_by_quarter_agrees_with_duckdb_and_reads_in_time_order()
    {
        var ours = Q.Run(Plan("docs | count by bucket(date, quarter) as q"), fx.Corpus.Files);
        var duck = fx.Corpus.DuckRows($"""
            SELECT substr(date, 1, 4) || '-Q' || ((substr(date, 6, 2)::INT - 1) // 3 + 1)::VARCHAR AS q, count(*)
            FROM {fx.Corpus.Table("docs")} GROUP BY q ORDER BY q NULLS LAST
            """);
        Assert.Equal(duck, ours);
        Assert.True(ours.Count > 10);
    }

    [Fact]
    public void Fill_adds_each_missing_month_with_zero_between_the_first_and_the_last()
    {
        // The test documents have months 1-9 of 2020-2023: October to December are missing in 2020, 2021 and 2022.
        var ours = Q.Run(Plan("docs | count by bucket(date, month) as m | fill"), fx.Corpus.Files);
        var duck = fx.Corpus.DuckRows($"""
            WITH months AS (SELECT strftime(d, '%Y-%m') AS m FROM range(DATE '2020-01-01', DATE '2023-10-01', INTERVAL 1 MONTH) t(d)),
                 counted AS (SELECT date AS m, count(*) AS n FROM {fx.Corpus.Table("docs")} GROUP BY date)
            SELECT months.m, coalesce(n, 0) FROM months LEFT JOIN counted USING (m)
            UNION ALL SELECT NULL, count(*) FROM {fx.Corpus.Table("docs")} WHERE date IS NULL
            ORDER BY 1 NULLS LAST
            """);
        Assert.Equal(duck, ours);
        Assert.Equal(45 + 1, ours.Count);
        Assert.Contains("2021-11|0", ours);
    }

    [Fact]
    public void Fill_keeps_each_series_apart()
    {
        // One series per language: every language gets every month, its own count or 0.
        var ours = Q.Run(Plan("docs where date is not null | count by bucket(date, month) as m, lang | fill"), fx.Corpus.Files);
        var duck = fx.Corpus.DuckRows($"""
            WITH months AS (SELECT strftime(d, '%Y-%m') AS m FROM range(DATE '2020-01-01', DATE '2023-10-01', INTERVAL 1 MONTH) t(d)),
                 langs AS (SELECT DISTINCT lang FROM {fx.Corpus.Table("docs")}),
                 counted AS (SELECT date AS m, lang, count(*) AS n FROM {fx.Corpus.Table("docs")} WHERE date IS NOT NULL GROUP BY ALL)
            SELECT months.m, langs.lang, coalesce(n, 0) FROM months CROSS JOIN langs LEFT JOIN counted USING (m, lang)
            ORDER BY 1, 2
            """);
        Assert.Equal(duck.Count, ours.Count);
        Assert.Equal(duck.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        // By period first: the months never go back.
        var months = ours.Select(r => r.Split('|')[0]).ToList();
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
    }
}
