using Cql.Tests.Support;

namespace Cql.Tests.Language;

/// <summary>The held-out sentences of scripts/langid/text/heldout (the trainer never reads them), and paragraphs made
/// of consecutive ones, the same way scripts/langid/build.cs makes them for ACCURACY.md.</summary>
static class HeldOutText
{
    public static string Folder => Path.Combine(RepoPaths.Root, "scripts", "langid", "text", "heldout");

    public static IReadOnlyList<string> Languages { get; } =
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).OrderBy(l => l, StringComparer.Ordinal).ToList()!;

    public static List<string> Sentences(string lang) =>
        File.ReadAllLines(Path.Combine(Folder, lang + ".txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    public static List<string> Paragraphs(string lang, int minLength = 280)
    {
        var result = new List<string>();
        var current = "";
        foreach (var s in Sentences(lang))
        {
            current = current.Length == 0 ? s : current + " " + s;
            if (current.Length >= minLength) { result.Add(current); current = ""; }
        }
        return result;
    }
}
