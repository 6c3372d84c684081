using Cql.Engine.Ingest;
using Cql.Tests.Support;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Cql.Tests.Ingest;

/// <summary>The default corpus's cache: named by the engine's source and data (so Debug and Release share it and any
/// edit rebuilds it), and built on first use with a word to whoever is waiting at a terminal.</summary>
public class DefaultCorpusTests
{
    [Fact]
    public void The_cache_is_keyed_by_every_engine_source_file_and_nothing_of_the_build()
    {
        var engine = Path.Combine(RepoPaths.Root, "Cql.Engine");
        // The list of hashed files the build wrote, found by the hash the assembly carries.
        var list = Directory.GetFiles(Path.Combine(engine, "obj"), "cql-source-hashes.txt", SearchOption.AllDirectories)
            .FirstOrDefault(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) == DefaultCorpus.SourceHash);
        Assert.True(list is not null, "no cql-source-hashes.txt under Cql.Engine/obj hashes to the assembly's Cql.SourceHash");
        var entries = File.ReadAllLines(list).Select(l => l.Split(' ')).ToDictionary(p => p[0].Replace('\\', '/'), p => p[1]);

        // Nothing of the build output or configuration: Debug and Release hash the same files.
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("obj/") || k.StartsWith("bin/") || k.Contains("Release") || k.Contains("Debug"));
        // Every source file and every piece of embedded data, as it is now (an edit changes the key).
        var sources = Directory.GetFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(engine, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/") && !f.StartsWith("bin/"));
        Assert.All(sources, s => Assert.Contains(s, entries.Keys));
        Assert.Contains(entries.Keys, k => k.StartsWith("../corpora/seeds/"));
        Assert.Contains(entries.Keys, k => k.StartsWith("LanguageData/"));
        foreach (var (file, hash) in entries)
            Assert.Equal(hash, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(engine, file)))));
    }

    [Fact]
    public void The_first_use_says_what_it_is_doing_on_a_terminal_and_nothing_into_a_pipe()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script")) return; // script(1) gives cql a terminal
        using var d = new TempDir();
        var env = new Dictionary<string, string> { ["CQL_CACHE_DIR"] = d.File("cache") };

        var piped = CqlProcess.Run(null, env, "-c", "docs | count", "--format", "csv");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.Equal("", piped.Stderr);

        env["CQL_CACHE_DIR"] = d.File("cache2");
        var cql = Path.Combine(AppContext.BaseDirectory, "cql.dll");
        string OnTerminal()
        {
            var psi = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var a in new[] { "-qec", $"dotnet '{cql}' -c 'docs | count' --format csv", "/dev/null" }) psi.ArgumentList.Add(a);
            psi.Environment["CQL_CACHE_DIR"] = env["CQL_CACHE_DIR"];
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(120_000));
            Assert.True(p.ExitCode == 0, output);
            return output;
        }
        var first = OnTerminal();
        Assert.Contains("cql: first use of this build: ingesting the 5 seed articles into", first);
        Assert.Contains("cql: the default corpus is ready", first);
        Assert.DoesNotContain("first use", OnTerminal()); // built once
    }
}
