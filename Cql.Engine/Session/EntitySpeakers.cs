using Cql.Engine.Binding;
using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Session;

/// <summary>
/// The speaker aliases of a corpus for the binder, read from its entities table by running a query the first time a
/// speaker is compared (most queries never need them). The binder sees only <see cref="ISpeakerResolver"/>: reading
/// the table is the session's business, not the binder's.
/// </summary>
sealed class EntitySpeakers(CorpusFiles files) : ISpeakerResolver
{
    readonly Lazy<SpeakerAliases> _aliases = new(() => Load(files));

    public IReadOnlyList<string> Resolve(string written) => _aliases.Value.Resolve(written);

    static SpeakerAliases Load(CorpusFiles files)
    {
        var scan = Scan.Of(CorpusSchema.Entities, "name", "aliases");
        var entities = new List<(string, IEnumerable<string>)>();
        using var rows = PhysicalPlanner.Execute(Optimizer.Optimize(scan), files);
        while (rows.MoveNext(CancellationToken.None))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                if (b.Columns[0].IsNull(r)) continue;
                var aliases = b.Columns[1].IsNull(r) ? "" : b.Columns[1].GetString(r).ToString();
                entities.Add((b.Columns[0].GetString(r).ToString(), EntityAliases.Split(aliases)));
            }
        }
        return new SpeakerAliases(entities);
    }
}
