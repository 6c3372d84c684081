using Cql.Engine.Ingest;
using Cql.Engine.Text;
using Cql.Tests.Support;

namespace Cql.Tests.Text;

/// <summary>The seed articles as ingest sees them.</summary>
static class SeedText
{
    /// <summary>The decoded text of the seed whose name starts with <paramref name="prefix"/> ("000" … "004").</summary>
    public static string Read(string prefix) =>
        TextDecoder.Decode(File.ReadAllBytes(Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single())).Text;

    public static AnalyzedDocument Analyze(string prefix) => DocumentAnalyzer.Analyze(prefix, Read(prefix));
}
