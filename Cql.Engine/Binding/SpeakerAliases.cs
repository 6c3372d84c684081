namespace Cql.Engine.Binding;

/// <summary>
/// Speaker names from the entities table: each canonical name and each of its aliases, case-insensitively, to the
/// canonical names it may stand for (an alias two entities share stands for both).
/// </summary>
public sealed class SpeakerAliases : ISpeakerResolver
{
    readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="entities">(canonical name, aliases) for each entity.</param>
    public SpeakerAliases(IEnumerable<(string Name, IEnumerable<string> Aliases)> entities)
    {
        foreach (var (name, aliases) in entities)
        {
            Add(name, name);
            foreach (var a in aliases) Add(a, name);
        }
    }

    void Add(string key, string canonical)
    {
        key = key.Trim();
        if (key.Length == 0) return;
        if (!_byName.TryGetValue(key, out var list)) _byName[key] = list = [];
        if (!list.Contains(canonical, StringComparer.Ordinal)) list.Add(canonical);
    }

    public IReadOnlyList<string> Resolve(string written) =>
        _byName.TryGetValue(written.Trim(), out var list) ? list : [];
}
