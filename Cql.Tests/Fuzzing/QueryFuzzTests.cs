using Cql.Engine.Diagnostics;
using Cql.Engine.Session;
using Cql.Tests.Differential;
using Cql.Tests.Support;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Cql.Tests.Fuzzing;

/// <summary>
/// Mutated queries must end in rows or in diagnostics with a place in the text — never in an exception, a hang or a
/// crash. Valid queries are mutated at random (deletions, insertions from a hostile token pool, duplications,
/// swaps, truncations); each mutant is checked (parse + bind) and, when it binds, run against a generated corpus.
/// Inputs that once broke cql are kept in regressions.txt and run first, every time.
/// </summary>
public sealed class QueryFuzzTests(GeneratedCorpus corpus, ITestOutputHelper output) : IClassFixture<GeneratedCorpus>
{
    static readonly string[] Tokens =
    [
        "quotes", "docs", "sentences", "tokens", "entities", "mentions", "kwic", "let", "explain", "show", "tables", "describe",
        "where", "select", "order", "by", "asc", "desc", "limit", "count", "group", "aggregate", "distinct", "sample", "seed", "export", "as",
        "and", "or", "not", "in", "is", "null", "true", "false", "contains", "has", "matches", "startswith", "width",
        "speaker", "lang", "text", "doc.date", "doc.", "doc", ".", "lower(", "year(", "count()", "min(", "avg(",
        "|", "||", "(", ")", "((", ",", ";", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "-", "--", "*", "\\", "\"", "'", "\n", "\t", " ",
        "\"x\"", "'y'", "\"\\u00e5\"", "\"\\u12\"", "\"\\", "0", "-1", "2.5", "1e308", "1e400", "99999999999999999999", "2022-06", "2022-13-45",
        "2022-02-29", "\"(a+)+$\"", "\"[\"", "\"*\"", "\"a*b\"", "\"export.csv\"", "\"/nonexistent/dir/x.parquet\"", "\"x.xlsx\"",
        "å", "ø", "\u0663", "\u200F", "\uFEFF", "\0", "😀", "İ", "ß", new string('x', 300),
    ];

    static IEnumerable<string> Seeds()
    {
        foreach (var row in QueryFormsTests.Forms) yield return (string)row[1];
        yield return "quotes where speaker = \"Xi\" and lang in (sv, de)";
        yield return "explain quotes where doc.date >= 2025-01 | count by speaker | order by count desc | limit 10";
        yield return "let x = quotes where kind = dash\nx | select speaker, text | sample 5 seed 3";
        yield return "kwic \"bilateral* samarbeid\" in paragraphs width 2 | order by right";
        yield return "show tables; describe quotes";
        yield return "docs | distinct lang | order by lang desc";
    }

    static string Mutate(string s, Random r)
    {
        // Mostly one mutation: a mutant that still parses reaches the binder and the executor.
        int n = r.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        for (int k = 0; k < n; k++)
        {
            int at = s.Length == 0 ? 0 : r.Next(s.Length + 1);
            switch (r.Next(7))
            {
                case 0 when s.Length > 0: { int len = 1 + r.Next(Math.Min(12, s.Length - Math.Min(at, s.Length - 1))); int a = Math.Min(at, s.Length - 1); s = s.Remove(a, Math.Min(len, s.Length - a)); break; }
                case 1: s = s.Insert(at, Tokens[r.Next(Tokens.Length)]); break;
                case 2: s = s.Insert(at, " " + Tokens[r.Next(Tokens.Length)] + " "); break;
                case 3 when s.Length > 2: { int a = r.Next(s.Length - 1); int len = 1 + r.Next(Math.Min(20, s.Length - a)); s = s.Insert(r.Next(s.Length + 1), s.Substring(a, len)); break; }
                case 4 when s.Length > 0: s = s[..Math.Min(at, s.Length)]; break;
                case 5 when s.Length > 0: { var c = s.ToCharArray(); c[Math.Min(at, c.Length - 1)] = (char)r.Next(32, 0x3000); s = new string(c); break; }
                default:
                {
                    var words = s.Split(' ');
                    if (words.Length > 2) { int i = r.Next(words.Length), j = r.Next(words.Length); (words[i], words[j]) = (words[j], words[i]); s = string.Join(' ', words); }
                    break;
                }
            }
        }
        return s;
    }

    /// <summary>Checks one input end to end; returns what went wrong (or null), and whether it was a valid query.</summary>
    (string? Problem, bool Valid) Try(string input)
    {
        bool valid = false;
        try
        {
            var diagnostics = corpus.Session.Check(input);
            valid = diagnostics.All(d => !d.IsError);
            foreach (var d in diagnostics)
            {
                if (d.Span.Start < 0 || d.Span.End > input.Length + 1) return ($"diagnostic {d.Code} points outside the text ({d.Span})", valid);
                if (string.IsNullOrWhiteSpace(d.Message)) return ($"diagnostic {d.Code} has no message", valid);
                _ = DiagnosticRenderer.Render(d, input);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            foreach (var outcome in corpus.Session.Run(input, timeout.Token))
            {
                switch (outcome)
                {
                    case RowsOutcome rows:
                        using (rows.Rows) while (rows.Rows.MoveNext(timeout.Token)) { }
                        break;
                    case ErrorOutcome e when string.IsNullOrWhiteSpace(e.Rendered):
                        return ("an error outcome without a message", valid);
                    case ExportOutcome x:
                        if (File.Exists(x.Path)) File.Delete(x.Path);
                        break;
                }
            }
            return (null, valid);
        }
        catch (OperationCanceledException) { return (null, valid); } // a heavy query, stopped by our clock: not a failure
        catch (Cql.Engine.Execution.QueryRuntimeException) { return (null, valid); } // reported to the user as a query error
        catch (Exception e) { return ($"{e.GetType().Name}: {e.Message}\n{e.StackTrace}", valid); }
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\0", "\\0");

    static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
            sb.Append(s[++i] switch { 'n' => '\n', 't' => '\t', '0' => '\0', var c => c });
        }
        return sb.ToString();
    }

    [Fact]
    public void Inputs_that_once_broke_cql_end_in_rows_or_diagnostics()
    {
        var path = Path.Combine(RepoPaths.Root, "Cql.Tests", "Fuzzing", "regressions.txt");
        var cases = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Unescape).ToList();
        // Generated ones too long to keep in a file: nesting and chains that once overflowed the stack.
        cases.Add("quotes where " + new string('(', 20000) + "lang = de" + new string(')', 20000));
        cases.Add("quotes where " + string.Concat(Enumerable.Repeat("not ", 5000)) + "lang = de");
        cases.Add("quotes where " + string.Join(" and ", Enumerable.Repeat("lang = de", 100_000)) + " | count");
        cases.Add("quotes where " + string.Join(" or ", Enumerable.Range(0, 20_000).Select(i => $"quote_id = {i}")) + " | count");
        Assert.True(cases.Count > 10);
        foreach (var c in cases)
        {
            var (problem, _) = Try(c);
            Assert.True(problem is null, $"input: {Escape(c)[..Math.Min(300, Escape(c).Length)]}\nproblem: {problem}");
        }
    }

    [Fact]
    public void Ten_thousand_mutated_queries_end_in_rows_or_diagnostics()
    {
        int inputs = int.TryParse(Environment.GetEnvironmentVariable("CQL_FUZZ_INPUTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CQL_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next(1, int.MaxValue / 2);
        output.WriteLine($"fuzz: {inputs} inputs from seed {seed} (replay: CQL_FUZZ_SEED={seed})");
        var seeds = Seeds().ToList();
        var failures = new List<string>();
        int bound = 0;
        for (int i = 0; i < inputs && failures.Count < 3; i++)
        {
            var r = new Random(seed + i);
            var input = Mutate(seeds[r.Next(seeds.Count)], r);
            var (problem, valid) = Try(input);
            if (problem is not null) failures.Add($"seed {seed + i}: input {Escape(input)}\n  {problem}");
            else if (valid) bound++;
        }
        foreach (var f in failures) output.WriteLine(f);
        output.WriteLine($"{inputs} inputs; {bound} of them were valid queries and ran");
        Assert.True(failures.Count == 0, "add the input to Cql.Tests/Fuzzing/regressions.txt once fixed:\n" + failures.FirstOrDefault());
        // Mutants that never parse would only test the first error path.
        Assert.True(bound > inputs / 20, $"only {bound} of {inputs} mutants were valid queries");
    }
}
