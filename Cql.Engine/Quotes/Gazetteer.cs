namespace Cql.Engine.Quotes;

/// <summary>
/// The entities ingest knows by name: canonical name, kind and aliases, one per line of a TSV file
/// (corpora/aliases.tsv, shipped inside the engine). Lines: NAME &lt;TAB&gt; KIND &lt;TAB&gt; ALIAS | ALIAS ... [&lt;TAB&gt; GENDER];
/// '#' starts a comment. GENDER is m or f.
/// </summary>
public sealed class Gazetteer
{
    public IReadOnlyList<EntityRecord> Entities { get; }

    Gazetteer(List<EntityRecord> entities) => Entities = entities;

    static Gazetteer? _default;

    /// <summary>The gazetteer shipped with the engine (corpora/aliases.tsv); empty when the build has none.</summary>
    public static Gazetteer Default => _default ??= LoadDefault();

    static Gazetteer LoadDefault()
    {
        using var s = typeof(Gazetteer).Assembly.GetManifestResourceStream("Cql.Engine.aliases.tsv");
        if (s is null) return new Gazetteer([]);
        using var r = new StreamReader(s);
        return Load(r);
    }

    public static Gazetteer Load(TextReader reader)
    {
        var list = new List<EntityRecord>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) continue;
            var name = parts[0].Trim();
            var aliases = new List<string>();
            if (parts.Length > 2)
                foreach (var a in parts[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (!aliases.Contains(a)) aliases.Add(a);
            char? gender = parts.Length > 3 && parts[3].Trim() is ['m' or 'f'] g ? g[0] : null;
            list.Add(new EntityRecord(name, parts[1].Trim(), aliases) { Gender = gender });
        }
        return new Gazetteer(list);
    }
}
