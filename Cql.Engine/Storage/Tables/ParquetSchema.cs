using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Storage.Tables;

/// <summary>
/// The columns of a Parquet table from its files' footers, typed as our reader gives them (ParquetTypeMapping: DATE
/// as a date, DECIMAL as a number, timestamps as ISO text, other bytes as hex), named as written; a folder's files are
/// one table whose columns are all of theirs by name (a file without one gives nulls; INT32 and INT64 of one name read
/// as INT64), plus the hive-style key=value folders below the table's folder as columns. A column the reader cannot
/// give — nested (a list, a map, a struct), an INTERVAL — is refused with the file and the column, as is a damaged file.
/// </summary>
public static class ParquetSchema
{
    /// <exception cref="UserTableException">A file that is not Parquet, damaged, or with a column the reader cannot give.</exception>
    public static IReadOnlyList<ColumnSchema> Read(string root, IReadOnlyList<string> files, CancellationToken ct)
    {
        var columns = new List<ColumnSchema>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var partitions = new Dictionary<string, (CsvValues.Candidates Left, string File)>(StringComparer.OrdinalIgnoreCase);
        using var cache = new ParquetFileCache();
        foreach (var path in files)
        {
            ct.ThrowIfCancellationRequested();
            FileFooter footer;
            try { footer = cache.Footer(path); }
            catch (CorpusReadException e)
            {
                throw new UserTableException(UserTableProblem.Parquet, path, e.InnerException?.Message ?? e.Message, 0, e);
            }
            var leaves = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in footer.Metadata.Columns) leaves[c.Name] = leaves.GetValueOrDefault(c.Name) + 1;
            foreach (var c in footer.Metadata.Columns)
            {
                if (leaves[c.Name] == 0) continue; // a nested column's other leaves, refused below with the first
                var type = TypeOf(c, leaves[c.Name] > 1, path);
                leaves[c.Name] = 0;
                if (!byName.TryGetValue(c.Name, out int at))
                {
                    byName[c.Name] = columns.Count;
                    columns.Add(new ColumnSchema(c.Name, type, true, ""));
                }
                else if (columns[at].Type != type)
                {
                    if (IsInteger(columns[at].Type) && IsInteger(type)) columns[at] = columns[at] with { Type = ColumnType.Int64 };
                    else throw new UserTableException(UserTableProblem.Mismatch, path,
                        $"column '{c.Name}' is {Name(type)} here and {Name(columns[at].Type)} in an earlier file; the files of a folder make one table");
                }
            }
            foreach (var (key, value) in PartitionsBelow(root, path))
            {
                var left = partitions.TryGetValue(key, out var p) ? p.Left : CsvValues.Candidates.All;
                partitions[key] = (CsvValues.Narrow(left, value), path);
            }
        }
        foreach (var (key, (left, _)) in partitions)
            if (!byName.ContainsKey(key)) columns.Add(new ColumnSchema(key, CsvValues.TypeOf(left, true), true, "from the folder names key=value"));
        return columns;
    }

    static ColumnType TypeOf(ParquetColumn c, bool group, string path)
    {
        if (group || c.MaxRepetitionLevel > 0 || c.MaxDefinitionLevel > 1)
            throw new UserTableException(UserTableProblem.Parquet, path,
                $"column '{c.Name}' is nested (a list, a map or a struct), and cql reads flat columns only: select the fields you need into flat columns (DuckDB: COPY (SELECT …) TO 'flat.parquet')");
        // The logical types as the reader applies them: DATE as a date, DECIMAL as a number, timestamps as ISO text.
        try { return ParquetTypeMapping.ColumnTypeOf(c); }
        catch (ParquetDataException e) { throw new UserTableException(UserTableProblem.Parquet, path, e.Message); }
    }

    /// <summary>key=value folders between the table's folder and the file (none for a single file).</summary>
    static IEnumerable<(string Key, string Value)> PartitionsBelow(string root, string path)
    {
        var dir = Path.GetDirectoryName(path);
        while (!string.IsNullOrEmpty(dir) && dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal))
        {
            var name = Path.GetFileName(dir);
            int eq = name.IndexOf('=');
            if (eq > 0) yield return (name[..eq], Uri.UnescapeDataString(name[(eq + 1)..]));
            dir = Path.GetDirectoryName(dir);
        }
    }

    static bool IsInteger(ColumnType t) => t is ColumnType.Int32 or ColumnType.Int64;

    static string Name(ColumnType t) => t.ToString().ToLowerInvariant();
}
