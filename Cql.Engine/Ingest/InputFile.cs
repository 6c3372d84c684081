namespace Cql.Engine.Ingest;

/// <summary>A file to ingest: where it is, and its name as recorded in docs.source (relative to the input root).</summary>
public sealed record InputFile(string FullPath, string Source);

/// <summary>Expands the INPUT arguments of `cql ingest` into files, recursively and in a stable order.</summary>
public static class InputCollector
{
    /// <summary>Files under each input; a missing input is reported in <paramref name="problems"/>, not thrown.</summary>
    public static List<InputFile> Collect(IEnumerable<string> inputs, List<(string Input, string Problem)> problems)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                var full = Path.GetFullPath(input);
                if (seen.Add(full)) files.Add(new InputFile(full, Path.GetFileName(full)));
            }
            else if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                var found = new List<string>();
                Walk(root, found, problems);
                found.Sort(StringComparer.Ordinal);
                foreach (var f in found)
                    if (seen.Add(f)) files.Add(new InputFile(f, Path.GetRelativePath(root, f).Replace('\\', '/')));
            }
            else problems.Add((input, "no such file or folder"));
        }
        return files;
    }

    static void Walk(string dir, List<string> found, List<(string, string)> problems)
    {
        // An explicit stack, not recursion: very deep folder trees must not overflow the stack.
        var stack = new Stack<string>();
        stack.Push(dir);
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            try
            {
                foreach (var f in Directory.EnumerateFiles(d))
                    if (!IsHidden(f)) found.Add(f);
                foreach (var sub in Directory.EnumerateDirectories(d))
                    if (!IsHidden(sub) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0) stack.Push(sub);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problems.Add((d, "folder not readable: " + e.Message));
            }
        }
    }

    // Dot-files and folders (.git, .DS_Store, a corpus's own .cql) are never articles.
    static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
