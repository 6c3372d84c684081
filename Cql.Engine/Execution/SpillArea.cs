namespace Cql.Engine.Execution;

/// <summary>
/// The temporary folder of one operator's spilled rows: made when the first file is, and deleted with every file in
/// it on Dispose — after the query, after an error and after a cancellation alike, since the stream's owner disposes
/// the operators in each case.
/// </summary>
sealed class SpillArea(string? parent) : IDisposable
{
    readonly List<IDisposable> _open = [];
    string? _folder;
    int _files;

    public SpillWriter Create()
    {
        _folder ??= Directory.CreateDirectory(Path.Combine(parent ?? Path.GetTempPath(), $"cql-spill-{Guid.NewGuid():N}")).FullName;
        var writer = new SpillWriter(Path.Combine(_folder, $"{_files++}.bin"));
        _open.Add(writer);
        return writer;
    }

    /// <summary>Closes the written file and opens it for reading.</summary>
    public SpillReader Open(SpillWriter written, IReadOnlyList<ColumnType> types)
    {
        written.Dispose();
        var reader = new SpillReader(written.Path, types);
        _open.Add(reader);
        return reader;
    }

    /// <summary>Closes and deletes a file read to its end, so the disk holds one copy of the rows at a time.</summary>
    public static void Delete(SpillReader done)
    {
        done.Dispose();
        File.Delete(done.Path);
    }

    public void Dispose()
    {
        foreach (var file in _open) file.Dispose();
        _open.Clear();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        _folder = null;
    }
}
