using Cql.Tests.Support;
using System.Text.RegularExpressions;

namespace Cql.Tests.Diagnostics;

/// <summary>Every error code the engine can give is explained in grammar.md, where a user looks it up.</summary>
public class DiagnosticCodesTests
{
    [Fact]
    public void Every_code_in_DiagnosticFacts_is_listed_in_grammar_md()
    {
        var facts = File.ReadAllText(Path.Combine(RepoPaths.Root, "Cql.Engine", "Diagnostics", "DiagnosticFacts.cs"));
        var grammar = File.ReadAllText(Path.Combine(RepoPaths.Root, "grammar.md"));
        var codes = Regex.Matches(facts, @"""(CQL\d{4})""").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(codes.Count > 30, "the codes of DiagnosticFacts were not found");
        Assert.All(codes, code => Assert.Contains(code, grammar));
    }
}
