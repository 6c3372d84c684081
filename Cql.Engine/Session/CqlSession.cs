using Cql.Engine.Binding;
using Cql.Engine.Execution;
using Cql.Engine.Ingest;
using Cql.Engine.Output;
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

    public string CorpusDir { get; }
    public CorpusManifest Manifest { get; }
    /// <summary>The text the user asked to run, for provenance and error carets.</summary>
    public string? LastQuery { get; private set; }
    /// <summary>Tables, lets and speaker aliases: what names mean in this session.</summary>
    public Catalog Catalog { get; }
    /// <summary>Where each table's Parquet files are, as the manifest lists them.</summary>
    public CorpusFiles Files { get; }
    /// <summary>What a query's operators may hold in memory before they set rows aside in temporary files.</summary>
    public ExecutionBudget Budget { get; set; } = ExecutionBudget.Default;

    CqlSession(string corpusDir, CorpusManifest manifest, IQueryParser parser)
    {
        CorpusDir = corpusDir;
        Manifest = manifest;
        _parser = parser;
        Files = CorpusFiles.FromManifest(corpusDir, manifest);
        Catalog = new Catalog(new EntitySpeakers(Files));
    }

    /// <summary>Opens the corpus at <paramref name="corpusDir"/>, or the default corpus (built on first use) when null;
    /// <paramref name="notices"/> is told when the default corpus has to be built first.</summary>
    public static CqlSession Open(string? corpusDir, CancellationToken ct = default, TextWriter? notices = null)
    {
        var dir = corpusDir is null ? DefaultCorpus.EnsureBuilt(ct, notices) : Path.GetFullPath(corpusDir);
        return new CqlSession(dir, CorpusManifest.Load(dir), SpracheQueryParser.Instance);
    }

    /// <summary>The files of a table, as the manifest lists them.</summary>
    public IReadOnlyList<string> FilesOf(string table) => Manifest.FilesOf(CorpusDir, table);

    public Provenance ProvenanceFor(string statement) =>
        new(statement, Manifest.CorpusHash, CorpusDir, EngineInfo.Version, DateTimeOffset.UtcNow);

    public void Dispose() { }
}
