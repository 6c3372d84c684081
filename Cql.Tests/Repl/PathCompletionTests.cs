using Cql.Repl.Interactive;
using Cql.Tests.Support;

namespace Cql.Tests.Repl;

/// <summary>Tab after read "…": folders and table files, relative to the session's folder for paths.</summary>
public class PathCompletionTests
{
    [Fact]
    public void A_path_after_read_completes_to_folders_and_table_files_only()
    {
        using var d = new TempDir();
        d.Write("data/outlets.csv", "a\n1\n");
        d.Write("data/outlets.parquet", "x");
        d.Write("data/notes.txt", "x");
        d.Write("data/2024/part.parquet", "x");
        d.Write("docs.tsv", "a\n1\n");
        Assert.True(PathCompletion.Applies("quotes | join ", "\"da"));
        Assert.True(PathCompletion.Applies("read ", "\""));
        Assert.False(PathCompletion.Applies("quotes where speaker = ", "\"Xi"));
        Assert.Equal(["\"data/", "\"docs.tsv\""], PathCompletion.Complete("\"d", d.Path).Where(c => c.StartsWith("\"d", StringComparison.Ordinal)));
        Assert.Equal(["\"data/2024/", "\"data/outlets.csv\"", "\"data/outlets.parquet\""], PathCompletion.Complete("\"data/", d.Path));
        Assert.Empty(PathCompletion.Complete("\"nowhere/", d.Path));
    }
}
