namespace Cql.Engine.Planning;

/// <summary>The association score collocations are sorted by.</summary>
public enum CollocationScore { LogDice, Mi, T, Ll }

/// <summary>
/// Collocations of a term: over the words of the text of each input row (<see cref="Core.WordRules"/>' words,
/// lowercased), every word within <see cref="Window"/> words either side of a match of the phrase
/// <see cref="Words"/> (`*` a wildcard, as in kwic), counted and scored against the words' frequencies in the input.
/// <see cref="Input"/> produces the text column.
/// </summary>
public sealed record Collocations(LogicalPlan Input, IReadOnlyList<string> Words, int Window, int Min, CollocationScore By) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema =>
    [
        new("word", ColumnType.String), new("cofreq", ColumnType.Int64), new("freq", ColumnType.Int64),
        new("logdice", ColumnType.Float64), new("mi", ColumnType.Float64), new("t", ColumnType.Float64), new("ll", ColumnType.Float64),
    ];
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>
/// Keyness: the words of the rows where <see cref="TargetColumn"/> is true against those of the reference rows —
/// where <see cref="ReferenceColumn"/> is true, or (when it is null) every row where the target column is not true.
/// <see cref="Input"/> produces text and the boolean column(s). Only rows with G² ≥ <see cref="MinLl"/> are kept.
/// </summary>
public sealed record Keywords(LogicalPlan Input, string TargetColumn, string? ReferenceColumn, double MinLl) : LogicalPlan
{
    /// <summary>G² of a 2×2 table with one degree of freedom at p &lt; 0.01.</summary>
    public const double Significant = 6.63;

    public override IReadOnlyList<ResultColumn> Schema =>
    [
        new("word", ColumnType.String), new("freq", ColumnType.Int64), new("freq_ref", ColumnType.Int64),
        new("per_million", ColumnType.Float64), new("per_million_ref", ColumnType.Float64),
        new("ll", ColumnType.Float64), new("log_ratio", ColumnType.Float64),
    ];
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>The unit two mentions must share to co-occur.</summary>
public enum CooccurUnit { Sentences, Paragraphs, Docs }

/// <summary>
/// Entities mentioned together: <see cref="Mentions"/> (doc_id, entity_id, start) placed in their unit by offset
/// (<see cref="Units"/>: doc_id, start, end of each sentence or paragraph; null for documents), kept when
/// <see cref="Entities"/> (entity_id, name, kind) says the entity is a person or an organisation.
/// </summary>
public sealed record Cooccur(LogicalPlan Mentions, LogicalPlan? Units, LogicalPlan Entities, CooccurUnit Unit) : LogicalPlan
{
    /// <summary>The entity kinds that take part.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["person", "organisation"];

    public override IReadOnlyList<ResultColumn> Schema =>
        [new("a", ColumnType.String), new("b", ColumnType.String), new("n", ColumnType.Int64), new("logdice", ColumnType.Float64)];
    public override IReadOnlyList<LogicalPlan> Inputs => Units is null ? [Mentions, Entities] : [Mentions, Units, Entities];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) =>
        Units is null ? this with { Mentions = inputs[0], Entities = inputs[1] } : this with { Mentions = inputs[0], Units = inputs[1], Entities = inputs[2] };
}
