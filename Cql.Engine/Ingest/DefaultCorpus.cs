using Cql.Engine.Storage;
using System.Security.Cryptography;

namespace Cql.Engine.Ingest;

/// <summary>
/// The corpus `cql` opens when no --corpus is given: the seed articles shipped inside the engine, ingested on first
/// use into a cache folder and rebuilt whenever the extraction version or the seeds change, so a fresh clone works
/// with no set-up and never shows stale extractions.
/// </summary>
public static class DefaultCorpus
{
    const string ResourcePrefix = "Cql.Engine.Seeds.";

    /// <summary>$CQL_CACHE_DIR, else $XDG_CACHE_HOME/cql, else ~/.cache/cql.</summary>
    public static string CacheRoot
    {
        get
        {
            var explicitDir = Environment.GetEnvironmentVariable("CQL_CACHE_DIR");
            if (!string.IsNullOrEmpty(explicitDir)) return explicitDir;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "cql");
        }
    }

    /// <summary>The folder of the built default corpus, building it first when missing or stale.</summary>
    public static string EnsureBuilt(CancellationToken ct = default)
    {
        var seeds = LoadSeeds();
        var stamp = Stamp(seeds);
        var dir = Path.Combine(CacheRoot, "default-" + stamp);
        if (File.Exists(CorpusManifest.PathIn(dir))) return dir;

        // Build beside the target and rename into place: a concurrent or interrupted build never leaves a
        // half-built corpus under the final name.
        Directory.CreateDirectory(CacheRoot);
        var work = Path.Combine(CacheRoot, $".build-{Guid.NewGuid():N}");
        var input = Path.Combine(work, "seeds");
        var output = Path.Combine(work, "corpus");
        try
        {
            Directory.CreateDirectory(input);
            foreach (var (name, bytes) in seeds) File.WriteAllBytes(Path.Combine(input, name), bytes);
            Ingestor.RunAsync(new IngestOptions([input], output), null, ct).GetAwaiter().GetResult();
            try { Directory.Move(output, dir); }
            catch (IOException) when (File.Exists(CorpusManifest.PathIn(dir))) { /* another process won the race */ }
            RemoveOldBuilds(dir);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
        return dir;
    }

    static void RemoveOldBuilds(string keep)
    {
        foreach (var old in Directory.EnumerateDirectories(CacheRoot, "default-*"))
            if (old != keep)
                try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The seed files (name, bytes) embedded in the engine, in name order.</summary>
    public static List<(string Name, byte[] Bytes)> LoadSeeds()
    {
        var asm = typeof(DefaultCorpus).Assembly;
        var list = new List<(string, byte[])>();
        foreach (var res in asm.GetManifestResourceNames())
        {
            if (!res.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var s = asm.GetManifestResourceStream(res)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            list.Add((res[ResourcePrefix.Length..], ms.ToArray()));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return list;
    }

    // Names the build: the seeds' content, the extraction version and the engine version.
    static string Stamp(List<(string Name, byte[] Bytes)> seeds)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in seeds) { h.AppendData(System.Text.Encoding.UTF8.GetBytes(name)); h.AppendData(bytes); }
        // The engine build's module id too: any change to the extraction code rebuilds the corpus, even one that
        // forgot to bump the extraction version (deterministic builds keep the id when the code is unchanged).
        var mvid = typeof(DefaultCorpus).Assembly.ManifestModule.ModuleVersionId;
        h.AppendData(System.Text.Encoding.UTF8.GetBytes($"x{EngineInfo.ExtractionVersion}/{EngineInfo.Version}/{mvid}"));
        return $"x{EngineInfo.ExtractionVersion}-" + Convert.ToHexStringLower(h.GetHashAndReset())[..12];
    }
}
