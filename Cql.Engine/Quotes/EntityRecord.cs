namespace Cql.Engine.Quotes;

/// <summary>A known entity: canonical name, kind (person, organisation, place, medium) and the names it goes by.</summary>
public sealed record EntityRecord(string Name, string Kind, IReadOnlyList<string> Aliases);
