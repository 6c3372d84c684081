using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Engine.Records;
using Cql.Engine.Session;
using Cql.Engine.Syntax;
using Cql.Repl.Editing;
using Cql.Repl.Scripting;
using System.Reflection;

namespace Cql.Repl.Interactive;

/// <summary>
/// Tab completion from what the session knows, by the cursor's position in the statement (see ByPosition): tables,
/// stages, the columns of the statement's source (a table or a let), doc.FIELD, a column's values, meta commands,
/// the path of read "…" (<see cref="PathCompletion"/>),
/// and after '>' what Roslyn's semantic model of the line offers (<see cref="CSharpCompletion"/>: members after a dot,
/// else the names in scope), or — before the C# engine has loaded — the globals, record properties and common LINQ
/// methods.
/// </summary>
public sealed class ReplCompletion(Func<CqlSession> session, Func<ColumnValues> values, Func<CSharpEvaluator?>? csharp = null) : ICompletionSource
{
    public static readonly string[] MetaCommands = [":help", ":tables", ":schema", ":corpus", ":mode", ":format", ":maxrows", ":width", ":pager", ":timing", ":history", ":restart", ":quit"];

    // Names a C# line can use: the globals, the record properties, and the LINQ methods people reach for.
    static readonly string[] CSharpNames =
    [
        .. typeof(ScriptGlobals).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name),
        .. typeof(ScriptGlobals).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => !m.IsSpecialName && m.DeclaringType == typeof(ScriptGlobals)).Select(m => m.Name),
        .. new[] { typeof(Quote), typeof(Doc), typeof(Sentence), typeof(Paragraph), typeof(Entity), typeof(Mention), typeof(QueryRows) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name),
        "Where", "Select", "SelectMany", "Count", "Any", "All", "First", "FirstOrDefault", "Single", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "GroupBy", "Take", "Skip", "Distinct", "DistinctBy", "Sum", "Average", "Min", "Max", "MaxBy", "MinBy", "ToList",
        "ToArray", "ToDictionary", "Contains", "StartsWith", "EndsWith", "Length", "Key", "Export", "Get", "Columns",
    ];

    public IReadOnlyList<string> Complete(string textBeforeCursor, string word)
    {
        var candidates = new List<string>();
        // A C# line is C# to its end (its semicolons end C# statements, not the language's).
        var statement = textBeforeCursor.TrimStart().StartsWith('>') ? textBeforeCursor.TrimStart() : textBeforeCursor.Split(';')[^1].TrimStart();
        if (word.StartsWith(':')) candidates.AddRange(MetaCommands);
        else if (statement.StartsWith('>'))
        {
            // After a dot, only members make sense; otherwise globals too.
            var member = word.Contains('.') ? word[(word.LastIndexOf('.') + 1)..] : null;
            var prefix = member is null ? "" : word[..(word.LastIndexOf('.') + 1)];
            var names = csharp?.Invoke() is { } evaluator
                ? evaluator.Complete(textBeforeCursor[(textBeforeCursor.IndexOf('>') + 1)..])
                : CSharpNames;
            foreach (var n in names.Distinct())
                if (n.StartsWith(member ?? word, StringComparison.Ordinal)) candidates.Add(prefix + n);
            return [.. candidates.Distinct().Order(StringComparer.Ordinal)];
        }
        else if (PathCompletion.Applies(statement[..^word.Length], word))
            return [.. PathCompletion.Complete(word, session().Catalog.PathBase ?? Directory.GetCurrentDirectory()).Where(c => c.StartsWith(word, StringComparison.Ordinal))];
        else if (ContextLink.Find(word.Split('.')[0]) is { } link && word.Contains('.'))
            candidates.AddRange(link.Table.Columns.Select(c => link.Prefix + c.Name));
        else candidates.AddRange(ByPosition(session(), statement[..^word.Length]));
        return [.. candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>What fits where the cursor is: at the start tables, lets and the words that start a statement; after
    /// '|' the stages; after `by`, `select`, `where`, `and`, `or`, `not` or a ',' the columns of the source; after
    /// `=`, `!=` or inside `in (…)` the values of the column (from the corpus's value counts); elsewhere all of
    /// these.</summary>
    IEnumerable<string> ByPosition(CqlSession s, string before)
    {
        var tokens = Scanner.Tokens(before, 0, before.Length).Where(t => !t.IsTrivia).Select(t => before.Substring(t.Span.Start, t.Span.Length)).ToList();
        if (tokens.Count == 0 || tokens[^1] == ";")
            return [.. s.Catalog.SourceNames, .. SyntaxFacts.AllWords.Where(SyntaxFacts.StartsStatement)];
        var last = tokens[^1].ToLowerInvariant();
        if (last == "|") return SyntaxFacts.StageWords;
        if (ValueColumn(tokens) is { } column) return ValuesOf(tokens, column);
        var columns = ColumnsOfSource(s, before).ToList();
        if (last is "by" or "select" or "where" or "and" or "or" or "not" or ",")
            return tokens[0].Equals("quotes", StringComparison.OrdinalIgnoreCase) ? [.. columns, .. CorpusSchema.Docs.Columns.Select(c => "doc." + c.Name)] : columns;
        return [.. columns, .. s.Catalog.SourceNames, .. SyntaxFacts.AllWords];
    }

    // The column whose value comes next: `col =`, `col !=`, `col in (`, `col in (a, `.
    static string? ValueColumn(List<string> tokens)
    {
        int n = tokens.Count;
        if (n >= 2 && tokens[^1] is "=" or "==" or "!=") return tokens[^2];
        for (int i = n - 1; i >= 1; i--)
        {
            if (tokens[i] == ")") return null;
            if (tokens[i] == "(")
                return i >= 2 && tokens[i - 1].Equals("in", StringComparison.OrdinalIgnoreCase) && (tokens[^1] is "(" or ",") ? tokens[i - 2] : null;
        }
        return null;
    }

    IEnumerable<string> ValuesOf(List<string> tokens, string column)
    {
        // The loop's cache, which the hints read too and which a :corpus switch replaces.
        return values().Of(tokens[0], column).Select(v => IsName(v) ? v : "\"" + v.Replace("\"", "\\\"") + "\"");
    }

    static bool IsName(string v) => v.Length > 0 && (char.IsLetter(v[0]) || v[0] == '_') && v.All(c => char.IsLetterOrDigit(c) || c == '_') && !SyntaxFacts.IsReserved(v);

    /// <summary>The columns of the table or let the statement reads from (its first word, after let NAME = or
    /// explain).</summary>
    static IEnumerable<string> ColumnsOfSource(CqlSession s, string statement)
    {
        var words = statement.Split([' ', '\n', '\t', '|', '='], StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        if (i < words.Length && words[i].Equals("let", StringComparison.OrdinalIgnoreCase)) i += 2;
        if (i < words.Length && words[i].Equals("explain", StringComparison.OrdinalIgnoreCase)) i++;
        if (i >= words.Length) return [];
        var source = words[i];
        if (s.Catalog.FindTable(source) is { } table) return table.Columns.Select(c => c.Name);
        if (s.Catalog.FindLet(source) is { } let) return let.Plan.Schema.Select(c => c.Name);
        if (source.Equals("kwic", StringComparison.OrdinalIgnoreCase)) return ["doc_id", "sent_id", "left", "match", "right"];
        if (source.Equals("collocations", StringComparison.OrdinalIgnoreCase)) return ["word", "cofreq", "freq", "logdice", "mi", "t", "ll"];
        if (source.Equals("keywords", StringComparison.OrdinalIgnoreCase)) return ["word", "freq", "freq_ref", "per_million", "per_million_ref", "ll", "log_ratio"];
        if (source.Equals("cooccur", StringComparison.OrdinalIgnoreCase)) return ["a", "b", "n", "logdice"];
        return [];
    }
}
