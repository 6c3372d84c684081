namespace Cql.Engine.Execution;

/// <summary>
/// The temporary folder of one operator's spilled rows: made when the first file is, and deleted with every file in
/// it on Dispose — after the query, after an error and after a cancellation alike, since the stream's owner disposes
/// the operators in each case. A file that cannot be made, written or read raises <see cref="SpillException"/>.
/// </summary>
sealed class SpillArea(string? parent) : IDisposable
{
    readonly List<IDisposable> _open = [];
    string? _folder;
    int _files;

    string Parent => parent ?? Path.GetTempPath();

    public SpillWriter Create()
    {
        try
        {
            _folder ??= Directory.CreateDirectory(Path.Combine(Parent, $"cql-spill-{Guid.NewGuid():N}")).FullName;
            var writer = new SpillWriter(Path.Combine(_folder, $"{_files++}.bin"), _folder);
            _open.Add(writer);
            return writer;
        }
        catch (IOException e) when (e is not SpillException) { throw new SpillException(_folder ?? Parent, e); }
        catch (UnauthorizedAccessException e) { throw new SpillException(_folder ?? Parent, new IOException(e.Message, e)); }
    }

    /// <summary>Closes the written file and opens it for reading.</summary>
    public SpillReader Open(SpillWriter written, IReadOnlyList<ResultColumn> columns)
    {
        try
        {
            written.Dispose(); // flushes the last of the rows, which can find the disk full
            var reader = new SpillReader(written.Path, columns, _folder!);
            _open.Add(reader);
            return reader;
        }
        catch (IOException e) when (e is not SpillException) { throw new SpillException(_folder!, e); }
    }

    /// <summary>Closes and deletes a file read to its end, so the disk holds one copy of the rows at a time.</summary>
    public static void Delete(SpillReader done)
    {
        done.Dispose();
        File.Delete(done.Path);
    }

    public void Dispose()
    {
        // A writer that failed on a full disk fails again when it flushes on closing: the folder goes all the same.
        foreach (var file in _open) try { file.Dispose(); } catch (IOException) { }
        _open.Clear();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        _folder = null;
    }
}
