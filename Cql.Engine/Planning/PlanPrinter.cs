using System.Text;

namespace Cql.Engine.Planning;

/// <summary>The logical plan as an indented tree, a line a node. `explain` prints the physical plan
/// (<c>PhysicalPlanPrinter</c>), which adds what the corpus decides.</summary>
public static class PlanPrinter
{
    public static string Print(LogicalPlan plan)
    {
        var sb = new StringBuilder();
        Write(plan, 0, sb);
        return sb.ToString();
    }

    static void Write(LogicalPlan plan, int depth, StringBuilder sb)
    {
        sb.Append(' ', depth * 2).Append(Describe(plan)).Append('\n');
        foreach (var input in plan.Inputs) Write(input, depth + 1, sb);
    }

    /// <summary>The node's line; a scan's predicate as <paramref name="predicate"/> prints it, and the columns it
    /// reads besides those it returns as <paramref name="reads"/> lists them.</summary>
    public static string Describe(LogicalPlan plan, Func<Expr, string>? predicate = null, Func<Expr, IEnumerable<ColumnRef>>? reads = null) => plan switch
    {
        Scan s => $"{(s.File is { } f ? $"Read {f.Kind.ToString().ToLowerInvariant()} \"{f.Path}\"" : "Scan " + s.Table)} columns=[{string.Join(", ", s.Columns.Select(c => c.Name))}]"
            + (s.Predicate is null ? "" : $" predicate={(predicate ?? (e => e.ToString()))(s.Predicate)}")
            + (s.Limit is null ? "" : $" limit={s.Limit}") + Reads(s, reads ?? Exprs.ColumnRefs),
        Filter f => $"Filter {f.Predicate}",
        Project p => $"Project {string.Join(", ", p.Columns.Select(c => c.Expr is ColumnRef r && r.Name == c.Name ? c.Name : $"{c.Name}={c.Expr}"))}",
        ContextJoin j => $"{JoinWord(j.Link)} on {j.Link.Key}" + (j.Inner ? $" (inner: rows whose {j.Link.Table.Name} row fails the filter drop out)" : ""),
        Aggregate a => $"Aggregate keys=[{string.Join(", ", a.Keys.Select(k => k.Name))}] [{string.Join(", ", a.Aggregates)}]",
        Distinct => "Distinct",
        Sort s => $"Sort {string.Join(", ", s.Keys)}" + (s.Limit is null ? "" : $" top={s.Limit}"),
        Limit l => $"Limit {l.Count}",
        LimitBy l => $"LimitBy {l.Count} by [{string.Join(", ", l.Keys)}]",
        Join j => $"HashJoin {(j.Left ? "left" : "inner")} on {j.Key} = {j.Prefix}{j.OtherKey} (builds {j.Name}, streams the rows)",
        Sample s => $"Sample {s.Count} seed={s.Seed}",
        Fill f => $"Fill {f.Period} by {DatePeriods.Name(f.Unit)}",
        Kwic k => $"Kwic \"{string.Join(" ", k.Words)}\" id={k.IdColumn} context={k.Context}",
        Collocations c => $"Collocations \"{string.Join(" ", c.Words)}\" window={c.Window} min={c.Min} by={c.By.ToString().ToLowerInvariant()}",
        Keywords k => $"Keywords target={k.TargetColumn} reference={k.ReferenceColumn ?? "the rest"} min_ll={k.MinLl}",
        Cooccur c => $"Cooccur in {c.Unit.ToString().ToLowerInvariant()} of {string.Join(", ", Cooccur.Kinds)}",
        _ => throw new NotSupportedException($"plan node {plan.GetType().Name}"),
    };

    /// <summary>DocJoin, SentJoin, ParaJoin.</summary>
    static string JoinWord(ContextLink link) => char.ToUpperInvariant(link.Qualifier[0]) + link.Qualifier[1..] + "Join";

    /// <summary>The columns the scan reads when its predicate needs more than it returns.</summary>
    static string Reads(Scan s, Func<Expr, IEnumerable<ColumnRef>> reads)
    {
        if (s.Predicate is null) return "";
        var all = s.Columns.Select(c => c.Name).ToList();
        foreach (var c in reads(s.Predicate)) if (!all.Contains(c.Name)) all.Add(c.Name);
        return all.Count == s.Columns.Count ? "" : $" reads=[{string.Join(", ", all)}]";
    }
}
