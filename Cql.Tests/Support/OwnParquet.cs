using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;

namespace Cql.Tests.Support;

/// <summary>A whole Parquet file read through the engine's own reader (footer, pages, decoding), as plain values,
/// so tests can hold it against what a writer wrote or what DuckDB reads.</summary>
public static class OwnParquet
{
    /// <summary>Every row of every flat column, in file order; int, long, double, bool, string or null.</summary>
    public static List<object?[]> Rows(string path)
    {
        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var handle = files.Handle(path);
        var columns = footer.Metadata.Columns;
        var rows = new List<object?[]>();
        foreach (var rg in footer.RowGroups)
        {
            int n = checked((int)rg.RowCount);
            var vectors = new ColumnVector[columns.Length];
            for (int c = 0; c < columns.Length; c++)
                vectors[c] = ColumnChunkReader.Read(handle, columns[c], rg.Chunk(columns[c]), n, ParquetTypeMapping.ColumnTypeOf(columns[c]));
            for (int i = 0; i < n; i++)
            {
                var row = new object?[columns.Length];
                for (int c = 0; c < columns.Length; c++) row[c] = Value(vectors[c], i);
                rows.Add(row);
            }
        }
        return rows;
    }

    public static object? Value(ColumnVector v, int i) => v.IsNull(i) ? null : v switch
    {
        Int32Vector x => x.Values[i],
        Int64Vector x => x.Values[i],
        Float64Vector x => x.Values[i],
        BoolVector x => x.Values[i],
        StringVector x => x.GetString(i).ToString(),
        _ => throw new InvalidOperationException(v.GetType().Name),
    };

    /// <summary>Data pages per column chunk (dictionary pages not counted), to check a test covers many pages.</summary>
    public static int MaxDataPages(string path)
    {
        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var handle = files.Handle(path);
        int max = 0;
        foreach (var rg in footer.RowGroups)
            foreach (var column in footer.Metadata.Columns)
            {
                using var pages = new ChunkPages(handle, column, rg.Chunk(column));
                int count = 0;
                while (pages.Next(out var page)) if (page.Type != PageType.DictionaryPage) count++;
                max = Math.Max(max, count);
            }
        return max;
    }

    /// <summary>The distinct page types and value encodings of a file's data pages, e.g. "DataPageV2/DeltaBinaryPacked".</summary>
    public static SortedSet<string> PageKinds(string path)
    {
        using var files = new ParquetFileCache();
        var footer = files.Footer(path);
        var handle = files.Handle(path);
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rg in footer.RowGroups)
            foreach (var column in footer.Metadata.Columns)
            {
                using var pages = new ChunkPages(handle, column, rg.Chunk(column));
                while (pages.Next(out var page)) kinds.Add($"{page.Type}/{page.Encoding}");
            }
        return kinds;
    }

    /// <summary>The codec of every column chunk (what the file claims).</summary>
    public static SortedSet<ParquetCodec> Codecs(string path)
    {
        using var files = new ParquetFileCache();
        var set = new SortedSet<ParquetCodec>();
        foreach (var rg in files.Footer(path).Metadata.RowGroups)
            foreach (var c in rg.Columns) set.Add(c.Codec);
        return set;
    }

    /// <summary>Rewrites the codec of every column chunk in the footer (same-length varint), to make files that
    /// claim a codec no writer at hand produces (LZO, Hadoop LZ4). Returns how many chunks were changed.</summary>
    public static int PatchCodec(string path, ParquetCodec to)
    {
        var bytes = File.ReadAllBytes(path);
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        int start = bytes.Length - 8 - footerLength;
        var positions = CodecPositions(bytes.AsSpan(start, footerLength));
        foreach (var p in positions)
        {
            // zigzag(v) = 2v for v >= 0; the codecs 0..7 all fit one varint byte.
            bytes[start + p] = (byte)(2 * (int)to);
        }
        File.WriteAllBytes(path, bytes);
        return positions.Count;
    }

    /// <summary>Offsets (in the footer) of ColumnMetaData.codec values: FileMetaData.row_groups →
    /// RowGroup.columns → ColumnChunk.meta_data → codec.</summary>
    static List<int> CodecPositions(ReadOnlySpan<byte> footer)
    {
        var found = new List<int>();
        var t = new ThriftCompact(footer);
        short last = 0;
        while (t.NextField(ref last, out var id, out var type))
        {
            if (id != ParquetThrift.FileMetaData.RowGroups || type != ThriftCompact.List) { t.Skip(type); continue; }
            var (groups, _) = t.ListHeader();
            for (int g = 0; g < groups; g++)
            {
                short gl = 0;
                while (t.NextField(ref gl, out var gid, out var gt))
                {
                    if (gid != ParquetThrift.RowGroup.Columns || gt != ThriftCompact.List) { t.Skip(gt); continue; }
                    var (chunks, _) = t.ListHeader();
                    for (int c = 0; c < chunks; c++)
                    {
                        short cl = 0;
                        while (t.NextField(ref cl, out var cid, out var ct))
                        {
                            if (cid != ParquetThrift.ColumnChunk.MetaData || ct != ThriftCompact.Struct) { t.Skip(ct); continue; }
                            short ml = 0;
                            while (t.NextField(ref ml, out var mid, out var mt))
                            {
                                if (mid == ParquetThrift.ColumnMetaData.Codec && mt == ThriftCompact.I32) { found.Add(t.Position); t.I32Value(); }
                                else t.Skip(mt);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
