using Cql.Tests.Support;

namespace Cql.Tests.Cli;

/// <summary>read "PATH" through the command line: where a relative path points, and every way a user's file can be
/// wrong, each with its code, its exit code (3 for a file that cannot be read, 1 for a statement to fix), the file
/// and the line, and no stack trace.</summary>
public class UserTableCliTests
{
    [Fact]
    public void A_relative_path_is_relative_to_the_current_folder_and_in_a_script_to_the_scripts_folder()
    {
        using var d = new TempDir();
        d.Write("here/t.csv", "x\nfrom here\n");
        d.Write("scripts/t.csv", "x\nbeside the script\n");
        d.Write("scripts/report.cql", "read \"t.csv\"\n");
        var c = CqlProcess.RunIn(d.File("here"), null, null, "-c", "read \"t.csv\"");
        Assert.True(c.ExitCode == 0, c.Stderr);
        Assert.Equal("x\nfrom here\n", c.Stdout);
        var run = CqlProcess.RunIn(d.File("here"), null, null, "run", d.File("scripts/report.cql"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("x\nbeside the script\n", run.Stdout);
    }

    public static TheoryData<string, byte[], string, int, string> Broken => new()
    {
        // file name, content, code, exit code, what the message says
        { "ragged.csv", "a,b\n1,2\n3\n"u8.ToArray(), "CQL0364", 3, "ragged.csv:3: this row has 1 field and the header 2" },
        { "empty.csv", [], "CQL0362", 3, "empty.csv: the file is empty" },
        { "noname.csv", "a,,c\n1,2,3\n"u8.ToArray(), "CQL0363", 3, "noname.csv:1: column 2 of the header has no name" },
        { "twice.csv", "a,A\n1,2\n"u8.ToArray(), "CQL0363", 3, "twice.csv:1: the header names 'A' twice" },
        { "latin1.csv", [.. "a,b\n1,2\n3,caf"u8, 0xE9, .. "\n"u8], "CQL0365", 3, "latin1.csv:3: byte 0xE9 is not UTF-8" },
        { "utf16.csv", [0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0], "CQL0365", 3, "utf16.csv:1: the file is UTF-16" },
        { "quote.csv", "a,b\n1,\"x\"y\n"u8.ToArray(), "CQL0366", 3, "quote.csv:2: a quoted field is not closed, or text follows its closing quote" },
        { "open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"u8.ToArray(), "CQL0366", 3, "open.csv:3:" },
        { "damaged.parquet", "PAR1 this is not parquet PAR1"u8.ToArray(), "CQL0367", 3, "damaged.parquet: footer" },
        { "sheet.xlsx", "PK"u8.ToArray(), "CQL0361", 1, "sheet.xlsx: cql reads tables from .csv, .tsv and .parquet files" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_gets_its_code_its_exit_code_and_its_place(string name, byte[] content, string code, int exit, string message)
    {
        using var d = new TempDir();
        d.Write(name, content);
        var r = CqlProcess.RunIn(d.Path, null, null, "-c", $"read \"{name}\" | count");
        Assert.Equal(exit, r.ExitCode);
        Assert.Contains($"error {code} at 1:6: cannot read ", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Contains("^^^", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_file_exits_3_and_a_nested_parquet_column_is_refused_by_name()
    {
        using var d = new TempDir();
        var missing = CqlProcess.RunIn(d.Path, null, null, "-c", "quotes | join \"nowhere/outlets.csv\" on doc.outlet = outlet");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("error CQL0360 at 1:15: cannot read nowhere/outlets.csv: no such file or folder", missing.Stderr);
        var path = d.File("nested.parquet");
        Duck.Rows($"COPY (SELECT 1 AS id, [1, 2] AS ids) TO '{path}' (FORMAT parquet)");
        var nested = CqlProcess.RunIn(d.Path, null, null, "-c", "read \"nested.parquet\"");
        Assert.Equal(3, nested.ExitCode);
        Assert.Contains("error CQL0367", nested.Stderr);
        Assert.Contains("nested.parquet: column 'ids' is nested", nested.Stderr);
    }
}
