using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Cql.Repl.Scripting;

/// <summary>
/// Roslyn's view of a C# line as it is being typed, for Tab: after <c>expr.</c> the members of expr's type (with
/// the LINQ extension methods that apply to it), else the names in scope — the globals, and the variables and
/// methods of earlier lines. Read from the semantic model of the line compiled as the next submission; nothing runs.
/// </summary>
public static class CSharpCompletion
{
    /// <summary>Names that can follow <paramref name="codeBeforeCursor"/>, whatever the partial word at its end.</summary>
    public static IReadOnlyList<string> Names(Script? previous, ScriptOptions options, string codeBeforeCursor)
    {
        var script = previous is null
            ? Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.Create(codeBeforeCursor, options, typeof(ScriptGlobals))
            : previous.ContinueWith(codeBeforeCursor, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        int position = codeBeforeCursor.Length;
        var token = tree.GetRoot().FindToken(Math.Max(0, position - 1));
        var access = token.Parent as MemberAccessExpressionSyntax ?? token.Parent?.Parent as MemberAccessExpressionSyntax;
        IEnumerable<ISymbol> symbols;
        if (access is not null && (token.IsKind(SyntaxKind.DotToken) || access.Name == token.Parent))
        {
            var target = access.Expression;
            symbols = model.GetTypeInfo(target).Type is { TypeKind: not TypeKind.Error } type
                ? model.LookupSymbols(access.Name.SpanStart, type, includeReducedExtensionMethods: true)
                : model.GetSymbolInfo(target).Symbol is INamespaceOrTypeSymbol container
                    ? model.LookupStaticMembers(access.Name.SpanStart, container)
                    : [];
        }
        else symbols = model.LookupSymbols(position);
        return [.. symbols.Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)];
    }
}
