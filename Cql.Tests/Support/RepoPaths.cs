namespace Cql.Tests.Support;

/// <summary>Finds files of the repository (the seeds, the gazetteer) from the test binaries' folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "corpora", "seeds");

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "corpora", "seeds"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (with corpora/seeds) not found above " + AppContext.BaseDirectory);
    }
}
