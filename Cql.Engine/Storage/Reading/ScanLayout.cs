using Cql.Engine.Optimizing;
using Cql.Engine.Planning;

namespace Cql.Engine.Storage.Reading;

/// <summary>One unit of scan work: a row group of a file.</summary>
public sealed record ScanUnit(FileFooter File, RowGroupInfo RowGroup);

/// <summary>The row groups a scan reads after pruning by statistics and partition folders, in file order.</summary>
public sealed record ScanLayout(IReadOnlyList<FileFooter> Files, IReadOnlyList<ScanUnit> Units, int TotalRowGroups)
{
    public static ScanLayout Build(Scan scan, IReadOnlyList<string> paths, ParquetFileCache files, CancellationToken ct)
    {
        var footers = new List<FileFooter>();
        var units = new List<ScanUnit>();
        int total = 0;
        foreach (var p in paths)
        {
            ct.ThrowIfCancellationRequested();
            var footer = files.Footer(p);
            footers.Add(footer);
            foreach (var rg in footer.RowGroups)
            {
                total++;
                if (rg.RowCount == 0) continue;
                if (scan.Predicate is null || RowGroupPruning.MayMatch(scan.Predicate, rg)) units.Add(new ScanUnit(footer, rg));
            }
        }
        return new ScanLayout(footers, units, total);
    }
}
