namespace Cql.Engine.Quotes;

/// <summary>A known entity: canonical name, kind (person, organisation, place, medium) and the names it goes by.</summary>
public sealed record EntityRecord(string Name, string Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>'m' or 'f' when known (persons), else null: lets a pronoun refer to the entity.</summary>
    public char? Gender { get; init; }
}
