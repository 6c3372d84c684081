namespace Cql.Engine.Planning;

/// <summary>
/// Operand in the values of one column of another query's rows — a semi-join (<c>doc_id in xidocs</c>), negated
/// by <see cref="Not"/>. As bound; before execution the physical planner replaces it by an
/// <see cref="InValueSet"/> whose values that query yields once, when first needed. <see cref="Label"/> names the
/// rows and column for plans and messages ("xidocs.doc_id").
/// </summary>
public sealed record InSubquery(Expr Operand, LogicalPlan Query, string Column, string Label) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"{Operand} in {Label}";
}

/// <summary>Operand in a set of values made once from another query's rows (<see cref="InSubquery"/> at execution):
/// SQL semantics, so a value not in a set that holds a null is unknown, not false.</summary>
public sealed record InValueSet(Expr Operand, ValueSet Values, string Label) : Expr
{
    public override ColumnType Type => ColumnType.Bool;
    public override string ToString() => $"{Operand} in {Label}";
}

/// <summary>
/// The distinct values of a semi-join's column: numbers compared as doubles (as <see cref="InList"/> does), text
/// ordinally. Filled on first use by <paramref name="fill"/> — thread-safe, since parallel scans share it — so a plan
/// that is only explained never runs its subqueries.
/// </summary>
public sealed class ValueSet(Func<ValueSet.Contents> fill)
{
    /// <summary>The values, and whether a null was among them.</summary>
    public sealed record Contents(HashSet<double> Numbers, HashSet<string> Texts, bool HasNull);

    readonly Lazy<Contents> _contents = new(fill, LazyThreadSafetyMode.ExecutionAndPublication);

    public Contents Get() => _contents.Value;
}
