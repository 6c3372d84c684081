using Cql.Engine.Optimizing;
using Parquet;
using Parquet.Schema;

namespace Cql.Engine.Storage.Reading;

/// <summary>What a scan needs from one file's footer: its fields, row groups with row counts and statistics, and the
/// partition values from its folders.</summary>
public sealed class FileFooter
{
    public string Path { get; }
    public IReadOnlyDictionary<string, DataField> Fields { get; }
    public IReadOnlyDictionary<string, string> Partitions { get; }
    public IReadOnlyList<RowGroupInfo> RowGroups { get; }

    FileFooter(string path, Dictionary<string, DataField> fields, IReadOnlyDictionary<string, string> partitions, List<RowGroupInfo> groups)
    {
        Path = path; Fields = fields; Partitions = partitions; RowGroups = groups;
    }

    public static async ValueTask<FileFooter> ReadAsync(string path, ParquetReaderPool pool, CancellationToken ct)
    {
        var reader = await pool.RentAsync(path, ct);
        try
        {
            var fields = new Dictionary<string, DataField>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in reader.Schema.GetDataFields()) fields[f.Name] = f;
            var partitions = PartitionValues.Of(path);
            var groups = new List<RowGroupInfo>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                var rg = reader.OpenRowGroupReader(g);
                var stats = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
                var sizes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, f) in fields)
                {
                    var s = rg.GetStatistics(f);
                    if (s is not null)
                        stats[name] = new ColumnStatistics(RowGroupPruning.Normalise(s.MinValue), RowGroupPruning.Normalise(s.MaxValue), s.NullCount);
                    sizes[name] = rg.GetMetadata(f)?.MetaData?.TotalUncompressedSize ?? 0;
                }
                foreach (var (k, v) in partitions)
                    if (!fields.ContainsKey(k)) stats[k] = new ColumnStatistics(v, v, 0);
                groups.Add(new RowGroupInfo(g, rg.RowCount, stats, sizes));
            }
            return new FileFooter(path, fields, partitions, groups);
        }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e))
        {
            throw new CorpusReadException(path, e.Message, e);
        }
        finally { pool.Return(path, reader); }
    }
}

/// <summary>One row group: its index in the file, rows, statistics by column (partition values included) and the
/// uncompressed size of each column chunk (to read cheap columns first).</summary>
public sealed class RowGroupInfo(int index, long rowCount, IReadOnlyDictionary<string, ColumnStatistics> stats, IReadOnlyDictionary<string, long> sizes)
    : IRowGroupStatistics
{
    public int Index { get; } = index;
    public long RowCount { get; } = rowCount;
    public IReadOnlyDictionary<string, long> ColumnSizes { get; } = sizes;

    public ColumnStatistics? Get(string column) =>
        stats.TryGetValue(column, out var s) ? s
        // A column that is neither in the file nor a partition is all null here.
        : ColumnSizes.ContainsKey(column) ? null : new ColumnStatistics(null, null, RowCount);
}
