using System.Text;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Planning;

/// <summary>
/// `explain`: the plan as an indented tree. Given the corpus files, each scan also lists the files it reads, and
/// the row groups kept after pruning out of the total.
/// </summary>
public static class PlanPrinter
{
    public static string Print(LogicalPlan plan, CorpusFiles? files = null, CancellationToken ct = default)
    {
        var sb = new StringBuilder();
        using var pool = new ParquetFileCache();
        Write(plan, 0, sb, files, pool, ct);
        return sb.ToString();
    }

    static void Write(LogicalPlan plan, int depth, StringBuilder sb, CorpusFiles? files, ParquetFileCache pool, CancellationToken ct)
    {
        var pad = new string(' ', depth * 2);
        sb.Append(pad).Append(Describe(plan)).Append('\n');
        if (plan is Scan s && files is not null)
        {
            var layout = ScanLayout.Build(s, files.Of(s.Table), pool, ct);
            long rows = 0;
            foreach (var u in layout.Units) rows += u.RowGroup.RowCount;
            sb.Append(pad).Append($"  row groups: {layout.Units.Count} of {layout.TotalRowGroups} kept ({rows} rows), files: {layout.Files.Count}\n");
            foreach (var f in layout.Files)
            {
                int kept = 0;
                foreach (var u in layout.Units) if (ReferenceEquals(u.File, f)) kept++;
                sb.Append(pad).Append($"  - {f.Path} ({kept} of {f.RowGroups.Count} row groups)\n");
            }
            if (s.Predicate is { } p && UsesIndex(p))
                sb.Append(pad).Append(files.IndexOf(s.Table) is { } ix
                    ? $"  term index: {Storage.Indexing.TermIndexSpec.ForSource(s.Table)?.IndexTable} ({ix.Count} files)\n"
                    : "  no complete term index: the text is scanned\n");
        }
        foreach (var input in plan.Inputs) Write(input, depth + 1, sb, files, pool, ct);
        if (plan is IndexedCount ic && (files is null || files.IndexOf(ic.Table) is null)) Write(ic.Original, depth + 1, sb, files, pool, ct);
        if (plan is CountedGroups cg && (files is null || Execution.CountedGroupsOperator.Counts(cg, files, CancellationToken.None) is null))
            Write(cg.Original, depth + 1, sb, files, pool, ct);
    }

    static bool UsesIndex(Expr e) => e switch
    {
        IndexedTextMatch => true,
        And a => UsesIndex(a.Left) || UsesIndex(a.Right),
        Or o => UsesIndex(o.Left) || UsesIndex(o.Right),
        Not n => UsesIndex(n.Operand),
        _ => false,
    };

    /// <summary>The columns the scan reads when its predicate needs more than it returns.</summary>
    static string Reads(Scan s)
    {
        if (s.Predicate is null) return "";
        var all = s.Columns.Select(c => c.Name).ToList();
        foreach (var c in Exprs.Columns(s.Predicate)) if (!all.Contains(c)) all.Add(c);
        return all.Count == s.Columns.Count ? "" : $" reads=[{string.Join(", ", all)}]";
    }

    static string Describe(LogicalPlan plan) => plan switch
    {
        Scan s => $"Scan {s.Table} columns=[{string.Join(", ", s.Columns.Select(c => c.Name))}]"
            + (s.Predicate is null ? "" : $" predicate={s.Predicate}") + (s.Limit is null ? "" : $" limit={s.Limit}") + Reads(s),
        Filter f => $"Filter {f.Predicate}",
        Project p => $"Project {string.Join(", ", p.Columns.Select(c => c.Expr is ColumnRef r && r.Name == c.Name ? c.Name : $"{c.Name}={c.Expr}"))}",
        DocJoin j => j.Inner ? "DocJoin on doc_id (inner: rows whose document fails the docs filter drop out)" : "DocJoin on doc_id",
        Aggregate a => $"Aggregate keys=[{string.Join(", ", a.Keys.Select(k => k.Name))}] [{string.Join(", ", a.Aggregates)}]",
        Distinct => "Distinct",
        Sort s => $"Sort {string.Join(", ", s.Keys)}" + (s.Limit is null ? "" : $" top={s.Limit}"),
        Limit l => $"Limit {l.Count}",
        Sample s => $"Sample {s.Count} seed={s.Seed}",
        CountedGroups g => $"CountedGroups {g.Table}.{g.Column} from the value counts (when they cover the table; else the plan below)",
        IndexedCount k => $"{(k.Kind == IndexCountKind.Occurrences ? "KwicCount" : "Count")} {k.Kind} \"{k.Pattern}\" from the term index of {k.Table} (without one: the plan below)",
        Kwic k => $"Kwic \"{string.Join(" ", k.Words)}\" id={k.IdColumn} context={k.Context}",
        _ => plan.GetType().Name,
    };
}
