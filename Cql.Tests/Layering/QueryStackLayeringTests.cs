using System.Text.RegularExpressions;
using Cql.Tests.Support;

namespace Cql.Tests.Layering;

/// <summary>
/// The storage reads and writes Parquet and knows nothing of queries: pruning takes its own
/// <c>StatisticsPredicate</c>, built by the physical planner. The binder resolves names against the catalog and the
/// speaker resolver it is handed, and never plans or runs a query. The logical optimizer makes no decision that
/// needs the corpus. A source file that names a stage it must not depend on fails here.
/// </summary>
public sealed class QueryStackLayeringTests
{
    static readonly string Engine = Path.Combine(RepoPaths.Root, "Cql.Engine");

    [Theory]
    [InlineData("Storage", "Syntax|Binding|Planning|Optimizing|PhysicalPlanning|Session")]
    [InlineData("Binding", "Optimizing|PhysicalPlanning|Session|Storage\\.Reading")]
    [InlineData("Planning", "Optimizing|PhysicalPlanning|Session|Storage\\.Reading|Storage\\.Indexing")]
    [InlineData("Optimizing", "PhysicalPlanning|Session|Storage\\.Reading|Storage\\.Indexing")]
    public void A_stage_does_not_name_the_stages_above_it(string folder, string forbidden)
    {
        // `using Cql.Engine.X`, `Cql.Engine.X.Y` and, inside Cql.Engine, the short `X.Y`.
        var named = new Regex($@"\b(Cql\.Engine\.)?({forbidden})(\.|;)");
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Engine, folder), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                if (named.Match(lines[i]) is { Success: true } m && !lines[i].TrimStart().StartsWith("namespace", StringComparison.Ordinal))
                    offending.Add($"{Path.GetRelativePath(Engine, file)}:{i + 1}: {m.Value}");
        }
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }
}
