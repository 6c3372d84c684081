using System.Reflection;

namespace Cql.Engine.Core;

/// <summary>Versions that end up in manifests and export provenance.</summary>
public static class EngineInfo
{
    /// <summary>Bump whenever segmentation, language identification, quote extraction or the table layout changes
    /// what ingest writes: corpora built by another version are rebuilt (the default corpus) or reported stale.</summary>
    public const int ExtractionVersion = 6;

    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
