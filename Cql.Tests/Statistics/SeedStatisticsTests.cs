using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Tests.Support;
using System.Text.RegularExpressions;

namespace Cql.Tests.Statistics;

/// <summary>
/// collocations, keywords and cooccur on the default corpus (the seed articles) against a hand computation: the
/// sentences, documents and mentions are read by DuckDB, the words cut by a regular expression (runs of letters and
/// decimal digits, lowercased), and each statistic computed here from grammar.md's formulas, not from the engine.
/// </summary>
public sealed partial class SeedStatisticsTests : IDisposable
{
    readonly string _dir = DefaultCorpus.EnsureBuilt();
    readonly CqlSession _session;

    public SeedStatisticsTests() => _session = CqlSession.Open(_dir);

    public void Dispose() => _session.Dispose();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();

    sealed record Sentence(long DocId, long Start, long End, string DocLang, string[] Words);

    List<Sentence> Sentences() =>
        [.. Duck.Rows($"""
            SELECT s.doc_id, s.start, s."end", d.lang, s.text FROM {T("sentences")} s JOIN {T("docs")} d USING (doc_id) ORDER BY s.sent_id
            """)
            .Select(r => new Sentence(Convert.ToInt64(r[0]), Convert.ToInt64(r[1]), Convert.ToInt64(r[2]), (string)r[3]!,
                [.. WordPattern().Matches((string)r[4]!).Select(m => m.Value.ToLowerInvariant())]))];

    string T(string table) => $"read_parquet('{Path.Combine(_dir, table)}/**/*.parquet')";

    // ---------------------------------------------------------------- collocations

    /// <summary>Collocates of a phrase (each word a prefix when it ends in *), by hand: f_x matches, f_y and N over
    /// the sentences given, f_xy every word within the window of a match, outside it.</summary>
    static List<object?[]> Collocations(List<Sentence> sentences, string[] pattern, int window, int min, Func<double[], double> score)
    {
        var freq = new Dictionary<string, long>(StringComparer.Ordinal);
        var co = new Dictionary<string, long>(StringComparer.Ordinal);
        long n = 0, fx = 0;
        bool Matches(string word, string p) => p.EndsWith('*') ? word.StartsWith(p[..^1], StringComparison.Ordinal) : word == p;
        foreach (var s in sentences)
        {
            var w = s.Words;
            n += w.Length;
            foreach (var x in w) freq[x] = freq.GetValueOrDefault(x) + 1;
            for (int i = 0; i + pattern.Length <= w.Length; i++)
            {
                if (!pattern.Select((p, k) => Matches(w[i + k], p)).All(b => b)) continue;
                fx++;
                for (int j = i - window; j < i + pattern.Length + window; j++)
                    if (j >= 0 && j < w.Length && (j < i || j >= i + pattern.Length)) co[w[j]] = co.GetValueOrDefault(w[j]) + 1;
            }
        }
        var rows = new List<(object?[] Row, double Score)>();
        foreach (var (word, fxy) in co)
        {
            if (fxy < min) continue;
            double fy = freq[word];
            double logDice = 14 + Math.Log2(2.0 * fxy / (fx + fy));
            double mi = Math.Log2(fxy * (double)n / (fx * fy));
            double t = (fxy - fx * fy / n) / Math.Sqrt(fxy);
            double o11 = fxy, o12 = Math.Max(0, fx - fxy), o21 = Math.Max(0, fy - fxy), o22 = Math.Max(0, n - fx - fy + fxy);
            double ll = 2 * (XLogX(o11, fx * fy / n) + XLogX(o12, fx * (n - fy) / n) + XLogX(o21, (n - fx) * fy / n) + XLogX(o22, (n - fx) * (n - fy) / n));
            double[] scores = [logDice, mi, t, ll];
            rows.Add(([word, fxy, (long)fy, logDice, mi, t, ll], score(scores)));
        }
        return [.. rows.OrderByDescending(r => r.Score).ThenBy(r => (string)r.Row[0]!, StringComparer.Ordinal).Select(r => r.Row)];
    }

    static double XLogX(double o, double e) => o > 0 ? o * Math.Log(o / e) : 0;

    [Fact]
    public void Collocations_of_a_wildcard_are_the_hand_computed_rows_by_logdice()
    {
        var expected = Collocations(Sentences(), ["samarbeid*"], 5, 1, s => s[0]);
        Assert.True(expected.Count > 20, "the seeds should give samarbeid* many collocates");
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, """collocations "samarbeid*" min 1"""), "collocations samarbeid*");
        // The default is window 5, min 2.
        TypedRows.AssertSame([.. expected.Where(r => (long)r[1]! >= 2)], TypedRows.Cql(_session, """collocations "samarbeid*" """), "default min 2");
    }

    [Fact]
    public void Collocations_in_a_subcorpus_with_a_window_and_another_score()
    {
        var norwegian = Sentences().Where(s => s.DocLang == "no").ToList();
        var expected = Collocations(norwegian, ["samarbeid*"], 3, 1, s => s[1]);
        Assert.NotEmpty(expected);
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, """sentences where doc.lang = no | collocations "samarbeid*" window 3 min 1 by mi"""), "by mi in no");
        var byT = Collocations(norwegian, ["samarbeid*"], 3, 1, s => s[2]);
        TypedRows.AssertSame(byT, TypedRows.Cql(_session, """sentences where doc.lang = no | collocations "samarbeid*" window 3 min 1 by t"""), "by t in no");
        var byLl = Collocations(norwegian, ["samarbeid*"], 3, 1, s => s[3]);
        TypedRows.AssertSame(byLl, TypedRows.Cql(_session, """sentences where doc.lang = no | collocations "samarbeid*" window 3 min 1 by ll"""), "by ll in no");
    }

    [Fact]
    public void Collocations_of_a_phrase_leave_out_the_phrase_itself()
    {
        var expected = Collocations(Sentences(), ["bilaterale", "samarbeidet"], 2, 1, s => s[0]);
        Assert.NotEmpty(expected);
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, """collocations "bilaterale samarbeidet" window 2 min 1"""), "phrase");
        Assert.DoesNotContain(expected, r => (string)r[0]! == "bilaterale" || (string)r[0]! == "samarbeidet");
    }

    [Fact]
    public void Explain_shows_each_form_reading_only_the_columns_it_needs()
    {
        string Explain(string q) => Assert.IsType<TextOutcome>(Assert.Single(_session.Run("explain " + q, CancellationToken.None))).Text;
        var colloc = Explain("""collocations "samarbeid*" window 3 by mi""");
        Assert.Contains("Collocations \"samarbeid*\" window=3 min=2 by=mi", colloc);
        Assert.Contains("Scan sentences columns=[text]", colloc);
        var keywords = Explain("keywords where doc.lang = de");
        Assert.Contains("Keywords target=_target reference=the rest", keywords);
        Assert.Contains("Scan sentences columns=[doc_id, text]", keywords);
        var cooccur = Explain("cooccur in paragraphs");
        Assert.Contains("Cooccur in paragraphs of person, organisation", cooccur);
        Assert.Contains("Scan mentions columns=[doc_id, entity_id, start]", cooccur);
        Assert.Contains("Scan paragraphs columns=[doc_id, start, end]", cooccur);
    }

    // ---------------------------------------------------------------- keywords

    static List<object?[]> Keywords(List<Sentence> sentences, Func<Sentence, bool> target, Func<Sentence, bool> reference, double minLl)
    {
        var a = new Dictionary<string, long>(StringComparer.Ordinal);
        var b = new Dictionary<string, long>(StringComparer.Ordinal);
        long c = 0, d = 0;
        foreach (var s in sentences)
        {
            if (target(s)) { c += s.Words.Length; foreach (var w in s.Words) a[w] = a.GetValueOrDefault(w) + 1; }
            if (reference(s)) { d += s.Words.Length; foreach (var w in s.Words) b[w] = b.GetValueOrDefault(w) + 1; }
        }
        var rows = new List<object?[]>();
        foreach (var word in a.Keys.Union(b.Keys))
        {
            double fa = a.GetValueOrDefault(word), fb = b.GetValueOrDefault(word);
            double e1 = c * (fa + fb) / (c + d), e2 = d * (fa + fb) / (c + d);
            double ll = 2 * (XLogX(fa, e1) + XLogX(fb, e2));
            if (ll < minLl) continue;
            double logRatio = Math.Log2(((fa == 0 ? 0.5 : fa) / c) / ((fb == 0 ? 0.5 : fb) / d));
            rows.Add([word, (long)fa, (long)fb, fa / c * 1e6, fb / d * 1e6, ll, logRatio]);
        }
        return [.. rows.OrderByDescending(r => (double)r[5]!).ThenBy(r => (string)r[0]!, StringComparer.Ordinal)];
    }

    [Fact]
    public void Keywords_of_the_german_article_against_the_rest_are_the_hand_computed_rows()
    {
        var expected = Keywords(Sentences(), s => s.DocLang == "de", s => s.DocLang != "de", 6.63);
        Assert.True(expected.Count >= 5, "German against the rest should have significant keywords");
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, "keywords where doc.lang = de"), "keywords de");
    }

    [Fact]
    public void Keywords_against_a_second_condition_and_all_of_them()
    {
        var expected = Keywords(Sentences(), s => s.DocLang == "de", s => s.DocLang == "sv", double.NegativeInfinity);
        Assert.Contains(expected, r => (double)r[5]! < 6.63); // all: the insignificant ones too
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, "keywords where doc.lang = de vs where doc.lang = sv all"), "de vs sv, all");
    }

    // ---------------------------------------------------------------- cooccur

    /// <summary>Pairs of people and organisations by hand: a mention belongs to the unit whose [start, end) holds its
    /// start; n counts units with both, logDice uses the units with each.</summary>
    List<object?[]> Cooccur(bool bySentence)
    {
        var kinds = Duck.Rows($"SELECT entity_id, name, kind FROM {T("entities")}")
            .ToDictionary(r => Convert.ToInt64(r[0]), r => (Name: (string)r[1]!, Kind: (string)r[2]!));
        var sentences = Duck.Rows($"SELECT doc_id, sent_id, start, \"end\" FROM {T("sentences")}")
            .Select(r => (Doc: Convert.ToInt64(r[0]), Id: Convert.ToInt64(r[1]), Start: Convert.ToInt64(r[2]), End: Convert.ToInt64(r[3]))).ToList();
        var units = new Dictionary<long, HashSet<string>>();
        foreach (var m in Duck.Rows($"SELECT doc_id, entity_id, start FROM {T("mentions")}"))
        {
            var (name, kind) = kinds[Convert.ToInt64(m[1])];
            if (kind is not ("person" or "organisation")) continue;
            long doc = Convert.ToInt64(m[0]), start = Convert.ToInt64(m[2]);
            long? unit = bySentence
                ? sentences.Where(s => s.Doc == doc && s.Start <= start && start < s.End).Select(s => (long?)s.Id).FirstOrDefault()
                : doc;
            if (unit is null) continue;
            if (!units.TryGetValue(unit.Value, out var set)) units[unit.Value] = set = [];
            set.Add(name);
        }
        var single = new Dictionary<string, long>();
        var pairs = new Dictionary<(string, string), long>();
        foreach (var set in units.Values)
        {
            foreach (var x in set)
            {
                single[x] = single.GetValueOrDefault(x) + 1;
                foreach (var y in set) if (x != y) pairs[(x, y)] = pairs.GetValueOrDefault((x, y)) + 1;
            }
        }
        return [.. pairs.Select(p => new object?[] { p.Key.Item1, p.Key.Item2, p.Value, 14 + Math.Log2(2.0 * p.Value / (single[p.Key.Item1] + single[p.Key.Item2])) })
            .OrderByDescending(r => (long)r[2]!).ThenBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (string)r[1]!, StringComparer.Ordinal)];
    }

    [Fact]
    public void Cooccur_in_sentences_is_the_hand_computed_pairs()
    {
        var expected = Cooccur(bySentence: true);
        Assert.True(expected.Count >= 10, "the seeds mention people together in sentences");
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, "cooccur in sentences"), "cooccur in sentences");
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, "cooccur"), "sentences are the default");
    }

    [Theory]
    [InlineData("sentences", "sent_id")]
    [InlineData("paragraphs", "para_id")]
    public void Cooccur_in_sentences_and_paragraphs_agrees_with_duckdb(string table, string id)
    {
        using var db = Duck.Open();
        foreach (var t in new[] { "sentences", "paragraphs", "mentions", "entities" })
            using (var cmd = db.CreateCommand()) { cmd.CommandText = $"CREATE VIEW {t} AS SELECT * FROM {T(t)}"; cmd.ExecuteNonQuery(); }
        var expected = TypedRows.Duck(db, Differential.CorpusStatisticsTests.CooccurInUnitsSql(table, id));
        Assert.True(expected.Count >= 10, $"the seeds mention people together in {table}");
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, $"cooccur in {table}"), $"cooccur in {table}");
    }

    [Fact]
    public void Cooccur_in_documents_filtered_by_an_alias_gives_a_persons_partners()
    {
        var expected = Cooccur(bySentence: false).Where(r => (string)r[0]! == "Xi Jinping").ToList();
        Assert.NotEmpty(expected);
        TypedRows.AssertSame(expected, TypedRows.Cql(_session, """cooccur in docs where a = "Xi" """), "Xi's partners");
    }
}
