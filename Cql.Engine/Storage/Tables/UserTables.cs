namespace Cql.Engine.Storage.Tables;

/// <summary>
/// Resolves the path of <c>read "PATH"</c> to a <see cref="UserTable"/>: a .csv, .tsv or .parquet file, or a folder
/// of files of one kind (all levels below it, in path order). The header or footers are read when a query is bound,
/// and kept for the session while no file of the table changes (same paths, sizes and modification times), so a
/// table used by several statements is read for its schema once.
/// </summary>
public sealed class UserTables
{
    readonly Dictionary<string, (string Stamp, UserTable Table)> _known = new(StringComparer.Ordinal);
    readonly Lock _lock = new();

    /// <param name="written">The path as the query wrote it (shown in messages and explain).</param>
    /// <param name="baseDirectory">What a relative path is relative to.</param>
    /// <exception cref="UserTableException">The path is missing, of no table kind, or its files cannot be read as one table.</exception>
    public UserTable Open(string written, string baseDirectory, CancellationToken ct)
    {
        var full = FullPath(written, baseDirectory);
        var (kind, files) = Find(full, written);
        var stamp = Stamp(files);
        lock (_lock)
            if (_known.TryGetValue(full, out var known) && known.Stamp == stamp) return known.Table with { Path = written };
        var table = kind == UserTableKind.Csv
            ? CsvTable(written, files, ct)
            : new UserTable(written, kind, files, ParquetSchema.Read(full, files, ct), '\0');
        lock (_lock) _known[full] = (stamp, table);
        return table;
    }

    static UserTable CsvTable(string written, IReadOnlyList<string> files, CancellationToken ct)
    {
        var (columns, delimiter) = CsvSchema.Read(files, ct);
        return new UserTable(written, UserTableKind.Csv, files, columns, delimiter);
    }

    /// <summary>The absolute path: ~/ is the home folder; anything else relative is relative to <paramref name="baseDirectory"/>.</summary>
    public static string FullPath(string written, string baseDirectory)
    {
        if (written == "~" || written.StartsWith("~/", StringComparison.Ordinal))
            written = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), written.Length > 2 ? written[2..] : "");
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(written, baseDirectory));
    }

    /// <summary>The kind of a file by its extension; null for anything else.</summary>
    public static UserTableKind? KindOf(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? UserTableKind.Parquet
        : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? UserTableKind.Csv
        : null;

    static (UserTableKind Kind, IReadOnlyList<string> Files) Find(string full, string written)
    {
        if (File.Exists(full))
            return KindOf(full) is { } kind ? (kind, [full])
                : throw new UserTableException(UserTableProblem.UnknownKind, written, "cql reads tables from .csv, .tsv and .parquet files (or a folder of them), and cannot tell what this is from its name");
        if (!Directory.Exists(full))
            throw new UserTableException(UserTableProblem.Missing, written, $"no such file or folder ({full})");
        string[] all;
        try { all = Directory.GetFiles(full, "*", SearchOption.AllDirectories); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserTableException(UserTableProblem.Missing, written, "the folder cannot be listed: " + e.Message, 0, e);
        }
        Array.Sort(all, StringComparer.Ordinal);
        var parquet = all.Where(f => KindOf(f) == UserTableKind.Parquet).ToList();
        var csv = all.Where(f => KindOf(f) == UserTableKind.Csv).ToList();
        if (parquet.Count > 0 && csv.Count > 0)
            throw new UserTableException(UserTableProblem.UnknownKind, written,
                $"the folder holds {parquet.Count} Parquet and {csv.Count} CSV files; a table is files of one kind: name one file, or a folder of one kind");
        if (parquet.Count == 0 && csv.Count == 0)
            throw new UserTableException(UserTableProblem.UnknownKind, written, "the folder holds no .csv, .tsv or .parquet file");
        return parquet.Count > 0 ? (UserTableKind.Parquet, parquet) : (UserTableKind.Csv, csv);
    }

    static string Stamp(IReadOnlyList<string> files)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            sb.Append(f).Append('|').Append(info.Exists ? info.Length : -1).Append('|').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\n');
        }
        return sb.ToString();
    }
}
