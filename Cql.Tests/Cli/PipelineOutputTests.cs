using Cql.Engine.Core;
using Cql.Tests.Support;
using System.Diagnostics;
using System.Text.Json;

namespace Cql.Tests.Cli;

/// <summary>What `cql -c` writes when its output is not a terminal: every row and every character, results told
/// apart, files and pipes written as they should be.</summary>
public class PipelineOutputTests
{
    static CqlProcess.Result Cql(params string[] args) => CqlProcess.Run(null, args);

    static long Count(string query)
    {
        var r = Cql("-c", query + " | count", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return long.Parse(r.Stdout.Split('\n')[1]);
    }

    static string[] Lines(string stdout) => stdout.TrimEnd('\n').Split('\n');

    [Fact]
    public void Into_a_pipe_every_row_comes_as_tsv_with_a_header()
    {
        var r = Cql("-c", "tokens");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = Lines(r.Stdout);
        Assert.Equal(Count("tokens") + 1, lines.Length);
        Assert.StartsWith("doc_id\tsent_id\tposition\t", lines[0]);
        Assert.DoesNotContain("more rows", r.Stdout);
    }

    [Fact]
    public void A_table_asked_for_into_a_pipe_is_unabridged()
    {
        var r = Cql("-c", "docs | select doc_id, title, text | order by doc_id", "--format", "table");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = Cql("-c", "docs | select title, text", "--format", "jsonl");
        foreach (var line in Lines(json.Stdout))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString()!;
            Assert.True(text.Length > 1000);
            // The whole text is there, its line breaks shown as ⏎ so that a row stays one line.
            Assert.Contains(text.Replace("\n", "⏎"), r.Stdout);
        }
        var tokens = Cql("-c", "tokens", "--format", "table");
        Assert.Equal(Count("tokens") + 3, Lines(tokens.Stdout).Length); // header, rule, rows, row count
    }

    [Fact]
    public void Several_results_are_separated_by_a_blank_line_and_jsonl_simply_goes_on()
    {
        var csv = Cql("-c", "docs | count; docs | count by lang | order by lang", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        Assert.Equal("count\n5\n\nlang,count\nde,1\nit,1\nno,2\nsv,1\n", csv.Stdout);
        var tsv = Cql("-c", "docs | count; docs | count");
        Assert.Equal("count\n5\n\ncount\n5\n", tsv.Stdout);
        var jsonl = Cql("-c", "docs | count; docs | count by lang | order by lang", "--format", "jsonl");
        Assert.Equal(5, Lines(jsonl.Stdout).Length);
        Assert.All(Lines(jsonl.Stdout), l => JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void Csv_lines_end_in_lf_and_in_cr_lf_with_crlf()
    {
        var lf = Cql("-c", "docs | count by lang", "--format", "csv");
        Assert.DoesNotContain("\r", lf.Stdout);
        var crlf = Cql("-c", "docs | count by lang", "--format", "csv", "--crlf");
        Assert.True(crlf.ExitCode == 0, crlf.Stderr);
        Assert.Equal(lf.Stdout.Replace("\n", "\r\n"), crlf.Stdout);
        var wrong = Cql("-c", "docs", "--format", "tsv", "--crlf");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--crlf is for CSV", wrong.Stderr);
    }

    [Fact]
    public void One_file_takes_one_result_and_a_folder_one_file_per_statement()
    {
        using var d = new TempDir();
        var refused = Cql("-c", "docs | count; let x = docs; x | count", "-o", d.File("both.csv"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("-o DIR/", refused.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(d.Path)); // refused before anything ran

        // A let and one query: one result, one file.
        var one = Cql("-c", "let x = docs; x | count", "-o", d.File("one.csv"));
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Equal("count\n5\n", File.ReadAllText(d.File("one.csv")));

        var folder = Cql("-c", "docs | count; let x = docs; x | count by lang | order by lang", "--format", "csv", "-o", d.File("out") + "/");
        Assert.True(folder.ExitCode == 0, folder.Stderr);
        Assert.Equal("count\n5\n", File.ReadAllText(d.File("out/1.csv")));
        Assert.StartsWith("lang,count\nde,1\n", File.ReadAllText(d.File("out/2.csv")));
        Assert.True(File.Exists(d.File("out/2.csv.meta.json")));

        var noFormat = Cql("-c", "docs", "-o", d.File("out") + "/");
        Assert.Equal(2, noFormat.ExitCode);
        Assert.Contains("--format", noFormat.Stderr);
        var existingFolder = Cql("-c", "docs", "-o", d.File("out"));
        Assert.Equal(2, existingFolder.ExitCode);
        Assert.Contains("is a folder", existingFolder.Stderr);
    }

    [Fact]
    public async Task Dev_null_and_a_fifo_are_written_through_and_stay_what_they_were()
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo and /dev/null as on Linux
        var devNull = Cql("-c", "docs", "-o", "/dev/null");
        Assert.True(devNull.ExitCode == 0, devNull.Stderr);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.False(File.Exists("/dev/null.meta.json"));

        using var d = new TempDir();
        var fifo = d.File("rows");
        using (var p = Process.Start("mkfifo", fifo)!) Assert.True(p.WaitForExit(10_000) && p.ExitCode == 0);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = Cql("-c", "tokens", "-o", fifo);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Count("tokens") + 1, Lines(received).Length); // TSV, as into a pipe
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(d.Path));

        var export = Cql("-c", "docs | count | export \"/dev/null\"");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void An_export_to_a_folder_is_a_runtime_error_that_leaves_it_alone()
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d.File("out.csv"));
        var r = Cql("-c", $"docs | export \"{d.File("out.csv")}\"");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("is a folder", r.Stderr);
        Assert.True(Directory.Exists(d.File("out.csv")));
    }
}
