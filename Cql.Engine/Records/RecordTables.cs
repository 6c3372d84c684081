namespace Cql.Engine.Records;

/// <summary>
/// Loads a corpus table as typed records. Columns are matched to the record's constructor parameters by name
/// (doc_id ↔ DocId). This is the edge where rows become objects — for C# users, never on the query path.
/// </summary>
public static class RecordTables
{
    /// <summary>Every row of the files as a list (<see cref="RecordTable{T}"/> streams them instead).</summary>
    /// <exception cref="Storage.CorpusException">A file is missing or damaged.</exception>
    public static List<T> Load<T>(IReadOnlyList<string> files, CancellationToken ct = default) => [.. new RecordTable<T>(files, () => ct)];

    /// <summary>doc_id → DocId.</summary>
    public static string Pascal(string column)
    {
        var sb = new System.Text.StringBuilder(column.Length);
        bool up = true;
        foreach (var c in column)
        {
            if (c == '_') { up = true; continue; }
            sb.Append(up ? char.ToUpperInvariant(c) : c);
            up = false;
        }
        return sb.ToString();
    }
}
