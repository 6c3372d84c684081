namespace Cql.Engine.Binding;

/// <summary>Maps a name as a user writes it ("Xi", "Kinas president") to the canonical speaker names it stands for.</summary>
public interface ISpeakerResolver
{
    /// <summary>The canonical names <paramref name="written"/> is a name or alias of (case-insensitive); empty when
    /// no entity is known by it.</summary>
    IReadOnlyList<string> Resolve(string written);
}

/// <summary>The resolver for a corpus without entities: every name stands for itself.</summary>
public sealed class NoSpeakerAliases : ISpeakerResolver
{
    public static readonly NoSpeakerAliases Instance = new();
    public IReadOnlyList<string> Resolve(string written) => [];
}
