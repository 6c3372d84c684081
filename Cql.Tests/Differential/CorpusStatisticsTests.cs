using Cql.Tests.Support;

namespace Cql.Tests.Differential;

/// <summary>
/// collocations, keywords and cooccur on a generated corpus against the same statistics written in DuckDB SQL over
/// the same Parquet files (words cut by RE2's [\pL\p{Nd}]+ and lowercased, formulas as grammar.md states them):
/// the same rows in the same order, numbers equal to 1e-9.
/// </summary>
public sealed class CorpusStatisticsTests : IClassFixture<GeneratedCorpus>
{
    readonly GeneratedCorpus _corpus;

    public CorpusStatisticsTests(GeneratedCorpus corpus)
    {
        _corpus = corpus;
        corpus.Exec("CREATE OR REPLACE MACRO xlx(o, e) AS CASE WHEN o > 0 THEN o * ln(o / e) ELSE 0 END");
    }

    const string Words = @"regexp_extract_all(s.text, '[\pL\p{Nd}]+')";

    /// <summary>Collocations in SQL: t numbers the words of each row; m is where the phrase starts (its words are
    /// LIKE patterns); a window word is within <paramref name="window"/> of the phrase and outside it.</summary>
    static string CollocationsSql(string from, string[] likes, int window, int min, string by)
    {
        int len = likes.Length;
        var joins = string.Concat(Enumerable.Range(1, len - 1).Select(k => $" JOIN t t{k} ON t{k}.sid = t0.sid AND t{k}.pos = t0.pos + {k}"));
        var tests = string.Join(" AND ", likes.Select((l, k) => $"t{k}.w LIKE '{l}'"));
        return $"""
            WITH t AS (SELECT sid, unnest(range(len(ws))) AS pos, lower(unnest(ws)) AS w FROM (SELECT s.sent_id AS sid, {Words} AS ws {from})),
            m AS (SELECT t0.sid, t0.pos FROM t t0{joins} WHERE {tests}),
            co AS (SELECT t.w, count(*)::DOUBLE AS fxy FROM m JOIN t ON t.sid = m.sid AND t.pos BETWEEN m.pos - {window} AND m.pos + {len - 1 + window}
                   AND NOT (t.pos BETWEEN m.pos AND m.pos + {len - 1}) GROUP BY t.w),
            f AS (SELECT w, count(*)::DOUBLE AS fy FROM t GROUP BY w),
            k AS (SELECT (SELECT count(*) FROM t)::DOUBLE AS n, (SELECT count(*) FROM m)::DOUBLE AS fx),
            s AS (SELECT w, fxy, fy, 14 + log2(2 * fxy / (fx + fy)) AS logdice, log2(fxy * n / (fx * fy)) AS mi, (fxy - fx * fy / n) / sqrt(fxy) AS t,
                  2 * (xlx(fxy, fx * fy / n) + xlx(greatest(fx - fxy, 0), fx * (n - fy) / n) + xlx(greatest(fy - fxy, 0), (n - fx) * fy / n)
                       + xlx(greatest(n - fx - fy + fxy, 0), (n - fx) * (n - fy) / n)) AS ll
                  FROM co JOIN f USING (w), k WHERE fxy >= {min})
            SELECT w, fxy::BIGINT, fy::BIGINT, logdice, mi, t, ll FROM s ORDER BY {by} DESC, w
            """;
    }

    /// <summary>Keywords in SQL: tg and rf say whether a row's words count for the target and the reference.</summary>
    static string KeywordsSql(string from, string target, string reference, double minLl) => $"""
        WITH t AS (SELECT ({target}) IS TRUE AS tg, ({reference}) IS TRUE AS rf, lower(unnest({Words})) AS w {from}),
        f AS (SELECT w, count(*) FILTER (WHERE tg)::DOUBLE AS a, count(*) FILTER (WHERE rf)::DOUBLE AS b FROM t GROUP BY w HAVING a > 0 OR b > 0),
        n AS (SELECT sum(a) AS c, sum(b) AS d FROM f),
        g AS (SELECT w, a, b, a / c * 1e6 AS pm, b / d * 1e6 AS pmr,
              2 * (xlx(a, c * (a + b) / (c + d)) + xlx(b, d * (a + b) / (c + d))) AS ll,
              log2((CASE WHEN a = 0 THEN 0.5 ELSE a END / c) / (CASE WHEN b = 0 THEN 0.5 ELSE b END / d)) AS lr FROM f, n)
        SELECT w, a::BIGINT, b::BIGINT, pm, pmr, ll, lr FROM g WHERE ll >= {(double.IsFinite(minLl) ? minLl : -1e300).ToString(System.Globalization.CultureInfo.InvariantCulture)} ORDER BY ll DESC, w
        """;

    /// <summary>Cooccur in SQL: u is each (unit, person or organisation) once.</summary>
    internal static string CooccurInUnitsSql(string table, string id) => CooccurSql(
        $"s.{id} AS unit, e.name FROM mentions m JOIN e USING (entity_id) JOIN {table} s ON s.doc_id = m.doc_id AND m.start >= s.start AND m.start < s.\"end\"");

    internal static string CooccurSql(string units) => $"""
        WITH e AS (SELECT entity_id, name FROM entities WHERE kind IN ('person', 'organisation')),
        u AS (SELECT DISTINCT {units}),
        one AS (SELECT name, count(*) AS n FROM u GROUP BY name),
        p AS (SELECT x.name AS a, y.name AS b, count(*) AS n FROM u x JOIN u y ON x.unit = y.unit AND x.name <> y.name GROUP BY a, b)
        SELECT a, b, p.n, 14 + log2(2.0 * p.n / (oa.n + ob.n)) FROM p JOIN one oa ON oa.name = a JOIN one ob ON ob.name = b
        ORDER BY p.n DESC, a, b
        """;

    public static TheoryData<string, string> Collocations => new()
    {
        { """collocations "samarbeid*" """, CollocationsSql("FROM sentences s", ["samarbeid%"], 5, 2, "logdice") },
        { """collocations "samarbeid" window 2 min 1 by mi""", CollocationsSql("FROM sentences s", ["samarbeid"], 2, 1, "mi") },
        { """collocations "putin" min 3 by t""", CollocationsSql("FROM sentences s", ["putin"], 5, 3, "t") },
        { """collocations "xi" window 8 by ll""", CollocationsSql("FROM sentences s", ["xi"], 8, 2, "ll") },
        { """collocations "bilateral* samarbeid*" window 3 min 1""", CollocationsSql("FROM sentences s", ["bilateral%", "samarbeid%"], 3, 1, "logdice") },
        { """sentences where doc.lang = no | collocations "samarbeid*" min 1""",
          CollocationsSql("FROM sentences s JOIN docs d USING (doc_id) WHERE d.lang = 'no'", ["samarbeid%"], 5, 1, "logdice") },
        { """collocations "samarbeid*" in quotes""", CollocationsSql("FROM (SELECT quote_id AS sent_id, text FROM quotes) s", ["samarbeid%"], 5, 2, "logdice") },
    };

    public static TheoryData<string, string> Keywords => new()
    {
        { "keywords where doc.lang = de", KeywordsSql("FROM sentences s LEFT JOIN docs d USING (doc_id)", "d.lang = 'de'", "NOT ((d.lang = 'de') IS TRUE)", 6.63) },
        { "keywords where doc.lang = no vs where doc.lang = sv all",
          KeywordsSql("FROM sentences s LEFT JOIN docs d USING (doc_id)", "d.lang = 'no'", "d.lang = 'sv'", double.NegativeInfinity) },
        { "keywords in quotes where speaker = \"Vladimir Putin\"", KeywordsSql("FROM quotes s", "s.speaker = 'Vladimir Putin'", "NOT ((s.speaker = 'Vladimir Putin') IS TRUE)", 6.63) },
    };

    public static TheoryData<string, string> Cooccurs => new()
    {
        // The generated corpus names one person a sentence (and a paragraph), so units smaller than a document are
        // compared on the seeds (SeedStatisticsTests), which mention people together.
        { "cooccur in docs", CooccurSql("m.doc_id AS unit, e.name FROM mentions m JOIN e USING (entity_id)") },
        { "mentions where doc.lang = de | cooccur in docs", CooccurSql("m.doc_id AS unit, e.name FROM mentions m JOIN e USING (entity_id) JOIN docs d USING (doc_id) WHERE d.lang = 'de'") },
    };

    [Theory]
    [MemberData(nameof(Collocations))]
    [MemberData(nameof(Keywords))]
    [MemberData(nameof(Cooccurs))]
    public void Cql_and_duckdb_agree_to_1e9(string cql, string sql)
    {
        var expected = TypedRows.Duck(_corpus.Duck, sql);
        Assert.True(expected.Count >= 3, $"the SQL gives {expected.Count} rows: too few for the test to prove anything\n{sql}");
        TypedRows.AssertSame(expected, TypedRows.Cql(_corpus.Session, cql), cql);
    }
}
