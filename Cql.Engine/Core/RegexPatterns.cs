using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Cql.Engine.Core;

/// <summary>
/// The regular expressions of `matches`, compiled once per pattern. .NET's non-backtracking engine runs in time
/// linear in the text, so no pattern can hang a query; a pattern it does not support (backreferences, lookarounds)
/// falls back to the backtracking engine with a time limit per row.
/// </summary>
public static class RegexPatterns
{
    /// <summary>How long one row may take with the backtracking engine.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern; throws ArgumentException when it is not a valid regular expression.</summary>
    public static Regex Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    static Regex Compile(string pattern)
    {
        try { return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking); }
        catch (NotSupportedException) { return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout); }
    }
}
