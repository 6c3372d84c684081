namespace Cql.Engine.Storage.Reading;

/// <summary>The Parquet files of one table.</summary>
public sealed record TableFiles(string Table, IReadOnlyList<string> Paths);

/// <summary>Where each table's files are, and each complete term index; the executor asks it per scanned table, so
/// it does not depend on the manifest format.</summary>
public sealed class CorpusFiles(Func<string, IReadOnlyList<string>> filesOf, Func<string, IReadOnlyList<string>?>? indexOf = null,
    Func<string, long?>? rowsOf = null)
{
    /// <summary>The rows of a table as the manifest records them; null when unknown (no manifest).</summary>
    public long? RowsOf(string table) => rowsOf?.Invoke(table);

    public IReadOnlyList<string> Of(string table) => filesOf(table);

    /// <summary>The files of the term index of <paramref name="table"/> when it covers every row; else null.</summary>
    public IReadOnlyList<string>? IndexOf(string table) => indexOf?.Invoke(table);

    public static CorpusFiles From(params TableFiles[] tables)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tables) map[t.Table] = t.Paths;
        return new CorpusFiles(t => map.TryGetValue(t, out var p) ? p : []);
    }

    /// <summary>The files the manifest lists, and its complete term indexes.</summary>
    public static CorpusFiles FromManifest(string corpusDir, CorpusManifest manifest) =>
        new(table => manifest.FilesOf(corpusDir, table), table => manifest.CompleteIndexOf(corpusDir, table),
            table => manifest.Tables.TryGetValue(table, out var t) ? t.Rows : null);

    /// <summary>DIR/&lt;table&gt;/**/*.parquet, sorted by path (for tests and corpora without a manifest); no index.</summary>
    public static CorpusFiles FromFolder(string corpusDir) => new(table =>
    {
        var dir = Path.Combine(corpusDir, table);
        if (!Directory.Exists(dir)) return [];
        var files = Directory.GetFiles(dir, "*.parquet", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    });
}
