using Cql.Engine.Storage;
using System.Reflection;
using System.Security.Cryptography;

namespace Cql.Engine.Ingest;

/// <summary>
/// The corpus `cql` opens when no --corpus is given: the seed articles shipped inside the engine, ingested on first
/// use into a cache folder and rebuilt whenever the seeds, the extraction version or the engine's source and data
/// change, so a fresh clone works with no set-up and never shows stale extractions. Debug and Release builds of the
/// same source share the one cache.
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
    /// <param name="notices">Told what is happening when the corpus has to be built (the first run of a build takes
    /// a moment, and should not look like a hang); null: nothing is said.</param>
    public static string EnsureBuilt(CancellationToken ct = default, TextWriter? notices = null)
    {
        var seeds = LoadSeeds();
        var stamp = Stamp(seeds);
        var dir = Path.Combine(CacheRoot, "default-" + stamp);
        if (File.Exists(CorpusManifest.PathIn(dir))) return dir;
        notices?.WriteLine($"cql: first use of this build: ingesting the {seeds.Count} seed articles into {dir} …");
        var clock = System.Diagnostics.Stopwatch.StartNew();

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
            notices?.WriteLine($"cql: the default corpus is ready ({clock.Elapsed.TotalSeconds:0.0} s)");
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

    /// <summary>Names the build by what can change what ingest writes: the seeds' content, the extraction version,
    /// the engine version and the hash of the engine's source and data (Cql.Engine.csproj puts it in the assembly).
    /// Not the build configuration: Debug and Release of the same source share the cache.</summary>
    internal static string Stamp(List<(string Name, byte[] Bytes)> seeds)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in seeds) { h.AppendData(System.Text.Encoding.UTF8.GetBytes(name)); h.AppendData(bytes); }
        h.AppendData(System.Text.Encoding.UTF8.GetBytes($"x{EngineInfo.ExtractionVersion}/{EngineInfo.Version}/{SourceHash}"));
        return $"x{EngineInfo.ExtractionVersion}-" + Convert.ToHexStringLower(h.GetHashAndReset())[..12];
    }

    /// <summary>The SHA-256 of the engine's source files and embedded data, computed at build time.</summary>
    internal static string SourceHash { get; } = typeof(DefaultCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "Cql.SourceHash")?.Value
        ?? throw new InvalidOperationException("Cql.Engine was built without its Cql.SourceHash attribute (see Cql.Engine.csproj)");
}
