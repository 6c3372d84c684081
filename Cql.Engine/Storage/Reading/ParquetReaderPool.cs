using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using Parquet;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Open Parquet readers by file. A reader (one stream) is never shared between threads — Parquet.Net corrupts
/// reads when it is — so each worker rents one, and returns it for reuse, which keeps each file's footer and schema
/// parsed once per pool instead of once per row group.
/// </summary>
public sealed class ParquetReaderPool : IDisposable
{
    readonly ConcurrentDictionary<string, ConcurrentBag<ParquetReader>> _idle = new(StringComparer.Ordinal);
    readonly ConcurrentBag<ParquetReader> _all = [];

    public async ValueTask<ParquetReader> RentAsync(string path, CancellationToken ct)
    {
        if (_idle.TryGetValue(path, out var bag) && bag.TryTake(out var r)) return r;
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
            var reader = await ParquetReader.CreateAsync(stream, null, false, ct);
            _all.Add(reader);
            return reader;
        }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e))
        {
            stream?.Dispose();
            throw new CorpusReadException(path, e.Message, e);
        }
    }

    readonly ConcurrentDictionary<string, SafeFileHandle> _handles = new(StringComparer.Ordinal);

    /// <summary>A handle for positional reads (<see cref="RandomAccess"/>), which threads may share.</summary>
    public SafeFileHandle Handle(string path)
    {
        try { return _handles.GetOrAdd(path, p => File.OpenHandle(p, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess)); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw new CorpusReadException(path, e.Message, e); }
    }

    public void Return(string path, ParquetReader reader) => _idle.GetOrAdd(path, _ => []).Add(reader);

    public void Dispose()
    {
        while (_all.TryTake(out var r)) r.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var h in _handles.Values) h.Dispose();
        _handles.Clear();
    }
}
