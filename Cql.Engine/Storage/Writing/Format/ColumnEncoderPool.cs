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
    readonly ConcurrentBag<ColumnChunkEncoder> _idle = [];

    public ColumnChunkEncoder Rent() => _idle.TryTake(out var e) ? e : new ColumnChunkEncoder();

    public void Return(ColumnChunkEncoder encoder) => _idle.Add(encoder);
}
