using ArchUnitNET.Loader;
using Cql.Engine.Core;

namespace Cql.Tests.Architecture;

/// <summary>
/// The engine's layers (README "Layout") as a table, checked against every type dependency the compiler emitted: a
/// dependency that points up or sideways, and so any namespace cycle, fails here with the types that make it.
/// </summary>
public class LayerRulesTests
{
    /// <summary>Each namespace of Cql.Engine (a sub-namespace belongs to its parent's entry) and what it may use.</summary>
    static readonly Dictionary<string, string[]> MayUse = new()
    {
        // Everything may use the core; it uses nothing of ours.
        ["Core"] = [],
        // Storage: the Parquet format, the manifest and pruning by statistics. Knows no query, no analysis.
        ["Storage"] = [],
        // Analysis: per-language word lists and patterns (data files and their one loader), then text → language →
        // quotes → ingest. Knows no query.
        ["LanguageData"] = [],
        ["Text"] = ["LanguageData"],
        ["Language"] = ["LanguageData", "Text"],
        ["Quotes"] = ["LanguageData", "Text", "Language"],
        // Statements: quotes grouped into what was said once, after extraction; reads only quote fields.
        ["Statements"] = [],
        ["Ingest"] = ["LanguageData", "Text", "Language", "Quotes", "Statements", "Storage"],
        ["Generation"] = ["Text", "Ingest", "Statements", "Storage"],
        // The query stack, in the order a query goes through it.
        ["Diagnostics"] = [],
        ["Syntax"] = ["Diagnostics"],
        ["Planning"] = ["Diagnostics", "Syntax", "Storage"],
        ["Binding"] = ["Diagnostics", "Syntax", "Planning", "Storage"],
        ["Optimizing"] = ["Planning", "Storage"],
        ["Execution"] = ["Diagnostics", "Planning", "Storage"],
        ["PhysicalPlanning"] = ["Planning", "Optimizing", "Execution", "Storage"],
        ["Output"] = ["Execution", "Storage"],
        ["Records"] = ["Storage"],
        // Charts of a query's rows, in text and as images.
        ["Charts"] = ["Execution"],
        // The façade over all of it.
        ["Session"] = ["Diagnostics", "Syntax", "Binding", "Planning", "Optimizing", "PhysicalPlanning", "Execution",
                       "Output", "Storage", "Ingest", "Records", "Language", "Charts"],
    };

    static readonly ArchUnitNET.Domain.Architecture Engine =
        new ArchLoader().LoadAssemblies(typeof(CorpusSchema).Assembly).Build();

    const string Root = "Cql.Engine";

    /// <summary>The layer a namespace belongs to: its first name under Cql.Engine ("" for the root itself).</summary>
    static string LayerOf(string ns) => ns.Length == 0 ? "(outside)" :
        ns == Root ? "" : ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : "(outside)";

    [Fact]
    public void Every_namespace_of_the_engine_has_a_place_in_the_layers()
    {
        var unplaced = Engine.Types.Select(t => LayerOf(t.Namespace.FullName))
            .Where(l => l is not "" and not "(outside)" && !MayUse.ContainsKey(l)).Distinct().ToList();
        Assert.True(unplaced.Count == 0, "namespaces with no entry in LayerRulesTests.MayUse: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Dependencies_point_down_the_layers()
    {
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Engine.Types)
        {
            string from = LayerOf(type.Namespace.FullName);
            if (!MayUse.TryGetValue(from, out var allowed)) continue;
            foreach (var dependency in type.Dependencies)
            {
                // Judged by the target's full name: a generic instance of a framework type can report the namespace
                // of its type argument.
                var target = dependency.Target;
                if (target is null || !target.FullName.StartsWith(Root + ".", StringComparison.Ordinal)) continue;
                string to = LayerOf(target.Namespace.FullName);
                if (to is "(outside)" or "Core" || to == from || allowed.Contains(to)) continue;
                wrong.Add($"{from} -> {to}: {Shorten(type.FullName)} uses {Shorten(target.FullName)}");
            }
        }
        Assert.True(wrong.Count == 0, "dependencies against the layers:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_layer_table_itself_has_no_cycle()
    {
        // A cycle in the table would let a cycle in the code pass; walk it depth-first.
        var state = new Dictionary<string, int>();
        foreach (var layer in MayUse.Keys) Visit(layer, []);

        void Visit(string layer, List<string> path)
        {
            state.TryGetValue(layer, out int s);
            Assert.False(s == 1, "cycle in the layer table: " + string.Join(" -> ", path.Append(layer)));
            if (s == 2) return;
            state[layer] = 1;
            foreach (var next in MayUse[layer]) Visit(next, [.. path, layer]);
            state[layer] = 2;
        }
    }

    static string Shorten(string fullName) => fullName.Replace(Root + ".", "").Split('`')[0];
}
