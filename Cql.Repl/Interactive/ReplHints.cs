using Cql.Engine.Diagnostics;
using Cql.Engine.Syntax;
using System.Text.RegularExpressions;

namespace Cql.Repl.Interactive;

/// <summary>
/// Answers the habits people bring from elsewhere before the parser sees them: `help`, `exit` and `quit` do what
/// they say; `select … from T` shows the CQL form; `&amp;&amp;` and `||` point at `and` and `or`. After an empty
/// result, an equality on a column with few values that matches none gets "did you mean" with the nearest value.
/// </summary>
public static partial class ReplHints
{
    /// <summary>What a bare word means as a meta command (`help` → `:help`), or null.</summary>
    public static string? MetaFor(string text) => text.Trim().TrimEnd(';').Trim().ToLowerInvariant() switch
    {
        "help" or "help()" or "?" => ":help",
        "exit" or "quit" or "exit()" or "quit()" or "\\q" => ":quit",
        _ => null,
    };

    /// <summary>A hint instead of running <paramref name="text"/>, or null when it should run as it is.</summary>
    public static string? Before(string text)
    {
        var sql = SqlSelect().Match(text);
        if (sql.Success)
        {
            var cql = $"{sql.Groups["table"].Value}{(sql.Groups["rest"].Value.Trim() is { Length: > 0 } rest ? " " + rest : "")} | select {sql.Groups["cols"].Value.Trim()}";
            if (sql.Groups["cols"].Value.Trim() == "*") cql = $"{sql.Groups["table"].Value}{(sql.Groups["rest"].Value.Trim() is { Length: > 0 } r2 ? " " + r2 : "")}";
            return $"hint: CQL names the table first and pipes it through stages; that is:\n  {cql}";
        }
        foreach (var (symbol, word) in new[] { ("&&", "and"), ("||", "or") })
            if (OutsideStrings(text).Contains(symbol, StringComparison.Ordinal))
                return $"hint: CQL writes '{symbol}' as '{word}':\n  {ReplaceOutsideStrings(text, symbol, word)}";
        return null;
    }

    /// <summary>Notes for an empty result: for each `column = value` of the statement whose value the column does
    /// not have, the nearest value it does have.</summary>
    public static List<string> ForEmptyResult(string statement, ColumnValues values)
    {
        var notes = new List<string>();
        var tokens = Scanner.Tokens(statement, 0, statement.Length).Where(t => !t.IsTrivia).ToList();
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.Word) return notes;
        string Text(Token t) => statement.Substring(t.Span.Start, t.Span.Length);
        var table = Text(tokens[0]);
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || Text(tokens[i + 1]) is not ("=" or "==")) continue;
            var v = tokens[i + 2];
            if (v.Kind is not (TokenKind.Word or TokenKind.String)) continue;
            var value = v.Kind == TokenKind.String ? Unquote(Text(v)) : Text(v);
            var column = Text(tokens[i]);
            var known = values.Of(table, column);
            if (known.Count == 0 || known.Contains(value)) continue;
            var nearest = known.FirstOrDefault(k => k.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? NameSuggester.Nearest(value, known);
            if (nearest is not null) notes.Add($"note: no {column} is {Quote(value)}; did you mean {column} = {Quote(nearest)}?");
        }
        return notes;
    }

    static string Unquote(string s) => s.Length >= 2 && s[^1] == s[0] ? s[1..^1] : s[1..];

    static string Quote(string s) => Regex.IsMatch(s, "^[A-Za-z_][A-Za-z0-9_]*$") ? s : "\"" + s.Replace("\"", "\\\"") + "\"";

    // The text with its string literals blanked, so a '||' inside a quote is not taken for an operator.
    static string OutsideStrings(string text) => Strings().Replace(text, m => new string(' ', m.Length));

    static string ReplaceOutsideStrings(string text, string symbol, string word)
    {
        var blank = OutsideStrings(text);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (string.CompareOrdinal(blank, i, symbol, 0, symbol.Length) == 0) { sb.Append(word); i += symbol.Length - 1; }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^'\\\\]|\\\\.)*'?")]
    private static partial Regex Strings();

    [GeneratedRegex(@"^\s*select\s+(?<cols>.+?)\s+from\s+(?<table>[A-Za-z_]\w*)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SqlSelect();
}
