using System.Text.Json;

namespace Cql.Tests.Cli;

/// <summary>The runtime settings cql ships with (Cql.Repl.csproj): ingest's throughput depends on them, and a build
/// that dropped one would still pass every other test.</summary>
public class RuntimeSettingsTests
{
    static JsonElement ConfigProperties()
    {
        // Cql.Tests references Cql.Repl, so cql's runtime configuration is copied next to the test binaries.
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cql.runtimeconfig.json")));
        return doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Hot_methods_are_counted_from_the_start_and_only_the_hot_ones_are_recompiled()
    {
        var props = ConfigProperties();
        Assert.Equal(0, props.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.Equal(1000, props.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
    }
}
