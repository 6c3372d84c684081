namespace Cql.Engine.Storage.Tables;

/// <summary>The two kinds of file a user's own table may be.</summary>
public enum UserTableKind { Csv, Parquet }

/// <summary>
/// A user's own table: a CSV or Parquet file, or a folder of them, named by <c>read "PATH"</c> or <c>join "PATH"</c>.
/// <see cref="Columns"/> is what its header or footers said when the query was bound; <see cref="Files"/> are read
/// in this order. <see cref="Delimiter"/> is the CSV field separator (0 for Parquet).
/// </summary>
public sealed record UserTable(string Path, UserTableKind Kind, IReadOnlyList<string> Files, IReadOnlyList<ColumnSchema> Columns, char Delimiter)
{
    /// <summary>The name its columns go under when joined without <c>as</c>: the file or folder name without its
    /// extension (outlets for "data/outlets.csv").</summary>
    public string DefaultName
    {
        get
        {
            var name = System.IO.Path.GetFileName(Path.TrimEnd('/', System.IO.Path.DirectorySeparatorChar));
            int dot = name.IndexOf('.');
            return dot > 0 ? name[..dot] : name;
        }
    }

    public ColumnSchema? Find(string name)
    {
        foreach (var c in Columns)
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) return c;
        return null;
    }
}
