using System.Globalization;
using System.Text;

namespace Cql.Tests.Differential;

/// <summary>Values found in the generated corpus, for literals that select something (and some that do not).</summary>
public sealed record Domains(
    IReadOnlyList<string> Speakers, IReadOnlyList<string> Langs, IReadOnlyList<string> Kinds, IReadOnlyList<string> Cues,
    IReadOnlyList<string> Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Prefixes, int MaxQuoteId, int MaxDocId);

/// <summary>One random query: its CQL, and the DuckDB SQL for the same question, written from the same tree.
/// Ordered: whether the query fixes the order of its rows (else any order is right).</summary>
public sealed record RandomQuery(int Seed, string Cql, string Sql, bool Ordered);

/// <summary>
/// Random, well-typed queries over the tables of a generated corpus (SQLancer-style). Each is a random tree of a
/// source, a filter (comparisons, in-lists, contains/has/matches/startswith, is null, and/or/not, doc.* navigation,
/// functions, semi-joins on doc_id) and a final stage (count, count by one or two keys, order by with and without
/// limit, distinct, group by one or two keys with the aggregates that keep values, top-N per group, limit by, an inner
/// or left join with the entities), rendered twice: as CQL
/// and, independently of the engine's code, as DuckDB SQL following grammar.md's semantics (speaker aliases through
/// the entities table, partial dates as periods, whole words as letter/digit boundaries, nulls last).
/// </summary>
public sealed class RandomQueryGenerator(Domains d)
{
    enum T { Int, Str, Date }

    sealed record Col(string Name, T Type, bool Nullable, bool Doc = false)
    {
        public string Cql => Doc ? "doc." + Name : Name;
        public string Sql => (Doc ? "d." : "t.") + Quote(Name);
    }

    sealed record Table(string Name, string Id, Col[] Cols, bool HasDoc);

    static readonly Col[] DocCols = [new("lang", T.Str, false, true), new("date", T.Date, true, true), new("title", T.Str, true, true), new("doc_id", T.Int, false, true)];

    static readonly Table[] Tables =
    [
        new("quotes", "quote_id", [new("quote_id", T.Int, false), new("doc_id", T.Int, false), new("para_id", T.Int, false), new("sent_id", T.Int, false),
            new("start", T.Int, false), new("end", T.Int, false), new("text", T.Str, false), new("speaker", T.Str, true), new("speaker_text", T.Str, true),
            new("cue", T.Str, true), new("via", T.Str, true), new("kind", T.Str, false), new("lang", T.Str, false),
            new("speaker_role", T.Str, true), new("cue_lemma", T.Str, true)], true),
        new("sentences", "sent_id", [new("doc_id", T.Int, false), new("para_id", T.Int, false), new("sent_id", T.Int, false), new("position", T.Int, false),
            new("start", T.Int, false), new("end", T.Int, false), new("text", T.Str, false), new("lang", T.Str, false)], true),
        new("docs", "doc_id", [new("doc_id", T.Int, false), new("source", T.Str, false), new("lang", T.Str, false), new("title", T.Str, true),
            new("date", T.Date, true), new("outlet", T.Str, true), new("chars", T.Int, false)], false),
    ];

    Random _rng = new(0);
    Table _table = Tables[0];
    bool _joined;
    string _entities = ""; // the SQL join of the entities table a join stage adds, if any

    public RandomQuery Next(int seed)
    {
        _rng = new Random(seed);
        _table = _rng.Next(10) switch { < 7 => Tables[0], < 9 => Tables[1], _ => Tables[2] };
        _joined = false;
        _entities = "";
        var (cqlWhere, sqlWhere) = _rng.Next(8) == 0 ? ("", "") : Condition(_rng.Next(4));
        var (cqlTail, sqlSelect, sqlTail, ordered) = FinalStage();
        var from = $"{_table.Name} t" + (_joined ? " LEFT JOIN docs d ON t.doc_id = d.doc_id" : "") + _entities;
        var cql = _table.Name + (cqlWhere.Length > 0 ? " where " + cqlWhere : "") + cqlTail;
        var sql = $"SELECT {sqlSelect} FROM {from}" + (sqlWhere.Length > 0 ? " WHERE " + sqlWhere : "") + sqlTail;
        return new RandomQuery(seed, cql, sql, ordered);
    }

    // ---------------------------------------------------------------- final stages

    (string Cql, string Select, string Tail, bool Ordered) FinalStage()
    {
        var id = _table.Id;
        string sid = $"t.{id}";
        switch (_rng.Next(11))
        {
            case 0: return (" | count", "count(*)", "", true);
            case 1:
            {
                var c = GroupableColumn();
                return ($" | count by {c.Cql}", $"{c.Sql}, count(*) AS n", $" GROUP BY {c.Sql} ORDER BY n DESC, {c.Sql} NULLS LAST", true);
            }
            case 2:
            {
                var c = AnyColumn();
                bool desc = _rng.Next(2) == 0;
                int limit = 1 + _rng.Next(40);
                var name = c.Doc ? "doc." + c.Name : c.Name;
                var select = c.Name == id && !c.Doc ? $" | select {id}" : $" | select {id}, {name}";
                var sqlSelect = c.Name == id && !c.Doc ? sid : $"{sid}, {c.Sql}";
                var order = c.Name == id && !c.Doc ? $"{id}{(desc ? " desc" : "")}" : $"{name}{(desc ? " desc" : "")}, {id}";
                var sqlOrder = c.Name == id && !c.Doc ? $"{sid}{(desc ? " DESC" : "")}" : $"{c.Sql}{(desc ? " DESC" : "")} NULLS LAST, {sid}";
                return ($"{select} | order by {order} | limit {limit}", sqlSelect, $" ORDER BY {sqlOrder} LIMIT {limit}", true);
            }
            case 3:
            {
                var c = GroupableColumn();
                return ($" | distinct {c.Cql} | order by {c.Cql}", $"DISTINCT {c.Sql}", $" ORDER BY {c.Sql} NULLS LAST", true);
            }
            case 4 when _rng.Next(2) == 0:
            {
                var c = GroupableColumn();
                return ($" | group by {c.Cql} aggregate count() as n, min({id}) as lo, max({id}) as hi | order by {c.Cql}",
                    $"{c.Sql}, count(*), min({sid}), max({sid})", $" GROUP BY {c.Sql} ORDER BY {c.Sql} NULLS LAST", true);
            }
            case 4:
            {
                // The aggregates that keep values: median and a percentile of the ids, a column's value on each group's
                // last row (ids are unique, so no ties), and the set of a column's values.
                var c = GroupableColumn();
                var v = GroupableColumn();
                if (v.Type == T.Date) goto default;
                int p = _rng.Next(101);
                var set = $"CASE WHEN count({v.Sql}) = 0 THEN NULL ELSE array_to_string(list_sort(list_distinct(list({v.Sql}))), '; ') END";
                return ($" | group by {c.Cql} aggregate median({id}) as m, percentile({id}, {p}) as p, arg_max({v.Cql}, {id}) as last, set({v.Cql}) as vs | order by {c.Cql}",
                    $"{c.Sql}, quantile_cont({sid}, 0.5), quantile_cont({sid}, {(p / 100.0).ToString("0.00", CultureInfo.InvariantCulture)}), arg_max({v.Sql}, {sid}), {set}",
                    $" GROUP BY {c.Sql} ORDER BY {c.Sql} NULLS LAST", true);
            }
            case 5:
            {
                // Top-N per group: the first K groups of b within each a, most frequent first.
                var a = GroupableColumn();
                var b = GroupableColumn();
                if (a.Cql == b.Cql) goto default;
                int k = 1 + _rng.Next(3);
                var order = $"n DESC, {a.Sql} NULLS LAST, {b.Sql} NULLS LAST";
                return ($" | count by {a.Cql}, {b.Cql} | order by count desc | limit {k} by {a.Cql}", $"{a.Sql}, {b.Sql}, count(*) AS n",
                    $" GROUP BY {a.Sql}, {b.Sql} QUALIFY row_number() OVER (PARTITION BY {a.Sql} ORDER BY count(*) DESC, {a.Sql} NULLS LAST, {b.Sql} NULLS LAST) <= {k} ORDER BY {order}", true);
            }
            case 6 when _table.Name == "quotes":
            {
                // A join with the entities on the speaker, inner or left, grouped by a column of either side.
                bool left = _rng.Next(2) == 0;
                _entities = $" {(left ? "LEFT " : "")}JOIN entities e ON t.speaker = e.name";
                var join = $" | {(left ? "left " : "")}join entities on {(_rng.Next(2) == 0 ? "speaker = name" : "name = speaker")}";
                if (_rng.Next(2) == 0)
                    return ($"{join} | count by entities.kind", "e.kind, count(*) AS n", " GROUP BY e.kind ORDER BY n DESC, e.kind NULLS LAST", true);
                var c = GroupableColumn();
                return ($"{join} | count by {c.Cql}, entities.entity_id", $"{c.Sql}, e.entity_id, count(*) AS n",
                    $" GROUP BY {c.Sql}, e.entity_id ORDER BY n DESC, {c.Sql} NULLS LAST, e.entity_id NULLS LAST", true);
            }
            case 7:
            {
                // The K rows of each group with the lowest ids (the order is explicit: the re-laid corpus holds its
                // rows in another order than the ids).
                var a = GroupableColumn();
                int k = 1 + _rng.Next(3);
                return ($" | order by {id} | limit {k} by {a.Cql} | select {id}", sid,
                    $" QUALIFY row_number() OVER (PARTITION BY {a.Sql} ORDER BY {sid}) <= {k} ORDER BY {sid}", true);
            }
            case 8:
            {
                // Several keys: many groups, and a key the table is in order by (doc_id) hands its groups on early.
                var a = GroupableColumn();
                var b = GroupableColumn();
                if (a.Cql == b.Cql) goto default;
                var keys = $"{a.Sql} NULLS LAST, {b.Sql} NULLS LAST";
                if (_rng.Next(2) == 0)
                    return ($" | count by {a.Cql}, {b.Cql}", $"{a.Sql}, {b.Sql}, count(*) AS n", $" GROUP BY {a.Sql}, {b.Sql} ORDER BY n DESC, {keys}", true);
                var c = GroupableColumn();
                return ($" | group by {a.Cql}, {b.Cql} aggregate count() as n, count_distinct({c.Cql}) as k | order by {a.Cql}, {b.Cql}",
                    $"{a.Sql}, {b.Sql}, count(*), count(DISTINCT {c.Sql})", $" GROUP BY {a.Sql}, {b.Sql} ORDER BY {keys}", true);
            }
            case 9:
            {
                // Every row sorted, without a limit.
                var c = GroupableColumn();
                bool desc = _rng.Next(2) == 0;
                return ($" | order by {c.Cql}{(desc ? " desc" : "")}, {id} | select {id}", sid,
                    $" ORDER BY {c.Sql}{(desc ? " DESC" : "")} NULLS LAST, {sid}", true);
            }
            default:
                // The rows themselves, in whatever order the table's files hold them.
                return ($" | select {id}", sid, "", false);
        }
    }

    Col GroupableColumn()
    {
        var options = _table.Cols.Where(c => c.Name is not ("text" or "start" or "end")).ToList();
        if (_table.HasDoc && _rng.Next(4) == 0) { _joined = true; return DocCols[_rng.Next(3)]; }
        return options[_rng.Next(options.Count)];
    }

    Col AnyColumn()
    {
        if (_table.HasDoc && _rng.Next(5) == 0) { _joined = true; return DocCols[_rng.Next(DocCols.Length)]; }
        return _table.Cols[_rng.Next(_table.Cols.Length)];
    }

    // ---------------------------------------------------------------- conditions

    (string Cql, string Sql) Condition(int depth)
    {
        if (depth <= 0 || _rng.Next(3) == 0) return Leaf();
        switch (_rng.Next(5))
        {
            case 0:
            {
                var (c, s) = Condition(depth - 1);
                return ($"not ({c})", $"NOT ({s})");
            }
            case 1 or 2:
            {
                var (c1, s1) = Condition(depth - 1);
                var (c2, s2) = Condition(depth - 1);
                return ($"({c1} and {c2})", $"(({s1}) AND ({s2}))");
            }
            default:
            {
                var (c1, s1) = Condition(depth - 1);
                var (c2, s2) = Condition(depth - 1);
                return ($"({c1} or {c2})", $"(({s1}) OR ({s2}))");
            }
        }
    }

    (string Cql, string Sql) Leaf()
    {
        if (_table.HasDoc && _rng.Next(6) == 0) return DocLeaf();
        if (_table.HasDoc && _rng.Next(10) == 0) return SemiJoinLeaf();
        var col = _table.Cols[_rng.Next(_table.Cols.Length)];
        if (col.Name == "speaker" && _rng.Next(2) == 0) return SpeakerLeaf(col);
        if (col.Nullable && _rng.Next(5) == 0)
        {
            bool not = _rng.Next(2) == 0;
            return ($"{col.Cql} is {(not ? "not " : "")}null", $"{col.Sql} IS {(not ? "NOT " : "")}NULL");
        }
        return col.Type switch
        {
            T.Int => IntLeaf(col),
            T.Date => DateLeaf(col),
            _ => _rng.Next(2) == 0 || col.Name is "text" ? TextLeaf(col) : StringLeaf(col),
        };
    }

    /// <summary>doc_id [not] in the documents of some quotes: a query in parentheses, with or without its column named.</summary>
    (string, string) SemiJoinLeaf()
    {
        bool not = _rng.Next(3) == 0;
        var (field, values) = _rng.Next(2) == 0 ? ("lang", d.Langs) : ("kind", d.Kinds);
        var value = values[_rng.Next(values.Count)];
        var inner = $"quotes where {field} = {Str(value)}" + (_rng.Next(2) == 0 ? " | select doc_id" : "");
        var id = Quote("doc_id");
        return ($"doc_id {(not ? "not " : "")}in ({inner})",
            $"t.{id} {(not ? "NOT " : "")}IN (SELECT doc_id FROM quotes WHERE {Quote(field)} = {SqlStr(value)})");
    }

    (string, string) DocLeaf()
    {
        _joined = true;
        switch (_rng.Next(4))
        {
            case 0: return StringLeaf(DocCols[0]);
            case 1: return DateLeaf(DocCols[1]);
            case 2:
            {
                var cmp = Op(out var sqlOp);
                int year = 2014 + _rng.Next(13);
                return ($"year(doc.date) {cmp} {year}", $"TRY_CAST(substr(d.date, 1, 4) AS INTEGER) {sqlOp} {year}");
            }
            default:
            {
                int month = 1 + _rng.Next(12);
                return ($"month(doc.date) = {month}", $"(CASE WHEN length(d.date) >= 7 THEN CAST(substr(d.date, 6, 2) AS INTEGER) END) = {month}");
            }
        }
    }

    (string, string) IntLeaf(Col col)
    {
        int max = col.Name is "doc_id" ? d.MaxDocId : col.Name is "quote_id" or "sent_id" or "para_id" ? d.MaxQuoteId * 2 : col.Name is "chars" ? 8000 : 3000;
        if (_rng.Next(4) == 0)
        {
            var values = Enumerable.Range(0, 1 + _rng.Next(4)).Select(_ => _rng.Next(max + 1)).ToList();
            bool not = _rng.Next(3) == 0;
            var list = string.Join(", ", values);
            return ($"{col.Cql} {(not ? "not " : "")}in ({list})", $"{col.Sql} {(not ? "NOT " : "")}IN ({list})");
        }
        int v = _rng.Next(max + 1);
        var cmp = Op(out var sqlOp);
        return ($"{col.Cql} {cmp} {v}", $"{col.Sql} {sqlOp} {v}");
    }

    string Op(out string sql)
    {
        var (cql, s) = _rng.Next(6) switch { 0 => ("=", "="), 1 => ("!=", "<>"), 2 => ("<", "<"), 3 => ("<=", "<="), 4 => (">", ">"), _ => (">=", ">=") };
        sql = s;
        return cql;
    }

    (string, string) StringLeaf(Col col)
    {
        var pool = col.Name switch
        {
            "lang" => d.Langs,
            "kind" => d.Kinds,
            "cue" => d.Cues,
            "speaker" or "speaker_text" => d.Speakers,
            _ => d.Words,
        };
        string Pick() => _rng.Next(8) == 0 ? "zz" + _rng.Next(100) : pool[_rng.Next(pool.Count)];
        if (_rng.Next(3) == 0)
        {
            var values = Enumerable.Range(0, 1 + _rng.Next(4)).Select(_ => Pick()).ToList();
            bool not = _rng.Next(3) == 0;
            return ($"{col.Cql} {(not ? "not " : "")}in ({string.Join(", ", values.Select(Str))})",
                    $"{col.Sql} {(not ? "NOT " : "")}IN ({string.Join(", ", values.Select(SqlStr))})");
        }
        var v = Pick();
        string cmp, sqlOp;
        if (_rng.Next(4) == 0) cmp = Op(out sqlOp);
        else (cmp, sqlOp) = _rng.Next(2) == 0 ? ("=", "=") : ("!=", "<>");
        // A bare word is a symbol (lang = de) when it is a plain name and no column has it.
        var literal = col.Name is "lang" or "kind" && _rng.Next(2) == 0 && IsPlainWord(v) ? v : Str(v);
        return ($"{col.Cql} {cmp} {literal}", $"{col.Sql} {sqlOp} {SqlStr(v)}");
    }

    bool IsPlainWord(string v) => v.Length > 0 && v.All(c => char.IsAsciiLetterLower(c)) && !_table.Cols.Any(c => c.Name == v)
        && v is not ("and" or "or" or "not" or "in" or "is" or "null" or "true" or "false" or "as" or "asc" or "desc" or "has" or "contains" or "matches" or "startswith");

    (string, string) SpeakerLeaf(Col col)
    {
        // Resolution through the entities table, as grammar.md says: names and aliases, case-insensitively; a name no
        // entity has is compared as written.
        var name = d.Speakers[_rng.Next(d.Speakers.Count)];
        var written = _rng.Next(3) switch { 0 => name.ToLowerInvariant(), 1 => name.ToUpperInvariant(), _ => name };
        if (_rng.Next(6) == 0) written = "Nobody " + _rng.Next(100);
        var w = SqlStr(written);
        var known = $"(lower(e.name) = lower({w}) OR list_contains(list_transform(string_split(e.aliases, '|'), x -> lower(trim(x))), lower({w})))";
        var resolved = $"(SELECT e.name FROM entities e WHERE {known})";
        var exists = $"EXISTS (SELECT 1 FROM entities e WHERE {known})";
        var eq = $"(CASE WHEN {exists} THEN {col.Sql} IN {resolved} ELSE {col.Sql} = {w} END)";
        return _rng.Next(3) == 0 ? ($"{col.Cql} != {Str(written)}", $"NOT {eq}") : ($"{col.Cql} = {Str(written)}", eq);
    }

    (string, string) TextLeaf(Col col)
    {
        bool not = _rng.Next(4) == 0;
        string n = not ? "not " : "", sn = not ? "NOT " : "";
        switch (_rng.Next(4))
        {
            case 0:
            {
                var p = _rng.Next(3) == 0 ? d.Prefixes[_rng.Next(d.Prefixes.Count)] : d.Words[_rng.Next(d.Words.Count)];
                if (_rng.Next(2) == 0) p = p[..Math.Max(1, p.Length - 2)];
                return ($"{col.Cql} {n}contains {Str(p)}", $"{sn}contains(lower({col.Sql}), lower({SqlStr(p)}))");
            }
            case 1:
            {
                var w = _rng.Next(4) == 0 ? d.Phrases[_rng.Next(d.Phrases.Count)] : d.Words[_rng.Next(d.Words.Count)];
                if (_rng.Next(2) == 0) w = _rng.Next(2) == 0 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..];
                // Whole words: the match may not touch a letter or digit on either side.
                return ($"{col.Cql} {n}has {Str(w)}", $"{sn}regexp_matches({col.Sql}, {SqlStr("(?i)(^|[^\\pL\\pN])" + RegexEscape(w) + "($|[^\\pL\\pN])")})");
            }
            case 2:
            {
                var p = d.Prefixes[_rng.Next(d.Prefixes.Count)];
                if (_rng.Next(2) == 0) p = p.ToLowerInvariant();
                return ($"{col.Cql} {n}startswith {Str(p)}", $"{sn}starts_with(lower({col.Sql}), lower({SqlStr(p)}))");
            }
            default:
            {
                // Patterns that mean the same to .NET and to RE2.
                var w = d.Words[_rng.Next(d.Words.Count)];
                var pattern = _rng.Next(5) switch
                {
                    0 => "^" + RegexEscape(char.ToUpperInvariant(w[0]) + w[1..]),
                    1 => RegexEscape(w) + "[.,]",
                    2 => "(" + RegexEscape(w) + "|" + RegexEscape(d.Words[_rng.Next(d.Words.Count)]) + ")",
                    3 => RegexEscape(w[..1]) + "." + RegexEscape(w[1..Math.Min(w.Length, 3)]),
                    _ => "[" + char.ToUpperInvariant(w[0]) + w[0] + "]" + RegexEscape(w[1..]),
                };
                return ($"{col.Cql} {n}matches {Str(pattern)}", $"{sn}regexp_matches({col.Sql}, {SqlStr(pattern)})");
            }
        }
    }

    (string, string) DateLeaf(Col col)
    {
        var day = new DateOnly(2014, 6, 1).AddDays(_rng.Next(4600));
        var (iso, precision) = _rng.Next(3) switch
        {
            0 => (day.ToString("yyyy", CultureInfo.InvariantCulture), 4),
            1 => (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), 7),
            _ => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 10),
        };
        var next = precision == 4 ? day.AddYears(1).ToString("yyyy", CultureInfo.InvariantCulture)
            : precision == 7 ? day.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture) : iso;
        if (_rng.Next(5) == 0)
        {
            // in (…) with periods: any of them.
            var other = day.AddDays(-_rng.Next(900));
            var oIso = other.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var oNext = other.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return ($"{col.Cql} in ({iso}, {oIso})",
                $"({Period(col, iso, next, precision)} OR ({col.Sql} >= '{oIso}' AND {col.Sql} < '{oNext}'))");
        }
        var cmp = Op(out _);
        // A year may be written as a number; a date may be written as text in date form.
        var written = precision == 4 && _rng.Next(2) == 0 ? iso : _rng.Next(4) == 0 ? Str(iso) : iso;
        string sql = precision == 10
            ? $"{col.Sql} {SqlOp(cmp)} '{iso}'"
            : cmp switch
            {
                "=" => Period(col, iso, next, precision),
                "!=" => $"NOT {Period(col, iso, next, precision)}",
                "<" => $"{col.Sql} < '{iso}'",
                ">=" => $"{col.Sql} >= '{iso}'",
                "<=" => $"{col.Sql} < '{next}'",
                _ => $"{col.Sql} >= '{next}'",
            };
        return ($"{col.Cql} {cmp} {written}", sql);
    }

    static string Period(Col col, string iso, string next, int precision) =>
        precision == 10 ? $"({col.Sql} = '{iso}')" : $"({col.Sql} >= '{iso}' AND {col.Sql} < '{next}')";

    static string SqlOp(string cql) => cql == "!=" ? "<>" : cql;

    // ---------------------------------------------------------------- literals

    static string Str(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s) sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", _ => c.ToString() });
        return sb.Append('"').ToString();
    }

    static string SqlStr(string s) => "'" + s.Replace("'", "''") + "'";

    static string Quote(string column) => column is "end" or "start" or "position" ? $"\"{column}\"" : column;

    static string RegexEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) { if ("\\^$.|?*+()[]{}".Contains(c)) sb.Append('\\'); sb.Append(c); }
        return sb.ToString();
    }
}
