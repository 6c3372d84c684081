using Cql.Engine.Storage.Tables;

namespace Cql.Repl.Interactive;

/// <summary>
/// Tab completion of the path in read "…", join "…" and describe "…": the folders and the table files (.csv, .tsv,
/// .parquet) whose names start with what is typed, relative to the folder the session reads relative paths against.
/// A folder is offered with its '/' (to go on typing into it), a file with its closing quote.
/// </summary>
public static class PathCompletion
{
    static readonly string[] Before = ["read", "join", "describe"];

    /// <summary>Whether <paramref name="word"/> is a path being typed: it starts with a quote that follows one of
    /// read, join or describe.</summary>
    public static bool Applies(string statementBeforeWord, string word)
    {
        if (!word.StartsWith('"')) return false;
        var words = statementBeforeWord.TrimEnd().Split([' ', '\t', '\n', '|'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && Before.Contains(words[^1], StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="word">The opening quote and the path typed so far.</param>
    public static IEnumerable<string> Complete(string word, string baseDirectory)
    {
        var typed = word[1..];
        int slash = typed.LastIndexOf('/');
        var folderPart = slash >= 0 ? typed[..(slash + 1)] : "";
        string folder;
        try { folder = UserTables.FullPath(folderPart.Length == 0 ? "." : folderPart, baseDirectory); }
        catch (ArgumentException) { yield break; }
        if (!Directory.Exists(folder)) yield break;
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries(folder).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { yield break; }
        foreach (var entry in entries.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            if (Directory.Exists(entry)) yield return "\"" + folderPart + name + "/";
            else if (UserTables.KindOf(name) is not null) yield return "\"" + folderPart + name + "\"";
        }
    }
}
