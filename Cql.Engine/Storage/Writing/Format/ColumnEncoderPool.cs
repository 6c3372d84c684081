using System.Collections.Concurrent;

namespace Cql.Engine.Storage.Writing.Format;

/// <summary>
/// Column chunk encoders for the table writers of one ingest or export. An encoder's buffers grow to the largest
/// chunk it has encoded (tens of MB for a row group of article text); with one encoder per table, each of the ten
/// tables grew its own, ~300 MB of large-object allocations for /tmp/art10k. Shared, only as many exist as row
/// groups are encoded at the same time.
/// </summary>
internal sealed class ColumnEncoderPool
{
    /// <summary>Encoders kept between row groups. A commit flushes every table at once (a dozen encoders for a
    /// moment); keeping them all would hold a dozen sets of grown buffers for the rest of the run.</summary>
    static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount);

    readonly ConcurrentBag<ColumnChunkEncoder> _idle = [];

    public ColumnChunkEncoder Rent() => _idle.TryTake(out var e) ? e : new ColumnChunkEncoder();

    public void Return(ColumnChunkEncoder encoder)
    {
        if (_idle.Count < MaxIdle) _idle.Add(encoder);
    }
}
