using Cql.Engine.Binding;
using Cql.Engine.Execution;
using Cql.Engine.Optimizing;
using Cql.Engine.Output;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Syntax;

namespace Cql.Engine.Session;

/// <summary>
/// The one façade the CLI, the REPL and C# scripts call: open a corpus, then run statements
/// (parse → bind → plan → optimise → execute). Keeps `let` bindings across statements.
/// </summary>
public sealed partial class CqlSession : IDisposable
{
    readonly IQueryParser _parser;
    readonly Lazy<ISpeakerResolver> _speakers;

    public string CorpusDir { get; }
    public CorpusManifest Manifest { get; }
    /// <summary>The text the user asked to run, for provenance and error carets.</summary>
    public string? LastQuery { get; private set; }
    /// <summary>Tables, lets and speaker aliases: what names mean in this session.</summary>
    public Catalog Catalog { get; }
    /// <summary>Where each table's Parquet files are, as the manifest lists them.</summary>
    public CorpusFiles Files { get; }

    CqlSession(string corpusDir, CorpusManifest manifest, IQueryParser parser)
    {
        CorpusDir = corpusDir;
        Manifest = manifest;
        _parser = parser;
        Files = CorpusFiles.FromManifest(corpusDir, manifest);
        _speakers = new Lazy<ISpeakerResolver>(LoadSpeakers);
        Catalog = new Catalog(new LazySpeakers(_speakers));
    }

    /// <summary>Opens the corpus at <paramref name="corpusDir"/>, or the default corpus (built on first use) when null.</summary>
    public static CqlSession Open(string? corpusDir, CancellationToken ct = default)
    {
        var dir = corpusDir is null ? DefaultCorpus.EnsureBuilt(ct) : Path.GetFullPath(corpusDir);
        return new CqlSession(dir, CorpusManifest.Load(dir), SpracheQueryParser.Instance);
    }

    /// <summary>The files of a table, as the manifest lists them.</summary>
    public IReadOnlyList<string> FilesOf(string table) => Manifest.FilesOf(CorpusDir, table);

    public Provenance ProvenanceFor(string statement) =>
        new(statement, Manifest.CorpusHash, CorpusDir, EngineInfo.Version, DateTimeOffset.UtcNow);

    /// <summary>Speaker aliases from the entities table, read the first time a query compares a speaker.</summary>
    ISpeakerResolver LoadSpeakers()
    {
        var scan = Scan.Of(CorpusSchema.Entities, "name", "aliases");
        var entities = new List<(string, IEnumerable<string>)>();
        using var rows = PhysicalPlanner.Execute(Optimizer.Optimize(scan), Files);
        while (rows.MoveNext(CancellationToken.None))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                if (b.Columns[0].IsNull(r)) continue;
                var aliases = b.Columns[1].IsNull(r) ? "" : b.Columns[1].GetString(r).ToString();
                entities.Add((b.Columns[0].GetString(r).ToString(), aliases.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        return new SpeakerAliases(entities);
    }

    /// <summary>Defers reading the entities table until a speaker is compared: most queries never need it.</summary>
    sealed class LazySpeakers(Lazy<ISpeakerResolver> inner) : ISpeakerResolver
    {
        public IReadOnlyList<string> Resolve(string written) => inner.Value.Resolve(written);
    }

    public void Dispose() { }
}
