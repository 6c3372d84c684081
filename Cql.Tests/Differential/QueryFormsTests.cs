using Cql.Tests.Support;

namespace Cql.Tests.Differential;

/// <summary>
/// Every form of the language, run through cql and through equivalent DuckDB SQL over the same Parquet files of a
/// generated corpus: the rows must be the same (in the same order where the query orders them).
/// </summary>
public sealed class QueryFormsTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    // Whole-word and token rules as the engine has them: a word is a run of letters and digits.
    const string NotWordChar = @"[^\pL\p{Nd}]";

    public static TheoryData<string, string, string, bool> Forms => new()
    {
        // name, cql, DuckDB SQL, whether the row order is part of the answer
        { "mission as a count", """quotes where speaker = "Vladimir Putin" and lang in (sv, de) | count""",
          "SELECT count(*) FROM quotes WHERE speaker = 'Vladimir Putin' AND lang IN ('sv', 'de')", true },
        { "mission as rows", """quotes where speaker = "Vladimir Putin" and lang in (sv, de)""",
          "SELECT * FROM quotes WHERE speaker = 'Vladimir Putin' AND lang IN ('sv', 'de') ORDER BY quote_id", true },
        { "count by", "quotes | count by lang",
          "SELECT lang, count(*) AS c FROM quotes GROUP BY lang ORDER BY c DESC, lang", true },
        { "top speakers", "quotes | count by speaker | order by count desc | limit 10",
          "SELECT speaker, count(*) AS c FROM quotes GROUP BY speaker ORDER BY c DESC, speaker NULLS LAST LIMIT 10", true },
        { "where after count by", "quotes | count by lang | where count > 300 | order by lang",
          "SELECT lang, count(*) AS c FROM quotes GROUP BY lang HAVING count(*) > 300 ORDER BY lang", true },
        { "contains", """quotes where text contains "samarbeid" | select quote_id""",
          "SELECT quote_id FROM quotes WHERE contains(lower(text), 'samarbeid') ORDER BY quote_id", true },
        { "has", """quotes where text has "samarbeid" | select quote_id""",
          $"SELECT quote_id FROM quotes WHERE regexp_matches(text, '(?i)(^|{NotWordChar})samarbeid($|{NotWordChar})') ORDER BY quote_id", true },
        { "has a phrase", """sentences where text has "bilaterale samarbeidet" | select sent_id""",
          $"SELECT sent_id FROM sentences WHERE regexp_matches(text, '(?i)(^|{NotWordChar})bilaterale samarbeidet($|{NotWordChar})') ORDER BY sent_id", true },
        { "matches", """quotes where text matches "^[A-ZÆØÅ]" | count""",
          "SELECT count(*) FROM quotes WHERE regexp_matches(text, '^[A-ZÆØÅ]')", true },
        { "startswith", """quotes where speaker startswith "vla" | count""",
          "SELECT count(*) FROM quotes WHERE starts_with(lower(speaker), 'vla')", true },
        { "not, or, parentheses, is not null", "quotes where not (lang = no or lang = sv) and speaker is not null | count",
          "SELECT count(*) FROM quotes WHERE NOT (lang = 'no' OR lang = 'sv') AND speaker IS NOT NULL", true },
        { "is null", "quotes where speaker is null | count", "SELECT count(*) FROM quotes WHERE speaker IS NULL", true },
        { "not equal skips nulls", "quotes where kind != dash | count", "SELECT count(*) FROM quotes WHERE kind <> 'dash'", true },
        { "not in", "quotes where lang not in (no, sv, da) | count", "SELECT count(*) FROM quotes WHERE lang NOT IN ('no', 'sv', 'da')", true },
        { "not contains", """quotes where text not contains "a" | count""", "SELECT count(*) FROM quotes WHERE NOT contains(lower(text), 'a')", true },
        { "number range", "quotes where quote_id >= 100 and quote_id < 140 | select quote_id, doc_id, kind",
          "SELECT quote_id, doc_id, kind FROM quotes WHERE quote_id >= 100 AND quote_id < 140 ORDER BY quote_id", true },
        { "in numbers", "quotes where doc_id in (1, 2, 3) | select quote_id",
          "SELECT quote_id FROM quotes WHERE doc_id IN (1, 2, 3) ORDER BY quote_id", true },
        { "extend keeps every column and adds the computed ones", """quotes where quote_id < 40 | extend n = length(text), t = doc.title | order by n desc, quote_id | limit 5""",
          "SELECT q.*, length(q.text) AS n, d.title AS t FROM quotes q LEFT JOIN docs d USING (doc_id) WHERE quote_id < 40 ORDER BY n DESC, quote_id LIMIT 5", true },
        { "extend then filter on the new column", """quotes | extend n = length(text) | where n > 100 | count""",
          "SELECT count(*) FROM quotes WHERE length(text) > 100", true },
        { "semi-join on ids", """quotes where lang = de and doc_id in (quotes where speaker = "Vladimir Putin" | select doc_id) | select quote_id""",
          "SELECT quote_id FROM quotes WHERE lang = 'de' AND doc_id IN (SELECT doc_id FROM quotes WHERE speaker = 'Vladimir Putin') ORDER BY quote_id", true },
        { "anti-join on ids", """quotes where doc_id not in (quotes where speaker = "Vladimir Putin") | count""",
          "SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT doc_id FROM quotes WHERE speaker = 'Vladimir Putin')", true },
        { "semi-join on text, the other side's column by name", """quotes where speaker in (quotes where lang = it and quote_id < 300) | count by speaker""",
          "SELECT speaker, count(*) AS c FROM quotes WHERE speaker IN (SELECT speaker FROM quotes WHERE lang = 'it' AND quote_id < 300) GROUP BY speaker ORDER BY c DESC, speaker", true },
        { "anti-join on text", """quotes where speaker not in (quotes where lang = sv and speaker is not null | select speaker) | count""",
          "SELECT count(*) FROM quotes WHERE speaker NOT IN (SELECT speaker FROM quotes WHERE lang = 'sv' AND speaker IS NOT NULL)", true },
        { "semi-join over a grouped query", """docs where doc_id in (mentions | count by doc_id | where count > 3) | select doc_id, lang""",
          "SELECT doc_id, lang FROM docs WHERE doc_id IN (SELECT doc_id FROM mentions GROUP BY doc_id HAVING count(*) > 3) ORDER BY doc_id", true },
        { "semi-join on a doc field", """quotes where doc.lang in (docs where doc_id < 4 | select lang) | count""",
          "SELECT count(*) FROM quotes q JOIN docs d USING (doc_id) WHERE d.lang IN (SELECT lang FROM docs WHERE doc_id < 4)", true },
        { "doc.date from", "quotes where doc.date >= 2020-01-01 | count",
          "SELECT count(*) FROM quotes q JOIN docs d USING (doc_id) WHERE d.date >= '2020-01-01'", true },
        { "doc.date months, both ends included", "quotes where doc.date >= 2021-03 and doc.date <= 2021-08 | count",
          "SELECT count(*) FROM quotes q JOIN docs d USING (doc_id) WHERE d.date >= '2021-03' AND d.date < '2021-09'", true },
        { "doc.date year", "quotes where doc.date = 2019 | count",
          "SELECT count(*) FROM quotes q JOIN docs d USING (doc_id) WHERE d.date >= '2019' AND d.date < '2020'", true },
        { "doc.date not a year", "docs where date != 2019 | count", "SELECT count(*) FROM docs WHERE NOT (date >= '2019' AND date < '2020')", true },
        { "date in months", "docs where date in (2018-02, 2020-11, 2016-05-04) | select doc_id",
          "SELECT doc_id FROM docs WHERE date = '2016-05-04' OR (date >= '2018-02' AND date < '2018-03') OR (date >= '2020-11' AND date < '2020-12') ORDER BY doc_id", true },
        { "date year up to", "docs where date <= 2016 | count", "SELECT count(*) FROM docs WHERE date < '2017'", true },
        { "date year after", "docs where date > 2023 | count", "SELECT count(*) FROM docs WHERE date >= '2024'", true },
        { "doc fields in select", "quotes where quote_id < 60 | select quote_id, doc.title, doc.lang",
          "SELECT quote_id, d.title, d.lang FROM quotes q LEFT JOIN docs d USING (doc_id) WHERE quote_id < 60 ORDER BY quote_id", true },
        { "year and month", "quotes | count by year(doc.date) as y, month(doc.date) as m",
          "SELECT TRY_CAST(substr(d.date, 1, 4) AS INT) AS y, CASE WHEN length(d.date) >= 7 THEN CAST(substr(d.date, 6, 2) AS INT) END AS m, count(*) AS c "
          + "FROM quotes q LEFT JOIN docs d USING (doc_id) GROUP BY y, m ORDER BY c DESC, y NULLS LAST, m NULLS LAST", true },
        { "coalesce over a doc field and a constant", """quotes where quote_id < 300 | select quote_id, coalesce(speaker, doc.title, "?") as s""",
          "SELECT quote_id, coalesce(q.speaker, d.title, '?') AS s FROM quotes q LEFT JOIN docs d USING (doc_id) WHERE quote_id < 300 ORDER BY quote_id", true },
        { "coalesce as a group key", """quotes | count by coalesce(speaker, "nobody") as s | order by count desc, s | limit 10""",
          "SELECT coalesce(speaker, 'nobody') AS s, count(*) AS c FROM quotes GROUP BY s ORDER BY c DESC, s LIMIT 10", true },
        { "substring from the start, the end and before the start", "quotes where quote_id < 300 | select quote_id, substring(text, 3, 10) as a, substring(text, -5, 3) as b, substring(text, 0, 4) as c",
          "SELECT quote_id, substring(text, 3, 10) AS a, substring(text, -5, 3) AS b, substring(text, 0, 4) AS c FROM quotes WHERE quote_id < 300 ORDER BY quote_id", true },
        { "replace", """quotes where quote_id < 300 | select quote_id, replace(text, "e", "€") as r""",
          "SELECT quote_id, replace(text, 'e', '€') AS r FROM quotes WHERE quote_id < 300 ORDER BY quote_id", true },
        { "trim", "quotes where quote_id < 300 | select quote_id, trim(substring(text, 1, 6)) as t",
          @"SELECT quote_id, regexp_replace(substring(text, 1, 6), '^\s+|\s+$', '', 'g') AS t FROM quotes WHERE quote_id < 300 ORDER BY quote_id", true },
        { "starts and ends, case-insensitive, against a constant and a column", """quotes where starts(text, "DE") or ends(speaker, "in") or starts(text, speaker) | select quote_id""",
          "SELECT quote_id FROM quotes WHERE starts_with(lower(text), 'de') OR ends_with(lower(speaker), 'in') OR starts_with(lower(text), lower(speaker)) ORDER BY quote_id", true },
        { "word_count", "quotes | select quote_id, word_count(text) as w | order by w desc, quote_id | limit 30",
          @"SELECT quote_id, len(regexp_extract_all(text, '[\pL\p{Nd}]+')) AS w FROM quotes ORDER BY w DESC, quote_id LIMIT 30", true },
        { "round, abs and floor", "docs | select doc_id, round(lang_confidence, 2) as r, round(lang_confidence) as r0, round(doc_id, -1) as t, abs(lang_confidence) as a, floor(lang_confidence) as f",
          "SELECT doc_id, round(lang_confidence, 2) AS r, round(lang_confidence) AS r0, round(doc_id, -1) AS t, abs(lang_confidence) AS a, floor(lang_confidence) AS f FROM docs ORDER BY doc_id", true },
        { "day and weekday, null for partial dates", "docs | select doc_id, date, day(date) as d, weekday(date) as w",
          "SELECT doc_id, date, CASE WHEN length(date) >= 10 THEN CAST(substr(date, 9, 2) AS INT) END AS d, isodow(TRY_CAST(date AS DATE)) AS w FROM docs ORDER BY doc_id", true },
        { "split: a part from the start and from the end, empty past the end", """quotes where quote_id < 300 | select quote_id, split(text, " ", 2) as second, split(text, " ", -1) as last, split(text, " ", 500) as none""",
          "SELECT quote_id, split_part(text, ' ', 2), split_part(text, ' ', -1), split_part(text, ' ', 500) FROM quotes WHERE quote_id < 300 ORDER BY quote_id", true },
        { "extract: a group of the first match, null without one", """quotes where quote_id < 300 | select quote_id, extract(text, "([A-Z][a-z]+) ([a-z]+)", 2) as word, extract(text, "[0-9]+") as number""",
          "SELECT quote_id, NULLIF(regexp_extract(text, '([A-Z][a-z]+) ([a-z]+)', 2), ''), NULLIF(regexp_extract(text, '[0-9]+'), '') FROM quotes WHERE quote_id < 300 ORDER BY quote_id", true },
        { "date_diff in days, weeks, months, quarters and years, null below the unit's precision", "docs | select doc_id, date_diff(day, date, 2024-02-29) as d, date_diff(week, date, 2024-02-29) as w, date_diff(month, date, 2024-02-29) as m, date_diff(quarter, 2021-11-30, date) as q, date_diff(year, date, 2030) as y",
          """
          SELECT doc_id,
                 CASE WHEN length(date) >= 10 THEN date_diff('day', date::DATE, DATE '2024-02-29') END,
                 CASE WHEN length(date) >= 10 THEN date_diff('week', date::DATE, DATE '2024-02-29') END,
                 CASE WHEN length(date) >= 7 THEN date_diff('month', (substr(date, 1, 7) || '-01')::DATE, DATE '2024-02-29') END,
                 CASE WHEN length(date) >= 7 THEN date_diff('quarter', DATE '2021-11-30', (substr(date, 1, 7) || '-01')::DATE) END,
                 CASE WHEN length(date) >= 4 THEN 2030 - CAST(substr(date, 1, 4) AS INT) END
          FROM docs ORDER BY doc_id
          """, true },
        { "log: natural and in a base, null at 0", "docs | select doc_id, log(chars) as ln, log(chars, 10) as l10, log(0) as none",
          "SELECT doc_id, ln(chars), ln(chars) / ln(10), NULL FROM docs ORDER BY doc_id", true },
        { "case: the first true condition's value, else the last", "quotes | count by case(length(text) > 200, \"long\", speaker is null, \"anonymous\", length(text) > 80, \"middle\", \"short\") as size",
          "SELECT CASE WHEN length(text) > 200 THEN 'long' WHEN speaker IS NULL THEN 'anonymous' WHEN length(text) > 80 THEN 'middle' ELSE 'short' END AS k, count(*) AS c FROM quotes GROUP BY k ORDER BY c DESC, k", true },
        { "if with a null condition taking the else branch", """quotes | count by if(speaker startswith "v", "v", kind) as k""",
          "SELECT CASE WHEN starts_with(lower(speaker), 'v') THEN 'v' ELSE kind END AS k, count(*) AS c FROM quotes GROUP BY k ORDER BY c DESC, k", true },
        { "if and coalesce widen a whole number to a decimal and take a null literal", "quotes where quote_id < 100 | select quote_id, if(quote_id < 50, quote_id, 0.5) as x, coalesce(null, quote_id) as y",
          "SELECT quote_id, CASE WHEN quote_id < 50 THEN quote_id::DOUBLE ELSE 0.5::DOUBLE END AS x, coalesce(NULL, quote_id) AS y FROM quotes WHERE quote_id < 100 ORDER BY quote_id", true },
        { "select expressions and order", "quotes | select quote_id, length(text) as n, lower(speaker) as s | order by n desc, quote_id | limit 25",
          "SELECT quote_id, length(text) AS n, lower(speaker) AS s FROM quotes ORDER BY n DESC, quote_id LIMIT 25", true },
        { "upper", "quotes where quote_id < 20 | select upper(cue)", "SELECT upper(cue) FROM quotes WHERE quote_id < 20 ORDER BY quote_id", true },
        { "order by with nulls", "quotes | select quote_id, speaker | order by speaker desc, quote_id | limit 40",
          "SELECT quote_id, speaker FROM quotes ORDER BY speaker DESC NULLS LAST, quote_id LIMIT 40", true },
        { "group by aggregates", "quotes | group by lang aggregate count() as n, min(quote_id) as lo, max(quote_id) as hi, avg(length(text)) as mean, sum(length(text)) as total, count_distinct(speaker) as speakers | order by lang",
          "SELECT lang, count(*), min(quote_id), max(quote_id), avg(length(text)), sum(length(text)), count(DISTINCT speaker) FROM quotes GROUP BY lang ORDER BY lang", true },
        { "group by text min and max", "quotes | group by kind aggregate min(speaker) as first, max(speaker) as last, count(speaker) as named | order by kind",
          "SELECT kind, min(speaker), max(speaker), count(speaker) FROM quotes GROUP BY kind ORDER BY kind", true },
        { "group by median and percentiles", "quotes | group by lang aggregate median(length(text)) as m, percentile(length(text), 25) as q1, percentile(quote_id, 0) as lo, percentile(quote_id, 100) as hi | order by lang",
          "SELECT t.lang, quantile_cont(length(t.text), 0.5), quantile_cont(length(t.text), 0.25), quantile_cont(t.quote_id, 0.0), quantile_cont(t.quote_id, 1.0) FROM quotes t GROUP BY t.lang ORDER BY t.lang", true },
        { "group by arg_max and arg_min", "quotes | group by speaker aggregate arg_max(text, quote_id) as last, arg_min(lang, quote_id) as first_lang, arg_max(quote_id, text) as by_text, arg_min(quote_id, length(cue)) as shortest_cue | order by speaker",
          "SELECT speaker, arg_max(text, quote_id), arg_min(lang, quote_id), first(quote_id ORDER BY text DESC, quote_id), first(quote_id ORDER BY length(cue), quote_id) FILTER (WHERE cue IS NOT NULL) FROM quotes GROUP BY speaker ORDER BY speaker NULLS LAST", true },
        { "group by list and set", "quotes where quote_id < 400 | group by lang aggregate list(quote_id) as ids, list(speaker) as speakers, set(kind) as kinds, set(doc_id) as docs | order by lang",
          "SELECT lang, string_agg(quote_id::VARCHAR, '; ' ORDER BY quote_id), string_agg(speaker, '; ' ORDER BY quote_id), array_to_string(list_sort(list_distinct(list(kind))), '; '), array_to_string(list_sort(list_distinct(list(doc_id))), '; ') FROM quotes WHERE quote_id < 400 GROUP BY lang ORDER BY lang", true },
        { "distinct", "quotes | distinct lang, kind | order by lang, kind",
          "SELECT DISTINCT lang, kind FROM quotes ORDER BY lang, kind", true },
        { "let", "let de = quotes where lang = de; de | count by kind",
          "SELECT kind, count(*) AS c FROM quotes WHERE lang = 'de' GROUP BY kind ORDER BY c DESC, kind", true },
        { "kwic wildcard", """kwic "samarbeid*" | count by match""",
          "SELECT tok, count(*) AS c FROM (SELECT unnest(regexp_extract_all(text, '[\\pL\\p{Nd}]+')) AS tok FROM sentences) WHERE starts_with(lower(tok), 'samarbeid') GROUP BY tok ORDER BY c DESC, tok", true },
        { "kwic navigates to the document", """kwic "samarbeid" | where doc.lang = no | count""",
          "SELECT count(*) FROM (SELECT s.doc_id, unnest(regexp_extract_all(s.text, '[\\pL\\p{Nd}]+')) AS tok FROM sentences s) t JOIN docs d USING (doc_id) WHERE lower(tok) = 'samarbeid' AND d.lang = 'no'", true },
        { "tokens", """tokens where norm = "samarbeid" | count""", "SELECT count(*) FROM tokens WHERE norm = 'samarbeid'", true },
        { "tokens by two keys", "tokens | count by norm, doc_id",
          "SELECT norm, doc_id, count(*) AS c FROM tokens GROUP BY norm, doc_id ORDER BY c DESC, norm, doc_id", true },
        { "top-N after a two-key count by", "tokens | count by norm, doc_id | order by count desc | limit 5",
          "SELECT norm, doc_id, count(*) AS c FROM tokens GROUP BY norm, doc_id ORDER BY c DESC, norm, doc_id LIMIT 5", true },
        { "top-N reordering a count by", "quotes | count by lang, kind | order by kind desc | limit 4",
          "SELECT lang, kind, count(*) AS c FROM quotes GROUP BY lang, kind ORDER BY kind DESC NULLS LAST, c DESC, lang LIMIT 4", true },
        { "top-N after group by", "quotes | group by speaker, doc_id aggregate count() as n | order by n desc, speaker, doc_id | limit 6",
          "SELECT speaker, doc_id, count(*) AS n FROM quotes GROUP BY speaker, doc_id ORDER BY n DESC, speaker NULLS LAST, doc_id LIMIT 6", true },
        { "count by doc_id after a filter, top-N", "quotes where lang = de | count by doc_id | order by count desc | limit 5",
          "SELECT doc_id, count(*) AS c FROM quotes WHERE lang = 'de' GROUP BY doc_id ORDER BY c DESC, doc_id LIMIT 5", true },
        { "group by a document, groups in order of first appearance", "quotes where kind != dash | group by doc_id, lang aggregate count() as n, count_distinct(speaker) as s",
          "SELECT doc_id, lang, count(*), count(DISTINCT speaker) FROM quotes WHERE kind <> 'dash' GROUP BY doc_id, lang ORDER BY min(quote_id)", true },
        { "distinct, counted", "quotes | distinct speaker, lang | count",
          "SELECT count(*) FROM (SELECT DISTINCT speaker, lang FROM quotes)", true },
        { "count distinct by a key", "quotes | count distinct speaker by lang",
          "SELECT lang, count(DISTINCT speaker) AS c FROM quotes GROUP BY lang ORDER BY c DESC, lang NULLS LAST", true },
        { "count distinct of a doc field by two keys", "quotes where kind != dash | count distinct doc.source by speaker, lang | limit 20",
          "SELECT q.speaker, q.lang, count(DISTINCT d.source) AS c FROM quotes q LEFT JOIN docs d USING (doc_id) WHERE q.kind <> 'dash' GROUP BY q.speaker, q.lang ORDER BY c DESC, q.speaker NULLS LAST, q.lang NULLS LAST LIMIT 20", true },
        { "count distinct without keys", "quotes | count distinct speaker",
          "SELECT count(DISTINCT speaker) FROM quotes", true },
        { "top-N by length(text)", "quotes | order by length(text) desc, quote_id | limit 5 | select quote_id",
          "SELECT quote_id FROM quotes ORDER BY length(text) DESC, quote_id LIMIT 5", true },
        { "a sentences filter counted by a doc field", "sentences where position = 0 | count by doc.lang",
          "SELECT d.lang, count(*) AS c FROM sentences s LEFT JOIN docs d USING (doc_id) WHERE s.position = 0 GROUP BY d.lang ORDER BY c DESC, d.lang NULLS LAST", true },
        { "docs ordered by a number, top-N", "docs | order by chars desc, doc_id | limit 10 | select doc_id, chars",
          "SELECT doc_id, chars FROM docs ORDER BY chars DESC, doc_id LIMIT 10", true },
        { "docs", "docs | select doc_id, source, lang, date | order by doc_id | limit 30",
          "SELECT doc_id, source, lang, date FROM docs ORDER BY doc_id LIMIT 30", true },
        { "entities and mentions", "mentions | count by entity_id | order by count desc, entity_id | limit 8",
          "SELECT entity_id, count(*) AS c FROM mentions GROUP BY entity_id ORDER BY c DESC, entity_id LIMIT 8", true },
        { "paragraph booleans", "paragraphs where boilerplate = false | count", "SELECT count(*) FROM paragraphs WHERE boilerplate = false", true },
        { "join with entities, counted by a joined column", "quotes | join entities on speaker = name | count by entities.kind",
          "SELECT e.kind, count(*) AS c FROM quotes q JOIN entities e ON q.speaker = e.name GROUP BY e.kind ORDER BY c DESC, e.kind", true },
        { "join rows keep this side's order", "quotes where quote_id < 300 | join entities on name = speaker | select quote_id, entities.entity_id, entities.kind",
          "SELECT quote_id, e.entity_id, e.kind FROM quotes q JOIN entities e ON q.speaker = e.name WHERE quote_id < 300 ORDER BY quote_id, e.entity_id", true },
        { "left join", "quotes where quote_id < 300 | left join entities on speaker = name as e | select quote_id, e.name",
          "SELECT quote_id, e.name FROM quotes q LEFT JOIN entities e ON q.speaker = e.name WHERE quote_id < 300 ORDER BY quote_id, e.entity_id", true },
        { "left join, the unmatched rows", "quotes | left join entities on speaker = name | where entities.entity_id is null | count",
          "SELECT count(*) FROM quotes q LEFT JOIN entities e ON q.speaker = e.name WHERE e.entity_id IS NULL", true },
        { "join filtered on both sides", "quotes | join entities on speaker = name | where entities.kind = person and lang = de | count by speaker",
          "SELECT speaker, count(*) AS c FROM quotes q JOIN entities e ON q.speaker = e.name WHERE e.kind = 'person' AND q.lang = 'de' GROUP BY speaker ORDER BY c DESC, speaker", true },
        { "join a let on doc_id", "let long = docs where chars > 3000; quotes | join long on doc_id | count by long.lang",
          "SELECT d.lang, count(*) AS c FROM quotes q JOIN docs d ON q.doc_id = d.doc_id WHERE d.chars > 3000 GROUP BY d.lang ORDER BY c DESC, d.lang", true },
        { "join on a doc field", "quotes where quote_id < 200 | join docs on doc.lang = lang as same | count",
          "SELECT count(*) FROM quotes q JOIN docs d ON q.doc_id = d.doc_id JOIN docs same ON d.lang = same.lang WHERE q.quote_id < 200", true },
        { "top 3 speakers per language", "quotes | count by lang, speaker | order by count desc | limit 3 by lang",
          "SELECT lang, speaker, c FROM (SELECT lang, speaker, count(*) AS c, row_number() OVER (PARTITION BY lang ORDER BY count(*) DESC, speaker NULLS LAST) AS rn "
          + "FROM quotes GROUP BY lang, speaker) WHERE rn <= 3 ORDER BY c DESC, lang, speaker NULLS LAST", true },
        { "limit by without a sort", "quotes | limit 2 by doc_id | select quote_id",
          "SELECT quote_id FROM (SELECT quote_id, row_number() OVER (PARTITION BY doc_id ORDER BY quote_id) AS rn FROM quotes) WHERE rn <= 2 ORDER BY quote_id", true },
        { "limit by two keys after an order", "quotes | select quote_id, lang, kind, length(text) as n | order by n desc, quote_id | limit 2 by lang, kind",
          "SELECT quote_id, lang, kind, n FROM (SELECT quote_id, lang, kind, length(text) AS n, row_number() OVER (PARTITION BY lang, kind ORDER BY length(text) DESC, quote_id) AS rn FROM quotes) "
          + "WHERE rn <= 2 ORDER BY n DESC, quote_id", true },
        { "a quote's sentence", "quotes where quote_id < 100 | select quote_id, sent.text, sent.position",
          "SELECT q.quote_id, s.text, s.position FROM quotes q LEFT JOIN sentences s ON q.sent_id = s.sent_id WHERE q.quote_id < 100 ORDER BY q.quote_id", true },
        { "quotes whose paragraph is not boilerplate", "quotes where para.boilerplate = false | count by speaker",
          "SELECT q.speaker, count(*) AS c FROM quotes q JOIN paragraphs p ON q.para_id = p.para_id WHERE p.boilerplate = false GROUP BY q.speaker ORDER BY c DESC, q.speaker NULLS LAST", true },
        { "sentences by their paragraph's position", "sentences where para.position = 0 and doc.lang = de | count",
          "SELECT count(*) FROM sentences s JOIN paragraphs p ON s.para_id = p.para_id JOIN docs d ON s.doc_id = d.doc_id WHERE p.position = 0 AND d.lang = 'de'", true },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Cql_and_duckdb_agree(string form, string cql, string sql, bool ordered)
    {
        var expected = corpus.DuckRows(sql);
        var actual = corpus.CqlRows(cql);
        if (!ordered) { expected.Sort(StringComparer.Ordinal); actual.Sort(StringComparer.Ordinal); }
        Assert.True(expected.SequenceEqual(actual),
            $"{form}: cql and DuckDB differ\ncql: {cql}\nsql: {sql}\ncql rows ({actual.Count}): {string.Join(" ; ", actual.Take(8))}\nduck rows ({expected.Count}): {string.Join(" ; ", expected.Take(8))}");
        // Guard against agreeing on nothing: each query must have rows, and a count must count something.
        Assert.NotEmpty(expected);
        Assert.False(expected is ["0"], $"{form}: the answer is an empty count, so the test proves nothing");
    }

    [Fact]
    public void Sample_is_reproducible_for_a_seed_and_draws_from_the_input()
    {
        var a = corpus.CqlRows("quotes where lang = de | select quote_id | sample 25 seed 7");
        var b = corpus.CqlRows("quotes where lang = de | select quote_id | sample 25 seed 7");
        var c = corpus.CqlRows("quotes where lang = de | select quote_id | sample 25 seed 8");
        Assert.Equal(25, a.Count);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var all = corpus.DuckRows("SELECT quote_id FROM quotes WHERE lang = 'de'").ToHashSet();
        Assert.All(a, row => Assert.Contains(row, all));
        Assert.Equal(a.Count, a.Distinct().Count());
    }

    [Fact]
    public void Export_writes_every_row_keeping_nulls_and_its_provenance()
    {
        using var d = new TempDir();
        var parquet = d.File("years.parquet");
        var csv = d.File("years.csv");
        var query = "docs | select doc_id, year(date) as y, month(date) as m, title";
        var outcomes = corpus.Session.Run($"{query} | export \"{parquet}\"\n{query} | export \"{csv}\"", CancellationToken.None).ToList();
        Assert.All(outcomes, o => Assert.IsType<Cql.Engine.Session.ExportOutcome>(o));

        var expected = corpus.DuckRows(
            "SELECT doc_id, TRY_CAST(substr(date, 1, 4) AS INT), CASE WHEN length(date) >= 7 THEN CAST(substr(date, 6, 2) AS INT) END, title FROM docs ORDER BY doc_id");
        Assert.Contains(expected, r => r.Contains("|∅|")); // some documents have no month: the nulls are there to keep
        Assert.Equal(expected, corpus.DuckRows($"SELECT * FROM read_parquet('{parquet}')"));
        Assert.Equal(expected, corpus.DuckRows($"SELECT * FROM read_csv('{csv}', header = true, nullstr = '')"));

        var meta = corpus.DuckRows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{parquet}') WHERE decode(key) LIKE 'cql.%' ORDER BY 1");
        Assert.Contains(meta, m => m.StartsWith("cql.query|" + query));
        Assert.Contains(meta, m => m.StartsWith("cql.corpus_hash|gen-"));
        var sidecar = System.Text.Json.JsonDocument.Parse(File.ReadAllText(csv + ".meta.json")).RootElement;
        Assert.StartsWith(query, sidecar.GetProperty("cql.query").GetString());
        Assert.Equal(expected.Count.ToString(), sidecar.GetProperty("cql.rows").GetString());
    }
}
