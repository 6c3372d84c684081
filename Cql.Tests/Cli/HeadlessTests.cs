using Cql.Tests.Support;

namespace Cql.Tests.Cli;

/// <summary>cql in pipelines: -c, run FILE.cql, run FILE.csx, standard input; outputs and exit codes a script
/// can rely on; the C# globals agree with the language.</summary>
public class HeadlessTests
{
    static CqlProcess.Result Cql(string? stdin, params string[] args) => CqlProcess.Run(stdin, args);

    static string Csv(string stdout) => stdout.ReplaceLineEndings("\n").Trim();

    /// <summary>The single value a one-cell query prints as CSV: the independent answer a test compares with.</summary>
    static string Value(string query)
    {
        var r = CqlProcess.Run(null, "-c", query, "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return Csv(r.Stdout).Split('\n')[1];
    }

    [Fact]
    public void A_script_runs_every_statement_in_order()
    {
        using var d = new TempDir();
        var file = d.Write("q.cql", "-- counts\ndocs | count\nquotes\n  | count by lang\n  | where lang = de;\nlet x = docs where lang = no\nx | count");
        var r = Cql(null, "run", file, "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var german = Value("quotes where lang = de | count");
        // A blank line between results, so the CSV tables can be told apart.
        Assert.Equal($"count\n5\n\nlang,count\nde,{german}\n\nx: doc_id, source, lang, lang_confidence, title, date, date_precision, url, outlet, authors, published_at, published_offset, text, chars, encoding, content_hash\n\ncount\n2",
            Csv(r.Stdout));
    }

    [Fact]
    public void A_script_stops_at_the_first_error_with_exit_1_unless_told_to_keep_going()
    {
        using var d = new TempDir();
        var file = d.Write("q.cql", "docs | count\nquotes | wher lang = de\nsentences | count");
        var stop = Cql(null, "run", file, "--format", "csv");
        Assert.Equal(1, stop.ExitCode);
        Assert.Equal("count\n5", Csv(stop.Stdout));
        Assert.Contains("error CQL0103 at 2:10: unknown stage 'wher'", stop.Stderr);
        Assert.Contains("did you mean 'where'?", stop.Stderr);
        Assert.DoesNotContain("   at ", stop.Stderr);

        var go = Cql(null, "run", file, "--format", "csv", "--keep-going");
        Assert.Equal(1, go.ExitCode);
        Assert.StartsWith("count\n5\n\ncount\n", Csv(go.Stdout));
    }

    [Fact]
    public void Standard_input_is_a_script_without_prompts_or_colours()
    {
        var r = Cql("docs | count\nquotes where lang = de | count\n", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal($"count\n5\n\ncount\n{Value("quotes where lang = de | count")}", Csv(r.Stdout));
        Assert.DoesNotContain("\x1b[", r.Stdout + r.Stderr);
        Assert.DoesNotContain("cql>", r.Stdout);
    }

    [Fact]
    public void Query_errors_exit_1_with_a_caret_and_no_stack_trace()
    {
        var r = Cql(null, "-c", "quotes where speker = \"Xi\"");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("""
            error CQL0202 at 1:14: unknown column 'speker' in quotes
              1 | quotes where speker = "Xi"
                |              ^^^^^^
            """.ReplaceLineEndings("\n"), string.Join('\n', r.Stderr.ReplaceLineEndings("\n").Split('\n').Take(3)));
        Assert.Contains("did you mean 'speaker'?", r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Csharp_globals_see_the_same_corpus_as_the_language()
    {
        using var d = new TempDir();
        var file = d.Write("s.csx", """
            var de = Quotes.Count(q => q.Lang == "de");
            var viaQuery = Query("quotes where lang = de | count").Get<long>(0, "count");
            var docs = Docs.Count;
            var firstSource = Docs.OrderBy(x => x.Source).First().Source;
            var sentences = Sentences.Count(s => s.DocId == 3);
            var exported = Query("docs | select doc_id, lang").Export(System.IO.Path.Combine(Args, "docs.csv"));
            $"{de} {viaQuery} {docs} {firstSource} {sentences > 0} {exported} {Entities.Count >= 0} {Mentions.Count >= 0} {Paragraphs.Count > docs}"
            """.Replace("Args", $"@\"{d.Path}\""));
        var r = Cql(null, "run", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var german = Value("quotes where lang = de | count");
        Assert.NotEqual("0", german);
        Assert.Equal($"{german} {german} 5 000_ec84314081129a3a.txt True 5 True True True", r.Stdout.Trim());
        Assert.Equal("doc_id,lang", File.ReadAllLines(d.File("docs.csv"))[0]);
    }

    [Fact]
    public void A_csharp_sequence_of_records_prints_as_a_table_when_asked()
    {
        using var d = new TempDir();
        var file = d.Write("t.csx", "Docs.OrderBy(x => x.DocId).Select(x => new { x.DocId, x.Lang }).Take(2)");
        var r = Cql(null, "run", file, "--format", "table");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Matches(@"^DocId\s+Lang$", lines[0]);
        Assert.Matches(@"^\s*0\s+no$", lines[2]);
        Assert.Matches(@"^\s*1\s+sv$", lines[3]);
    }

    [Fact]
    public void A_csharp_sequence_into_a_pipe_is_every_row_as_tsv()
    {
        // As for queries: nothing but the rows, all of them (the seeds have more quotes than a screen's 50 rows).
        using var d = new TempDir();
        var file = d.Write("q.csx", "Quotes.OrderBy(q => q.QuoteId).Select(q => new { q.QuoteId, q.Lang })");
        var r = Cql(null, "run", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("QuoteId\tLang", lines[0]);
        Assert.Equal(int.Parse(Value("quotes | count")) + 1, lines.Length);
        Assert.Equal("0\tno", lines[1]);
    }

    [Fact]
    public void A_csharp_scripts_final_value_goes_to_the_output_file_and_a_script_without_one_is_refused()
    {
        // -o used to be ignored for .csx: the rows went to the screen and the file never appeared.
        using var d = new TempDir();
        var file = d.Write("q.csx", "Quotes.OrderBy(q => q.QuoteId).Select(q => new { q.QuoteId, q.Lang })");
        var csv = d.File("out.csv");
        var r = Cql(null, "run", file, "-o", csv);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stdout.Trim());
        var lines = File.ReadAllText(csv).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("QuoteId,Lang", lines[0]);
        Assert.Equal(int.Parse(Value("quotes | count")) + 1, lines.Length);
        Assert.True(File.Exists(csv + ".meta.json"));

        var one = d.File("n.tsv");
        Assert.Equal(0, Cql(null, "run", d.Write("n.csx", "Quotes.Count()"), "-o", one).ExitCode);
        Assert.Equal(["value", Value("quotes | count")], File.ReadAllText(one).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));

        var none = d.File("none.csv");
        var refused = Cql(null, "run", d.Write("s.csx", "var n = Quotes.Count();"), "-o", none);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("final value", refused.Stderr);
        Assert.False(File.Exists(none));
    }

    [Fact]
    public void A_csharp_compile_error_exits_1_with_its_position_and_an_exception_exits_3()
    {
        using var d = new TempDir();
        var bad = Cql(null, "run", d.Write("bad.csx", "var n = 1;\nint x = \"a\";"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error CS0029 at 2:9", bad.Stderr);
        var boom = Cql(null, "run", d.Write("boom.csx", "throw new System.InvalidOperationException(\"no such thing\");"));
        Assert.Equal(3, boom.ExitCode);
        Assert.Contains("no such thing", boom.Stderr);
        Assert.DoesNotContain("   at ", boom.Stderr);
    }

    [Fact]
    public void Output_can_go_to_a_file_atomically_in_any_format()
    {
        using var d = new TempDir();
        var r = Cql(null, "-c", "docs | select doc_id, lang | order by doc_id", "-o", d.File("langs.jsonl"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("""{"doc_id":0,"lang":"no"}""", File.ReadAllLines(d.File("langs.jsonl"))[0]);
        Assert.Empty(Directory.GetFiles(d.Path, "*.tmp"));
        var export = Cql(null, "-c", $"quotes | count by lang | export \"{d.File("by-lang.parquet")}\"");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(new FileInfo(d.File("by-lang.parquet")).Length > 0);
    }

    [Fact]
    public void Help_is_given_for_each_command()
    {
        foreach (var args in new[] { new[] { "run", "--help" }, ["ingest", "--help"], ["gen", "--help"], ["--help"] })
        {
            var r = Cql(null, args);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("Usage", r.Stdout.Replace("cql — a corpus query language for multilingual news", "").TrimStart());
        }
        Assert.Contains("FILE.csx", Cql(null, "run", "--help").Stdout);
    }
}
