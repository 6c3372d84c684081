using Cql.Engine.Quotes;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Ingest;

/// <summary>
/// The entities of a corpus with stable ids: those already in the corpus (on --append), then the gazetteer's, then
/// speakers the gazetteer did not know. The entities table is small and rewritten whole on every ingest.
/// </summary>
internal sealed class EntityRegistry
{
    readonly List<EntityRecord> _entities = [];
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public static EntityRegistry Create(IReadOnlyList<string> existingFiles, Gazetteer gazetteer)
    {
        var r = new EntityRegistry();
        foreach (var f in existingFiles) r.LoadExisting(f);
        foreach (var e in gazetteer.Entities) r.Add(e);
        return r;
    }

    public int? IdOf(string name) => _ids.TryGetValue(name, out var id) ? id : null;

    /// <summary>Whether a speaker is an organisation, whose statements relay its people's words (the Kremlin's
    /// readout of what Xi said); persons, media and names the gazetteer does not know speak for themselves.</summary>
    public bool IsOrganisation(string name) => _ids.TryGetValue(name, out var id) && _entities[id].Kind == "organisation";

    public void Add(EntityRecord e)
    {
        if (_ids.ContainsKey(e.Name)) return;
        _ids[e.Name] = _entities.Count;
        _entities.Add(e);
    }

    void LoadExisting(string path)
    {
        using var file = new ParquetFileReader(path);
        ParquetColumn idColumn = file.Column("entity_id"), nameColumn = file.Column("name"), kindColumn = file.Column("kind"),
            aliasesColumn = file.Column("aliases");
        for (int g = 0; g < file.RowGroupCount; g++)
        {
            int n = file.RowCount(g);
            var ids = file.Read(g, idColumn, ColumnType.Int32);
            var names = file.Read(g, nameColumn, ColumnType.String);
            var kinds = file.Read(g, kindColumn, ColumnType.String);
            var aliases = file.Read(g, aliasesColumn, ColumnType.String);
            for (int i = 0; i < n; i++)
            {
                // Ids are positions: keep the order the file has.
                int id = ids.GetInt32(i);
                while (_entities.Count < id) _entities.Add(new EntityRecord($"#{_entities.Count}", "unknown", []));
                var name = names.IsNull(i) ? $"#{id}" : names.GetString(i).ToString();
                var kind = kinds.IsNull(i) ? "unknown" : kinds.GetString(i).ToString();
                var rec = new EntityRecord(name, kind, EntityAliases.Split(aliases.IsNull(i) ? null : aliases.GetString(i).ToString()));
                if (_entities.Count == id) _entities.Add(rec); else _entities[id] = rec;
                _ids[name] = id;
            }
        }
    }

    public async Task WriteAllAsync(CorpusWriter w)
    {
        for (int i = 0; i < _entities.Count; i++)
            await w.WriteEntityAsync(i, _entities[i].Name, _entities[i].Kind, _entities[i].Aliases);
    }
}
