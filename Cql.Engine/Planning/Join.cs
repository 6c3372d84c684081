namespace Cql.Engine.Planning;

/// <summary>
/// The join stage: each row of <see cref="Input"/> with each row of <see cref="Other"/> whose
/// <see cref="OtherKey"/> column equals the row's <see cref="Key"/> (null never equals anything, as in SQL); with
/// <see cref="Left"/>, a row that matches nothing is kept once with nulls for the other side. The other side's
/// columns come in named NAME.COLUMN after this side's. Rows keep this side's order, and a row's matches the
/// other side's order. Planned as a hash join that builds on the other side and streams this one.
/// </summary>
public sealed record Join(LogicalPlan Input, LogicalPlan Other, Expr Key, string OtherKey, string Name, bool Left) : LogicalPlan
{
    /// <summary>"entities.": how the other side's columns are named in the rows.</summary>
    public string Prefix => Name + ".";

    public override IReadOnlyList<ResultColumn> Schema
    {
        get
        {
            var list = new List<ResultColumn>(Input.Schema);
            foreach (var c in Other.Schema) list.Add(new ResultColumn(Prefix + c.Name, c.Type));
            return list;
        }
    }
    public override IReadOnlyList<LogicalPlan> Inputs => [Input, Other];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0], Other = inputs[1] };
}
