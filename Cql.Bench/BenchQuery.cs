namespace Cql.Bench;

/// <summary>One query of the suite: the CQL text and the DuckDB SQL that gives the same answer.
/// In the SQL, {quotes}, {docs}, {sentences}, {tokens}, {paragraphs}, {entities}, {mentions} stand for read_parquet over that
/// table's files.</summary>
public sealed record BenchQuery(string Name, string Cql, string Sql);

/// <summary>The whole-query suite the README reports: the queries users run first, and the ones a corpus tool exists for.</summary>
public static class Suite
{
    /// <summary>Not a word character, as <c>Cql.Engine.Core.WordRules</c> defines words: letters (\pL) and decimal
    /// digits (\p{Nd}) in all of Unicode. RE2's [[:alnum:]] is ASCII-only: it would count "ø" as a boundary.</summary>
    const string NotWord = @"[^\pL\p{Nd}]";

    public static readonly BenchQuery[] Queries =
    [
        new("mission count", """quotes where speaker = "Xi Jinping" and lang in (sv, de) | count""",
            "SELECT count(*) AS count FROM {quotes} WHERE speaker = 'Xi Jinping' AND lang IN ('sv', 'de')"),
        new("mission rows", """quotes where speaker = "Xi Jinping" and lang in (sv, de)""",
            "SELECT * FROM {quotes} WHERE speaker = 'Xi Jinping' AND lang IN ('sv', 'de')"),
        new("count by lang", "quotes | count by lang",
            "SELECT lang, count(*) AS count FROM {quotes} GROUP BY lang"),
        new("top speakers", "quotes | count by speaker | order by count desc | limit 10",
            "SELECT speaker, count(*) AS count FROM {quotes} GROUP BY speaker ORDER BY count DESC LIMIT 10"),
        new("text contains", """quotes where text contains "samarbeid" | count""",
            "SELECT count(*) AS count FROM {quotes} WHERE text ILIKE '%samarbeid%'"),
        new("text has", """quotes where text has "samarbeid" | count""",
            "SELECT count(*) AS count FROM {quotes} WHERE regexp_matches(lower(text), '(^|" + NotWord + ")samarbeid(" + NotWord + "|$)')"),
        new("doc.date range", """quotes where doc.date >= "2020-01-01" and doc.date < "2021-01-01" | count""",
            // docs.date holds a period's first day with its precision beside it; cql compares the date as written at
            // its precision ("2020-01" is before "2020-01-01", "2021-01" before "2021-01-01"), so the SQL compares that
            // text (the range on the DATE first, so DuckDB can prune by the statistics as cql does).
            "SELECT count(*) AS count FROM {quotes} q JOIN {docs} d USING (doc_id) WHERE d.date BETWEEN DATE '2019-12-01' AND DATE '2021-01-01' AND CASE d.date_precision WHEN 'year' THEN strftime(d.date, '%Y') WHEN 'month' THEN strftime(d.date, '%Y-%m') ELSE strftime(d.date, '%Y-%m-%d') END BETWEEN '2020-01-01' AND '2021-01-00'"),
        new("kwic", """kwic "samarbeid" | count""",
            // Every run of non-word characters becomes two spaces, so adjacent occurrences ("samarbeid samarbeid") each
            // keep a boundary of their own; then count ' samarbeid ' by length difference. (A regex that consumes the
            // boundary, as regexp_extract_all does, misses the second of two adjacent words.)
            "SELECT sum((length(s) - length(replace(s, ' samarbeid ', ''))) // 11) AS count FROM (SELECT ' ' || regexp_replace(lower(text), '" + NotWord + "+', '  ', 'g') || ' ' AS s FROM {sentences} WHERE text ILIKE '%samarbeid%')"),
        new("semi-join", """quotes where speaker = "Donald Trump" and doc_id in (quotes where speaker = "Xi Jinping" | select doc_id) | count""",
            "SELECT count(*) AS count FROM {quotes} WHERE speaker = 'Donald Trump' AND doc_id IN (SELECT doc_id FROM {quotes} WHERE speaker = 'Xi Jinping')"),
        new("join entities", "quotes | join entities on speaker = name | count by entities.kind",
            "SELECT e.kind, count(*) AS count FROM {quotes} q JOIN {entities} e ON q.speaker = e.name GROUP BY e.kind"),
        new("top-N per group", "quotes where speaker is not null | count by lang, speaker | order by count desc | limit 3 by lang",
            "SELECT lang, speaker, count FROM (SELECT lang, speaker, count(*) AS count, row_number() OVER (PARTITION BY lang ORDER BY count(*) DESC, speaker) AS rn "
            + "FROM {quotes} WHERE speaker IS NOT NULL GROUP BY lang, speaker) WHERE rn <= 3"),
        // Shapes nobody had tuned (issue 13): word lists, several keys, distinct sets, sorts and top-N by an expression.
        new("words by norm", "tokens | count by norm | order by count desc | limit 10",
            "SELECT norm, count(*) AS count FROM {tokens} GROUP BY norm ORDER BY count DESC, norm LIMIT 10"),
        new("words by norm+doc", "tokens | count by norm, doc_id | order by count desc | limit 3",
            "SELECT norm, doc_id, count(*) AS count FROM {tokens} GROUP BY norm, doc_id ORDER BY count DESC, norm, doc_id LIMIT 3"),
        new("count_distinct", "quotes | group by lang aggregate count_distinct(speaker) as speakers",
            "SELECT lang, count(DISTINCT speaker) AS speakers FROM {quotes} GROUP BY lang"),
        new("distinct", "quotes | distinct speaker, lang | count",
            "SELECT count(*) AS count FROM (SELECT DISTINCT speaker, lang FROM {quotes})"),
        new("top length(text)", "quotes | order by length(text) desc, quote_id | limit 5 | select quote_id",
            "SELECT quote_id FROM {quotes} ORDER BY length(text) DESC, quote_id LIMIT 5"),
        new("count by 2 cols", "quotes | count by lang, kind",
            "SELECT lang, kind, count(*) AS count FROM {quotes} GROUP BY lang, kind"),
        new("filter, by doc", "quotes where lang = de | count by doc_id | order by count desc | limit 5",
            "SELECT doc_id, count(*) AS count FROM {quotes} WHERE lang = 'de' GROUP BY doc_id ORDER BY count DESC, doc_id LIMIT 5"),
        new("mentions grouped", "mentions | count by entity_id | order by count desc | limit 10",
            "SELECT entity_id, count(*) AS count FROM {mentions} GROUP BY entity_id ORDER BY count DESC, entity_id LIMIT 10"),
        new("sentences by doc.", "sentences where position = 0 | count by doc.lang",
            "SELECT d.lang, count(*) AS count FROM {sentences} s JOIN {docs} d USING (doc_id) WHERE s.position = 0 GROUP BY d.lang"),
        new("order docs", "docs | order by chars desc, doc_id | limit 10 | select doc_id, chars",
            "SELECT doc_id, chars FROM {docs} ORDER BY chars DESC, doc_id LIMIT 10"),
        new("para. filter", "quotes where para.boilerplate = false | count by lang",
            "SELECT q.lang, count(*) AS count FROM {quotes} q JOIN {paragraphs} p ON q.para_id = p.para_id WHERE NOT p.boilerplate GROUP BY q.lang"),
    ];

    /// <summary>Words as <c>WordRules</c> cuts them, in RE2: runs of letters and decimal digits.</summary>
    const string WordRun = @"[\pL\p{Nd}]+";

    /// <summary>
    /// `--statistics`: collocations, keywords and cooccur against the same statistics in DuckDB SQL (the formulas of
    /// grammar.md; the differential tests compare every score to 1e-9, here the words and counts in score order).
    /// </summary>
    public static readonly BenchQuery[] Statistics =
    [
        new("collocations", """collocations "samarbeid*" | select word, cofreq, freq""",
            "WITH t AS (SELECT sid, unnest(range(len(ws))) AS pos, lower(unnest(ws)) AS w FROM (SELECT sent_id AS sid, regexp_extract_all(text, '" + WordRun + "') AS ws FROM {sentences})), "
            + "m AS (SELECT sid, pos FROM t WHERE w LIKE 'samarbeid%'), "
            + "co AS (SELECT t.w, count(*) AS cofreq FROM m JOIN t ON t.sid = m.sid AND t.pos BETWEEN m.pos - 5 AND m.pos + 5 AND t.pos <> m.pos GROUP BY t.w), "
            + "f AS (SELECT w, count(*) AS freq FROM t GROUP BY w), x AS (SELECT count(*)::DOUBLE AS fx FROM m) "
            + "SELECT co.w AS word, cofreq, freq FROM co JOIN f USING (w), x WHERE cofreq >= 2 ORDER BY 14 + log2(2 * cofreq / (fx + freq)) DESC, word"),
        new("keywords", "keywords where doc.lang = de | select word, freq, freq_ref",
            "WITH t AS (SELECT d.lang = 'de' AS tg, lower(unnest(regexp_extract_all(s.text, '" + WordRun + "'))) AS w FROM {sentences} s LEFT JOIN {docs} d USING (doc_id)), "
            + "f AS (SELECT w, count(*) FILTER (WHERE tg IS TRUE)::DOUBLE AS a, count(*) FILTER (WHERE tg IS NOT TRUE)::DOUBLE AS b FROM t GROUP BY w), "
            + "n AS (SELECT sum(a) AS c, sum(b) AS d FROM f), "
            + "g AS (SELECT w, a, b, 2 * ((CASE WHEN a > 0 THEN a * ln(a / (c * (a + b) / (c + d))) ELSE 0 END) + (CASE WHEN b > 0 THEN b * ln(b / (d * (a + b) / (c + d))) ELSE 0 END)) AS ll FROM f, n) "
            + "SELECT w AS word, a::BIGINT AS freq, b::BIGINT AS freq_ref FROM g WHERE ll >= 6.63 ORDER BY ll DESC, w"),
        new("cooccur in docs", "cooccur in docs | select a, b, n",
            "WITH e AS (SELECT entity_id, name FROM {entities} WHERE kind IN ('person', 'organisation')), "
            + "u AS (SELECT DISTINCT m.doc_id AS unit, e.name FROM {mentions} m JOIN e USING (entity_id)), "
            + "p AS (SELECT x.name AS a, y.name AS b, count(*) AS n FROM u x JOIN u y ON x.unit = y.unit AND x.name <> y.name GROUP BY a, b) "
            + "SELECT a, b, n FROM p ORDER BY n DESC, a, b"),
    ];
}
