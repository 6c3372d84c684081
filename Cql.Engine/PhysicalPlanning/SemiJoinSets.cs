using Cql.Engine.Execution;
using Cql.Engine.Optimizing;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.PhysicalPlanning;

/// <summary>
/// Plans the semi-joins of a predicate (<see cref="InSubquery"/>) as hash semi-joins: the other query runs once, its
/// column's distinct values go into a hash set (<see cref="ValueSet"/>), and the rows of this side stream past it —
/// the side being filtered, usually the larger, is never held. An uncorrelated subquery, as DuckDB plans
/// <c>x IN (SELECT …)</c>.
/// </summary>
public static class SemiJoinSets
{
    /// <summary>The predicate with each semi-join's query planned (through <paramref name="plan"/>, over the same open
    /// files) behind a set filled on first use.</summary>
    public static Expr Prepare(Expr predicate, Func<LogicalPlan, IPhysicalOperator> plan, CancellationToken ct) =>
        predicate.Transform(e => e is InSubquery q
            ? new InValueSet(q.Operand, new ValueSet(() => Collect(plan(Optimizer.Optimize(q.Query)), q.Column, ct)), q.Label)
            : e);

    /// <summary>For row-group pruning: the set's values as ids when they all are (non-negative whole numbers in
    /// int range), else null. Fills the set.</summary>
    public static IdSet? AsIds(ValueSet values)
    {
        var ids = new IdSet();
        foreach (var d in values.Get().Numbers)
        {
            if (d is < 0 or > int.MaxValue || d != Math.Floor(d)) return null;
            ids.Add((int)d);
        }
        return ids;
    }

    static ValueSet.Contents Collect(IPhysicalOperator root, string column, CancellationToken ct)
    {
        using var op = root;
        int at = -1;
        for (int i = 0; i < op.Columns.Count; i++) if (op.Columns[i].Name == column) at = i;
        if (at < 0) throw new InvalidOperationException($"the semi-join's rows have no column {column}");
        var numbers = new HashSet<double>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var textLookup = texts.GetAlternateLookup<ReadOnlySpan<char>>();
        bool hasNull = false;
        while (op.Next(ct) is { } batch)
        {
            var v = batch.Columns[at];
            for (int i = 0; i < batch.RowCount; i++)
            {
                if (v.IsNull(i)) hasNull = true;
                else if (v is StringVector s) textLookup.Add(s.GetString(i).Span);
                else numbers.Add(v.GetFloat64(i));
            }
        }
        return new ValueSet.Contents(numbers, texts, hasNull);
    }
}
