using Cql.Engine.Quotes;
using Cql.Engine.Storage.Writing;
using Parquet;
using Parquet.Schema;

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

    public void Add(EntityRecord e)
    {
        if (_ids.ContainsKey(e.Name)) return;
        _ids[e.Name] = _entities.Count;
        _entities.Add(e);
    }

    void LoadExisting(string path) => LoadExistingAsync(path).GetAwaiter().GetResult();

    async Task LoadExistingAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        DataField F(string n) => Array.Find(fields, f => f.Name == n) ?? throw new Storage.CorpusException($"{path}: no column '{n}'");
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int n = (int)rg.RowCount;
            var ids = new int[n];
            var names = new string?[n];
            var kinds = new string?[n];
            var aliases = new string?[n];
            await rg.ReadAsync(F("entity_id"), ids.AsMemory(), null, default);
            await rg.ReadAsync(F("name"), names.AsMemory(), null, default);
            await rg.ReadAsync(F("kind"), kinds.AsMemory(), null, default);
            await rg.ReadAsync(F("aliases"), aliases.AsMemory(), null, default);
            for (int i = 0; i < n; i++)
            {
                // Ids are positions: keep the order the file has.
                while (_entities.Count < ids[i]) _entities.Add(new EntityRecord($"#{_entities.Count}", "unknown", []));
                var name = names[i] ?? $"#{ids[i]}";
                var rec = new EntityRecord(name, kinds[i] ?? "unknown", EntityAliases.Split(aliases[i]));
                if (_entities.Count == ids[i]) _entities.Add(rec); else _entities[ids[i]] = rec;
                _ids[name] = ids[i];
            }
        }
    }

    public async Task WriteAllAsync(CorpusWriter w)
    {
        for (int i = 0; i < _entities.Count; i++)
            await w.WriteEntityAsync(i, _entities[i].Name, _entities[i].Kind, _entities[i].Aliases);
    }
}
