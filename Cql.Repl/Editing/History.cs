namespace Cql.Repl.Editing;

/// <summary>
/// Statements entered before, kept across sessions in $XDG_STATE_HOME/cql/history (else ~/.local/state/cql/history),
/// one entry a line with newlines escaped.
/// </summary>
public sealed class History
{
    const int MaxEntries = 5000;
    readonly List<string> _entries = [];
    readonly string? _path;

    public History(string? path)
    {
        _path = path;
        if (path is null || !File.Exists(path)) return;
        try
        {
            foreach (var line in File.ReadLines(path))
                if (line.Length > 0) _entries.Add(Unescape(line));
        }
        catch (IOException) { /* an unreadable history is not worth failing over */ }
    }

    public static string DefaultPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var baseDir = !string.IsNullOrEmpty(state) ? state : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(baseDir, "cql", "history");
    }

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string entry)
    {
        entry = entry.TrimEnd();
        if (entry.Length == 0 || (_entries.Count > 0 && _entries[^1] == entry)) return;
        _entries.Add(entry);
        if (_entries.Count > MaxEntries) _entries.RemoveRange(0, _entries.Count - MaxEntries);
        if (_path is null) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.AppendAllText(_path, Escape(entry) + "\n");
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The newest entry before index <paramref name="before"/> that contains <paramref name="needle"/>, or -1.</summary>
    public int SearchBackward(string needle, int before)
    {
        for (int i = Math.Min(before, _entries.Count) - 1; i >= 0; i--)
            if (_entries[i].Contains(needle, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\n", "\\n");

    static string Unescape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) { sb.Append(s[++i] == 'n' ? '\n' : s[i]); continue; }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
