using System.Text;
using Cql.Engine.Binding;
using Cql.Engine.Diagnostics;
using Cql.Engine.Syntax;
using SharpFuzz;

// AFL++ feeds one input a run on standard input. Everything a user can type must end in a tree or in diagnostics:
// any exception that escapes here is a crash AFL keeps. No corpus is opened: parsing, binding (against the corpus
// schema) and rendering the diagnostics are what is fuzzed; the executor is covered by Cql.Tests/Fuzzing.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
    var script = reader.ReadToEnd();
    _ = StatementSplitter.NeedsMore(script);
    var catalog = new Catalog(NoSpeakerAliases.Instance);
    foreach (var parsed in SpracheQueryParser.Instance.Parse(script))
    {
        foreach (var d in parsed.Diagnostics) _ = DiagnosticRenderer.Render(d, script);
        if (parsed.Statement is null) continue;
        var bound = Binder.Bind(parsed.Statement, catalog, script);
        foreach (var d in bound.Diagnostics) _ = DiagnosticRenderer.Render(d, script);
        if (bound.Statement is BoundLet let) catalog.SetLet(let.Binding);
    }
});
