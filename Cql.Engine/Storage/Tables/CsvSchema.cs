namespace Cql.Engine.Storage.Tables;

/// <summary>
/// The columns of a CSV table: the header line names them (required: the first line is always the header; names
/// trimmed of spaces, none empty, none repeated ignoring case), and every value of every file types them by the rule
/// of <see cref="CsvValues"/> — the whole file is read once, so a type never fails on a row further down. The
/// files of a folder must name the same columns (in any order) with the same delimiter.
/// </summary>
public static class CsvSchema
{
    /// <exception cref="UserTableException">What is wrong, with the file and line.</exception>
    public static (IReadOnlyList<ColumnSchema> Columns, char Delimiter) Read(IReadOnlyList<string> files, CancellationToken ct)
    {
        string[]? names = null;
        CsvValues.Candidates[] left = [];
        bool[] seen = [];
        char delimiter = ',';
        for (int f = 0; f < files.Count; f++)
        {
            var path = files[f];
            var d = CsvEncoding.Check(path);
            if (f == 0) delimiter = d;
            using var records = CsvRecords.Open(path, delimiter);
            var header = Header(records, path);
            int[] order;
            if (names is null)
            {
                names = header;
                order = [.. Enumerable.Range(0, header.Length)];
                left = new CsvValues.Candidates[header.Length];
                Array.Fill(left, CsvValues.Candidates.All);
                seen = new bool[header.Length];
            }
            else order = SameColumns(names, header, path, files[0]);
            while (records.Read())
            {
                ct.ThrowIfCancellationRequested();
                if (records.FieldCount != header.Length) throw Ragged(path, records, header.Length);
                for (int i = 0; i < header.Length; i++)
                {
                    var value = records.Field(i);
                    if (value.IsEmpty) continue;
                    int c = order[i];
                    seen[c] = true;
                    if (left[c] != CsvValues.Candidates.None) left[c] = CsvValues.Narrow(left[c], value);
                }
            }
        }
        var columns = new ColumnSchema[names!.Length];
        for (int c = 0; c < columns.Length; c++)
            columns[c] = new ColumnSchema(names[c], CsvValues.TypeOf(left[c], seen[c]), true, "");
        return (columns, delimiter);
    }

    /// <summary>The header's names, checked.</summary>
    public static string[] Header(CsvRecords records, string path)
    {
        if (!records.Read()) throw new UserTableException(UserTableProblem.Empty, path, "the file is empty: a CSV table needs a header line naming its columns");
        var names = new string[records.FieldCount];
        var known = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = records.Field(i).Trim(' ').ToString();
            if (names[i].Length == 0)
                throw new UserTableException(UserTableProblem.BadHeader, path,
                    $"column {i + 1} of the header has no name (the first line is always the header, and every column needs a name)", records.Line);
            if (!known.TryAdd(names[i], i))
                throw new UserTableException(UserTableProblem.BadHeader, path,
                    $"the header names '{names[i]}' twice (columns {known[names[i]] + 1} and {i + 1}; names are compared ignoring case)", records.Line);
        }
        return names;
    }

    public static UserTableException Ragged(string path, CsvRecords records, int expected) =>
        new(UserTableProblem.Ragged, path,
            $"this row has {records.FieldCount} field{(records.FieldCount == 1 ? "" : "s")} and the header {expected} (a value holding the delimiter must be in double quotes)",
            records.Line);

    /// <summary>Where each of a later file's header columns goes among the first file's.</summary>
    static int[] SameColumns(string[] names, string[] header, string path, string first)
    {
        var order = new int[header.Length];
        bool same = header.Length == names.Length;
        for (int i = 0; i < header.Length && same; i++)
        {
            order[i] = Array.FindIndex(names, n => n.Equals(header[i], StringComparison.OrdinalIgnoreCase));
            same = order[i] >= 0;
        }
        if (!same)
            throw new UserTableException(UserTableProblem.Mismatch, path,
                $"its header ({string.Join(", ", header)}) names other columns than {Path.GetFileName(first)}'s ({string.Join(", ", names)}); the files of a folder make one table", 1);
        return order;
    }
}
