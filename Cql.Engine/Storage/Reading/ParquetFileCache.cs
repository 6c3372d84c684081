using Microsoft.Win32.SafeHandles;
using System.Collections.Concurrent;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// The Parquet files one query reads: a handle per file for positional reads (<see cref="RandomAccess"/>, which
/// threads may share) and each file's footer, parsed once. Closed with the query.
/// </summary>
public sealed class ParquetFileCache : IDisposable
{
    readonly ConcurrentDictionary<string, SafeFileHandle> _handles = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, FileFooter> _footers = new(StringComparer.Ordinal);

    /// <summary>A handle on <paramref name="path"/>.</summary>
    /// <exception cref="CorpusReadException">The file cannot be opened.</exception>
    public SafeFileHandle Handle(string path)
    {
        if (_handles.TryGetValue(path, out var h)) return h;
        try { return _handles.GetOrAdd(path, p => File.OpenHandle(p, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess)); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw new CorpusReadException(path, e.Message, e); }
    }

    /// <summary>The footer of <paramref name="path"/>, read the first time it is asked for.</summary>
    /// <exception cref="CorpusReadException">The file is missing, not Parquet, or its footer is damaged.</exception>
    public FileFooter Footer(string path)
    {
        if (_footers.TryGetValue(path, out var f)) return f;
        var handle = Handle(path);
        try { return _footers.GetOrAdd(path, new FileFooter(path, FooterParser.Read(handle))); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw new CorpusReadException(path, e.Message, e); }
    }

    public void Dispose()
    {
        foreach (var h in _handles.Values) h.Dispose();
        _handles.Clear();
        _footers.Clear();
    }
}
