namespace Cql.Engine.Storage.Reading;

/// <summary>One unit of scan work: a row group of a file.</summary>
public sealed record ScanUnit(FileFooter File, RowGroupInfo RowGroup);

/// <summary>The row groups a scan reads after pruning by statistics and partition folders, in file order.</summary>
public sealed record ScanLayout(IReadOnlyList<FileFooter> Files, IReadOnlyList<ScanUnit> Units, int TotalRowGroups)
{
    /// <summary>The non-empty row groups of the files that may hold a row for which <paramref name="predicate"/> is true
    /// (every one when it is null).</summary>
    public static ScanLayout Build(StatisticsPredicate? predicate, IReadOnlyList<string> paths, ParquetFileCache files, CancellationToken ct)
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
                if (predicate is null || StatisticsPruning.MayMatch(predicate, rg)) units.Add(new ScanUnit(footer, rg));
            }
        }
        return new ScanLayout(footers, units, total);
    }
}
