namespace Cql.Engine.Output;

/// <summary>Where an export came from: written into Parquet key-value metadata or a PATH.meta.json sidecar.</summary>
public sealed record Provenance(string Query, string CorpusHash, string CorpusPath, string ToolVersion, DateTimeOffset Time)
{
    public Dictionary<string, string> ToDictionary() => new()
    {
        ["cql.query"] = Query,
        ["cql.corpus_hash"] = CorpusHash,
        ["cql.corpus"] = CorpusPath,
        ["cql.version"] = ToolVersion,
        ["cql.exported_at"] = Time.ToString("O"),
    };
}
