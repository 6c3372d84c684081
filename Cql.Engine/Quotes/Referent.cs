namespace Cql.Engine.Quotes;

/// <summary>Someone or something that can speak: a gazetteer entity or a name found in the article.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Kind">person, organisation, medium or place.</param>
/// <param name="Gender">'m', 'f', or null when unknown.</param>
/// <param name="Known">The gazetteer entry, or null for a name met in the article.</param>
internal sealed record Referent(string Name, string Kind, char? Gender, EntityRecord? Known)
{
    public bool CanSpeak => Kind is not "place";
    public bool IsPerson => Kind == "person";
}
