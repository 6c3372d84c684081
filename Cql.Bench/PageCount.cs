using Cql.Engine.Storage.Reading;
using System.Buffers.Binary;
using System.Globalization;

namespace Cql.Bench;

/// <summary>
/// `pages DIR COLUMN VALUE`: what a reader that uses row-group statistics and the page index must read of the INT32
/// column COLUMN to find the rows where it equals VALUE, over every *.parquet under DIR: row groups kept by their
/// chunk statistics, then the pages of those chunks whose page-index min/max hold VALUE (a chunk without a page
/// index is read whole). Prints pages, rows and compressed bytes read out of the total.
/// </summary>
static class PageCount
{
    public static int Run(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            Console.Error.WriteLine("usage: Cql.Bench pages DIR COLUMN INT32-VALUE");
            return 2;
        }
        long pages = 0, pagesRead = 0, rows = 0, rowsRead = 0, bytes = 0, bytesRead = 0;
        foreach (var path in Directory.EnumerateFiles(args[0], "*.parquet", SearchOption.AllDirectories))
        {
            using var file = File.OpenHandle(path);
            var footer = FooterParser.Read(file);
            var column = Array.Find(footer.Columns, c => c.Name == args[1] && c.Type == PhysicalType.Int32);
            if (column is null) continue;
            foreach (var rg in footer.RowGroups)
            {
                var chunk = rg.Columns[column.Index];
                var index = PageIndexReader.Read(file, chunk);
                pages += index?.Count ?? 1;
                rows += rg.NumRows;
                bytes += chunk.TotalCompressedSize;
                if (chunk.Statistics is { Min: { } min, Max: { } max } && !Holds(min, max, value)) continue;
                if (index is null) { pagesRead++; rowsRead += rg.NumRows; bytesRead += chunk.TotalCompressedSize; continue; }
                for (int p = 0; p < index.Count; p++)
                {
                    var page = index[p];
                    if (page.Min is { } lo && page.Max is { } hi && !Holds(lo, hi, value)) continue;
                    pagesRead++;
                    rowsRead += (p + 1 < index.Count ? index[p + 1].FirstRow : rg.NumRows) - page.FirstRow;
                    bytesRead += page.CompressedSize;
                }
            }
        }
        Console.WriteLine($"{args[1]} = {value}: {pagesRead:N0} of {pages:N0} pages, {rowsRead:N0} of {rows:N0} rows, {bytesRead:N0} of {bytes:N0} compressed bytes");
        return 0;
    }

    static bool Holds(byte[] min, byte[] max, int value) =>
        BinaryPrimitives.ReadInt32LittleEndian(min) <= value && value <= BinaryPrimitives.ReadInt32LittleEndian(max);
}
