using Cql.Engine.Execution;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Tables;
using System.Text;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// `explain`: the optimised plan as an indented tree with the physical planner's decisions over the corpus: the counts
/// the term index or the value counts answer (with the plan below when the corpus cannot), the text tests the index
/// answers, for each scan the files it reads and the row groups kept after pruning out of the total, and where a
/// grouping or a sort would set rows aside in temporary files past its <see cref="ExecutionBudget"/>.
/// </summary>
public static class PhysicalPlanPrinter
{
    public static string Print(LogicalPlan plan, CorpusFiles files, CancellationToken ct = default, ExecutionBudget? budget = null)
    {
        var sb = new StringBuilder();
        using var pool = new ParquetFileCache();
        new Writer(files, pool, sb, budget ?? ExecutionBudget.Default, ct).Write(plan, 0, useIndex: true);
        return sb.ToString();
    }

    sealed class Writer(CorpusFiles files, ParquetFileCache pool, StringBuilder sb, ExecutionBudget budget, CancellationToken ct)
    {
        /// <param name="useIndex">False below a kwic count the index could not answer: that plan scans without it.</param>
        public void Write(LogicalPlan plan, int depth, bool useIndex)
        {
            var pad = new string(' ', depth * 2);
            switch (plan)
            {
                case Aggregate a when useIndex && IndexCountChoice.Of(a) is { } c:
                    sb.Append(pad).Append($"{(c.OfKwic ? "KwicCount" : "Count")} {c.Kind} \"{c.Pattern}\" from the term index of {c.Table} (without one: the plan below)\n");
                    if (files.IndexOf(c.Table) is null)
                    {
                        sb.Append(pad).Append("  ").Append(PlanPrinter.Describe(a)).Append('\n');
                        Write(a.Input, depth + 2, useIndex: !c.OfKwic);
                    }
                    return;
                case Sort s when ValueCountChoice.Of(s) is { } counted:
                    sb.Append(pad).Append(PlanPrinter.Describe(s)).Append('\n');
                    sb.Append(pad).Append($"  CountedGroups {counted.Table}.{counted.Column} from the value counts (when they cover the table; else the plan below)\n");
                    if (counted.Counts(files, ct) is null) Write(counted.Aggregate, depth + 2, useIndex);
                    return;
                case Scan { File: { Kind: UserTableKind.Csv } csv } s:
                    sb.Append(pad).Append(PlanPrinter.Describe(s)).Append('\n');
                    sb.Append(pad).Append($"  files: {csv.Files.Count}, delimiter {(csv.Delimiter == '\t' ? "TAB" : $"'{csv.Delimiter}'")}, read whole (CSV has no statistics to skip by)\n");
                    foreach (var f in csv.Files) sb.Append(pad).Append($"  - {f}\n");
                    return;
                case Scan s:
                    WriteScan(s, pad, useIndex && s.File is null ? TermIndexMarks.Of(s.Table, s.Predicate) : TermIndexMarks.None);
                    return;
                case Aggregate a:
                    sb.Append(pad).Append(PlanPrinter.Describe(a)).Append('\n');
                    WriteGrouping(a.Input, a.Keys, pad);
                    Write(a.Input, depth + 1, useIndex);
                    return;
                case Distinct d:
                    sb.Append(pad).Append(PlanPrinter.Describe(d)).Append('\n');
                    WriteGrouping(d.Input, d.Input.Schema.Select(c => new NamedExpr(c.Name, new ColumnRef(c.Name, c.Type))).ToList(), pad);
                    Write(d.Input, depth + 1, useIndex);
                    return;
                case Sort { Limit: null } s:
                    sb.Append(pad).Append(PlanPrinter.Describe(s)).Append('\n');
                    sb.Append(pad).Append($"  past {budget.SortBytes:N0} bytes of rows, sorted runs go to temporary files and are merged\n");
                    Write(s.Input, depth + 1, useIndex);
                    return;
            }
            sb.Append(pad).Append(PlanPrinter.Describe(plan)).Append('\n');
            foreach (var input in plan.Inputs) Write(input, depth + 1, useIndex);
        }

        /// <summary>Says when the groups are handed on as the scan passes a key (<see cref="ClusteredKeyChoice"/>), and
        /// otherwise, for a grouping with keys, past how many groups it spills (<see cref="PartitionedAggregation"/>).</summary>
        void WriteGrouping(LogicalPlan input, IReadOnlyList<NamedExpr> keys, string pad)
        {
            var candidates = ClusteredKeyChoice.Candidates(input, keys);
            if (candidates.Count > 0 && ClusteredKeyChoice.ScanBelow(input) is { } s)
            {
                var stats = s.Predicate is null ? null : RowGroupPruning.Describe(s.Predicate, IndexHits.None, TermIndexMarks.Of(s.Table, s.Predicate));
                var units = ScanLayout.Build(stats, files.Of(s.Table), pool, ct).Units;
                foreach (var column in candidates)
                    if (ClusteredKeyChoice.RestMinima(units, column) is not null)
                    {
                        sb.Append(pad).Append($"  groups handed on as the scan passes {column} (the row groups are in order by it)\n");
                        return;
                    }
            }
            if (keys.Count > 0)
                sb.Append(pad).Append($"  past {budget.GroupsBeforeSpill:N0} groups, the rows of new keys go to temporary files, partitioned by key\n");
        }

        void WriteScan(Scan s, string pad, TermIndexMarks marks)
        {
            sb.Append(pad).Append(PlanPrinter.Describe(s, marks.Print, marks.Reads)).Append('\n');
            var stats = s.Predicate is null ? null : RowGroupPruning.Describe(s.Predicate, IndexHits.None, marks);
            var layout = ScanLayout.Build(stats, PhysicalPlanner.FilesOf(s, files), pool, ct);
            long rows = 0;
            foreach (var u in layout.Units) rows += u.RowGroup.RowCount;
            sb.Append(pad).Append($"  row groups: {layout.Units.Count} of {layout.TotalRowGroups} kept ({rows} rows), files: {layout.Files.Count}\n");
            foreach (var f in layout.Files)
            {
                int kept = 0;
                foreach (var u in layout.Units) if (ReferenceEquals(u.File, f)) kept++;
                sb.Append(pad).Append($"  - {f.Path} ({kept} of {f.RowGroups.Count} row groups)\n");
                if (f.Metadata.ShortChunkSlack > 0)
                    sb.Append(pad).Append($"    written by a parquet-mr before 1.2.9, which declares column chunks short (PARQUET-816): read up to {f.Metadata.ShortChunkSlack} bytes past them, as DuckDB and Arrow do\n");
            }
            if (marks.Any)
                sb.Append(pad).Append(files.IndexOf(s.Table) is { } ix
                    ? $"  term index: {marks.Spec!.IndexTable} ({ix.Count} files)\n"
                    : "  no complete term index: the text is scanned\n");
        }
    }
}
